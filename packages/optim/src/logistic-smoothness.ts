import { requireOptions, requireTensor } from '@gradlab/core-tensor';
import type { Tensor } from '@gradlab/core-tensor';
import type { SmoothnessOptions } from './least-squares-smoothness.ts';
import { largestGramEigenvalue } from './least-squares-smoothness.ts';

/**
 * The smoothness constant of the logistic-regression training loss
 * L_D(θ) = (1/N) Σ_n log(1 + e^(−t±_n θᵀu_n)): its Hessian (1/N) Xᵀ diag(σ(1 − σ)) X is bounded by
 * (1/(4N)) XᵀX because σ(1 − σ) <= 1/4, so L = λ_max(XᵀX) / (4N) (λ_max / 4 with `sum`). The bound
 * is attained where θᵀu_n = 0 for every n, e.g. at θ = 0.
 *
 * @param x the design matrix `[N, D]`
 * @param options `{ reduction = 'mean' }`
 * @returns L
 * @throws ShapeError when x is not 2-D; ValueError when it has no rows or non-finite entries
 * @example
 * ```ts
 * logisticSmoothness(tensor([[2.1], [-1.5]])); // (2.1² + 1.5²) / 8 = 0.8325
 * ```
 */
export function logisticSmoothness(x: Tensor, options: SmoothnessOptions = {}): number {
  requireTensor(x, { pkg: 'optim', op: 'logisticSmoothness', arg: 'x' });
  options = requireOptions(options, { pkg: 'optim', op: 'logisticSmoothness' }, ['reduction']);
  const { lambda, n } = largestGramEigenvalue('logisticSmoothness', x);
  return options.reduction === 'sum' ? lambda / 4 : lambda / (4 * n);
}
