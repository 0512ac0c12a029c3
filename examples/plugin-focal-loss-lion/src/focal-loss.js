// The binary focal loss on logits (Lin, Goyal, Girshick, He & Dollár, "Focal Loss for Dense Object
// Detection", ICCV 2017): FL = −α_t (1 − p_t)^γ log p_t, where p = σ(s), p_t = p for t = 1 and
// 1 − p for t = 0, and α_t = α for t = 1, 1 − α for t = 0. The factor (1 − p_t)^γ shrinks the loss
// of samples that are already classified well, so training concentrates on the hard ones.
import { add, exp, mul, softplus, sub, ValueError } from '@gradlab/core-tensor';
import { defineLoss } from '@gradlab/losses';

/**
 * @typedef {object} FocalLossOptions
 * @property {number} [gamma] the focusing parameter γ >= 0 (default 2; 0 gives the cross-entropy)
 * @property {number | null} [alpha] the weight α in [0, 1] of the positive class (default 0.25;
 *   `null` weighs both classes 1, as `torchvision.ops.sigmoid_focal_loss` does for alpha < 0)
 * @property {'mean' | 'sum' | 'none'} [reduction] default `mean`
 */

/**
 * The focal loss of a logit s for a binary target t, computed without forming σ(s): with the
 * signed logit z = (2t − 1) s, log p_t = −softplus(−z) and (1 − p_t)^γ = exp(−γ softplus(z)), so
 * FL = α_t · exp(−γ softplus(z)) · softplus(−z), finite for any s. With γ = 0 and α = null it is
 * `binary-cross-entropy-with-logits` exactly.
 *
 * @param {FocalLossOptions} [options]
 * @returns {import('@gradlab/losses').Loss} a loss with id `focal` (prediction `score`, target `binary`)
 * @throws {ValueError} for γ < 0 or α outside [0, 1]
 * @example
 * focalLoss({ gamma: 2, alpha: 0.25 }).forward(tensor([3, -1]), tensor([1, 0])).item();
 */
export function focalLoss(options = {}) {
  const gamma = options.gamma ?? 2;
  const alpha = options.alpha === undefined ? 0.25 : options.alpha;
  if (typeof gamma !== 'number' || !Number.isFinite(gamma) || gamma < 0) {
    throw new ValueError(`Invalid gamma: ${String(gamma)}`, { pkg: 'plugin-focal-loss-lion', op: 'focalLoss', arg: 'gamma', expected: 'a finite number >= 0', received: gamma });
  }
  if (alpha !== null && (typeof alpha !== 'number' || !(alpha >= 0 && alpha <= 1))) {
    throw new ValueError(`Invalid alpha: ${String(alpha)}`, { pkg: 'plugin-focal-loss-lion', op: 'focalLoss', arg: 'alpha', expected: 'a number in [0, 1], or null for no class weight', received: alpha });
  }
  return defineLoss({
    id: 'focal',
    config: { gamma, alpha },
    ...(options.reduction !== undefined ? { reduction: options.reduction } : {}),
    prediction: 'score',
    target: 'binary',
    elementwise: (s, t) => {
      const z = mul(sub(mul(t, 2), 1), s);
      const ce = softplus(sub(0, z));
      const focused = gamma === 0 ? ce : mul(exp(mul(softplus(z), -gamma)), ce);
      if (alpha === null) return focused;
      // α_t = (1 − α) + t (2α − 1): α for t = 1, 1 − α for t = 0.
      return mul(add(mul(t, 2 * alpha - 1), 1 - alpha), focused);
    },
  });
}
