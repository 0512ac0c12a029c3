import { exp, neg } from '@gradlab/core-tensor';
import { checkLossOptions, defineLoss } from './define-loss.ts';
import type { Loss } from './loss.ts';
import type { MarginLossOptions } from './margin.ts';
import { margin, requireLabels } from './margin.ts';

/**
 * The exponential loss e^(−y) of the margin y = t± θᵀu(x) (AdaBoost). It is computed as one
 * exponential, exact wherever the value is representable: it underflows to 0 for y > 745 and its
 * true value exceeds the largest double for y < −709.78, where the result is +Infinity.
 *
 * @param options `{ labels = 'zero-one', reduction = 'mean' }`
 * @returns a {@link Loss} with id `exponential`
 * @throws ValueError for an unknown label encoding; `forward` throws for targets outside {0, 1}
 * @example
 * ```ts
 * exponentialLoss().forward(tensor([0]), tensor([1])).item(); // 1
 * ```
 */
export function exponentialLoss(options: MarginLossOptions = {}): Loss {
  options = checkLossOptions('exponentialLoss', options, ['labels']);
  const labels = requireLabels('exponentialLoss', options.labels ?? 'zero-one');
  return defineLoss({
    id: 'exponential',
    config: { labels },
    reduction: options.reduction ?? 'mean',
    prediction: 'score',
    target: labels === 'signed' ? 'signed' : 'binary',
    elementwise: (s, t) => exp(neg(margin(s, t, labels))),
  });
}
