import { neg } from '@gradlab/core-tensor';
import { checkLossOptions, defineLoss } from './define-loss.ts';
import type { Loss } from './loss.ts';
import type { MarginLossOptions } from './margin.ts';
import { margin, requireLabels } from './margin.ts';
import { stableSoftplus } from './stable-softplus.ts';

/**
 * The logistic loss log(1 + e^(−y)) of the margin y = t± θᵀu(x): logistic regression's log-loss
 * −log σ(y). Its gradient with respect to the score is (σ(s) − t) for t in {0, 1}, the notes'
 * logistic-regression update. Stable for any y: about −y for y ≪ 0, e^(−y) for y ≫ 0.
 *
 * @param options `{ labels = 'zero-one', reduction = 'mean' }`
 * @returns a {@link Loss} with id `logistic`
 * @throws ValueError for an unknown label encoding; `forward` throws for targets outside {0, 1}
 * @example
 * ```ts
 * logisticLoss().forward(tensor([-2]), tensor([0])).item(); // log(1 + e^-2) = 0.126928
 * ```
 */
export function logisticLoss(options: MarginLossOptions = {}): Loss {
  options = checkLossOptions('logisticLoss', options, ['labels']);
  const labels = requireLabels('logisticLoss', options.labels ?? 'zero-one');
  return defineLoss({
    id: 'logistic',
    config: { labels },
    reduction: options.reduction ?? 'mean',
    prediction: 'score',
    target: labels === 'signed' ? 'signed' : 'binary',
    elementwise: (s, t) => stableSoftplus(neg(margin(s, t, labels))),
  });
}
