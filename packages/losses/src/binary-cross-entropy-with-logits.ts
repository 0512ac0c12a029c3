import { mul, sub } from '@gradlab/core-tensor';
import { checkLossOptions, defineLoss } from './define-loss.ts';
import type { Loss } from './loss.ts';
import type { ReductionOptions } from './quadratic.ts';
import { stableSoftplus } from './stable-softplus.ts';

/**
 * The binary log-loss from a score (logit) s, −[t log σ(s) + (1 − t) log(1 − σ(s))], computed as
 * softplus(s) − t s without forming σ(s): exact and finite for any s (`torch.nn.BCEWithLogitsLoss`).
 * Its gradient is σ(s) − t. For t in {0, 1} it equals {@link logisticLoss}.
 *
 * @param options `{ reduction = 'mean' }`
 * @returns a {@link Loss} with id `binary-cross-entropy-with-logits` (prediction `score`, target in [0, 1])
 * @throws `forward` throws ValueError for targets outside [0, 1]
 * @example
 * ```ts
 * binaryCrossEntropyWithLogits().forward(tensor([-2]), tensor([0])).item(); // 0.126928
 * ```
 */
export function binaryCrossEntropyWithLogits(options: ReductionOptions = {}): Loss {
  options = checkLossOptions('binaryCrossEntropyWithLogits', options, []);
  return defineLoss({
    id: 'binary-cross-entropy-with-logits',
    reduction: options.reduction ?? 'mean',
    prediction: 'score',
    target: 'probability',
    elementwise: (s, t) => sub(stableSoftplus(s), mul(t, s)),
  });
}
