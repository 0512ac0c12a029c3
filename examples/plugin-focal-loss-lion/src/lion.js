// Lion, "EvoLved Sign Momentum" (Chen et al., "Symbolic Discovery of Optimization Algorithms",
// NeurIPS 2023). Per parameter, with m the momentum (slot `exp_avg`):
//   c = β₁ m + (1 − β₁) g          an interpolation of momentum and gradient
//   θ ← θ (1 − γ λ) − γ sign(c)    decoupled weight decay, then a step of the same size on every coordinate
//   m ← β₂ m + (1 − β₂) g          the momentum is updated after, with its own β₂
// Because every coordinate moves by ±γ, Lion's γ is typically 3–10× smaller than AdamW's.
import { ValueError } from '@gradlab/core-tensor';
import { elementwiseOptimizer, scheduleFromSpec } from '@gradlab/optim';

/**
 * @typedef {object} LionOptions
 * @property {number | import('@gradlab/optim').Schedule | { id: string, config: object }} [lr] the
 *   step size γ, a schedule, or a saved schedule `{ id, config }` (default 1e-4)
 * @property {[number, number]} [betas] (β₁, β₂), each in [0, 1) (default [0.9, 0.99])
 * @property {number} [weightDecay] the decoupled weight decay λ >= 0 (default 0)
 */

function check(arg, value, ok, expected) {
  if (typeof value !== 'number' || !Number.isFinite(value) || !ok(value)) {
    throw new ValueError(`Invalid ${arg}: ${String(value)}`, { pkg: 'plugin-focal-loss-lion', op: 'lion', arg, expected, received: value });
  }
  return value;
}

/**
 * The Lion optimizer, update for update as the paper's Algorithm 2 (and `lion-pytorch`).
 *
 * @param {LionOptions} [options]
 * @returns {import('@gradlab/optim').Optimizer} an optimizer with id `lion`, config `{ lr, betas, weightDecay }`
 * @throws {ValueError} for a negative lr or weightDecay, or a beta outside [0, 1)
 * @example
 * const opt = lion({ lr: 1e-4, betas: [0.9, 0.99], weightDecay: 0.1 });
 */
export function lion(options = {}) {
  const given = options.lr ?? 1e-4;
  const lr = typeof given === 'number' ? check('lr', given, (v) => v >= 0, 'lr >= 0') : typeof given.at === 'function' ? given : scheduleFromSpec(given);
  const betas = options.betas ?? [0.9, 0.99];
  if (!Array.isArray(betas) || betas.length !== 2) {
    throw new ValueError('betas is a pair', { pkg: 'plugin-focal-loss-lion', op: 'lion', arg: 'betas', expected: '[beta1, beta2]', received: betas });
  }
  const beta1 = check('betas[0]', betas[0], (v) => v >= 0 && v < 1, '0 <= beta1 < 1');
  const beta2 = check('betas[1]', betas[1], (v) => v >= 0 && v < 1, '0 <= beta2 < 1');
  const weightDecay = check('weightDecay', options.weightDecay ?? 0, (v) => v >= 0, 'weightDecay >= 0');
  return elementwiseOptimizer({
    id: 'lion',
    config: { betas: [beta1, beta2], weightDecay },
    lr,
    slots: ['exp_avg'],
    update({ param, grad, slots, lr: step }) {
      const m = slots.exp_avg;
      const decay = 1 - step * weightDecay;
      for (let k = 0; k < param.length; k++) {
        const g = grad[k];
        const c = beta1 * m[k] + (1 - beta1) * g;
        param[k] = param[k] * decay - step * Math.sign(c);
        m[k] = beta2 * m[k] + (1 - beta2) * g;
      }
    },
  });
}
