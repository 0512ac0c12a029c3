import { square, sub } from '@gradlab/core-tensor';
import { checkLossOptions, defineLoss } from './define-loss.ts';
import type { Loss, Reduction } from './loss.ts';

/** Options shared by the losses: how `forward` reduces. */
export interface ReductionOptions {
  /** `mean` (default), `sum` or `none`. */
  reduction?: Reduction;
}

/**
 * The quadratic loss ℓ(t, t̂) = (t − t̂)², whose population minimiser is the posterior mean
 * E[t | x]; with `mean` reduction, the training loss of least squares.
 *
 * @param options `{ reduction = 'mean' }`
 * @returns a {@link Loss} with id `quadratic` (prediction `value`, target `real`)
 * @throws ValueError for an unknown reduction; `forward` throws ShapeError when shapes differ
 * @example
 * ```ts
 * quadratic().forward(tensor([2.5, 0]), tensor([3, 1])).item(); // (0.25 + 1) / 2 = 0.625
 * ```
 */
export function quadratic(options: ReductionOptions = {}): Loss {
  options = checkLossOptions('quadratic', options, []);
  return defineLoss({
    id: 'quadratic',
    reduction: options.reduction ?? 'mean',
    prediction: 'value',
    target: 'real',
    elementwise: (p, t) => square(sub(t, p)),
  });
}
