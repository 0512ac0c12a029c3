import { add, log, maximum, mul, neg, sub } from '@gradlab/core-tensor';

/** e^−100: clamping the argument of each log here clamps the log at −100 with a finite gradient. */
const FLOOR = Math.exp(-100);
import { checkLossOptions, defineLoss } from './define-loss.ts';
import type { Loss } from './loss.ts';
import type { ReductionOptions } from './quadratic.ts';

/**
 * The binary log-loss from probabilities, −[t log q + (1 − t) log(1 − q)] with q = q(t = 1 | x), as
 * `torch.nn.BCELoss`: each log is clamped at −100 so that q = 0 or 1 gives a finite loss (100) and a
 * finite gradient.
 * Prefer {@link binaryCrossEntropyWithLogits} when you have the score: it is exact where this one
 * clamps.
 *
 * @param options `{ reduction = 'mean' }`
 * @returns a {@link Loss} with id `binary-cross-entropy` (prediction `probability`, target in [0, 1])
 * @throws `forward` throws ValueError for probabilities outside [0, 1]
 * @example
 * ```ts
 * binaryCrossEntropy().forward(tensor([0.8]), tensor([1])).item(); // -log 0.8 = 0.2231
 * ```
 */
export function binaryCrossEntropy(options: ReductionOptions = {}): Loss {
  options = checkLossOptions('binaryCrossEntropy', options, []);
  return defineLoss({
    id: 'binary-cross-entropy',
    reduction: options.reduction ?? 'mean',
    prediction: 'probability',
    target: 'probability',
    elementwise: (q, t) => {
      const logQ = log(maximum(q, FLOOR));
      const log1mQ = log(maximum(sub(1, q), FLOOR));
      return neg(add(mul(t, logQ), mul(sub(1, t), log1mQ)));
    },
  });
}
