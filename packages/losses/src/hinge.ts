import { relu, sub } from '@gradlab/core-tensor';
import { checkLossOptions, defineLoss } from './define-loss.ts';
import type { Loss } from './loss.ts';
import type { MarginLossOptions } from './margin.ts';
import { margin, requireLabels } from './margin.ts';

/**
 * The hinge loss max(0, 1 − y) of the margin y = t± θᵀu(x) (support vector machines): zero once a
 * sample is classified correctly with margin 1, linear otherwise.
 *
 * @param options `{ labels = 'zero-one', reduction = 'mean' }`
 * @returns a {@link Loss} with id `hinge` (prediction `score`, target `binary` or `signed`)
 * @throws ValueError for an unknown label encoding; `forward` throws for targets outside {0, 1}
 * @example
 * ```ts
 * hinge().forward(tensor([0.5, -2]), tensor([1, 0])).item(); // (0.5 + 0) / 2
 * ```
 */
export function hinge(options: MarginLossOptions = {}): Loss {
  options = checkLossOptions('hinge', options, ['labels']);
  const labels = requireLabels('hinge', options.labels ?? 'zero-one');
  return defineLoss({
    id: 'hinge',
    config: { labels },
    reduction: options.reduction ?? 'mean',
    prediction: 'score',
    target: labels === 'signed' ? 'signed' : 'binary',
    elementwise: (s, t) => relu(sub(1, margin(s, t, labels))),
  });
}
