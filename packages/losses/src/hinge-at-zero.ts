import { neg, relu } from '@gradlab/core-tensor';
import { checkLossOptions, defineLoss } from './define-loss.ts';
import type { Loss } from './loss.ts';
import type { MarginLossOptions } from './margin.ts';
import { margin, requireLabels } from './margin.ts';

/**
 * The hinge-at-zero loss max(0, −y) of the margin y = t± θᵀu(x): the perceptron's loss. Its
 * gradient is −t± u(x) for a misclassified sample (y < 0) and 0 otherwise, so SGD on it is the
 * perceptron rule θ ← θ + γ t± u(x).
 *
 * @param options `{ labels = 'zero-one', reduction = 'mean' }`
 * @returns a {@link Loss} with id `hinge-at-zero`
 * @throws ValueError for an unknown label encoding; `forward` throws for targets outside {0, 1}
 * @example
 * ```ts
 * hingeAtZero().forward(tensor([-2.1]), tensor([1])).item(); // 2.1
 * ```
 */
export function hingeAtZero(options: MarginLossOptions = {}): Loss {
  options = checkLossOptions('hingeAtZero', options, ['labels']);
  const labels = requireLabels('hingeAtZero', options.labels ?? 'zero-one');
  return defineLoss({
    id: 'hinge-at-zero',
    config: { labels },
    reduction: options.reduction ?? 'mean',
    prediction: 'score',
    target: labels === 'signed' ? 'signed' : 'binary',
    elementwise: (s, t) => relu(neg(margin(s, t, labels))),
  });
}
