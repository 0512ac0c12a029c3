import { eigh, matmul, requireOptions, requireTensor, ShapeError, transpose, ValueError } from '@gradlab/core-tensor';
import type { Tensor } from '@gradlab/core-tensor';

/** Options of {@link leastSquaresSmoothness} and `logisticSmoothness`. */
export interface SmoothnessOptions {
  /** The training loss averages over the N samples (`mean`, default, as L_D in the notes) or sums. */
  reduction?: 'mean' | 'sum';
}

/** λ_max(XᵀX) and N for a design matrix X `[N, D]`. */
export function largestGramEigenvalue(op: string, x: Tensor): { lambda: number; n: number } {
  if (x.rank !== 2) {
    throw new ShapeError('the design matrix must be 2-D', { pkg: 'optim', op, arg: 'x', expected: '[N, D]', received: `[${x.shape.join(', ')}]`, hint: 'one row per sample, one column per feature u_d(x)' });
  }
  const n = x.shape[0] ?? 0;
  if (n === 0) throw new ValueError('the design matrix has no rows', { pkg: 'optim', op, arg: 'x', expected: 'N >= 1', received: 0 });
  const values = eigh(matmul(transpose(x), x)).values.data;
  return { lambda: Math.max(0, values[values.length - 1] ?? 0), n };
}

/**
 * The smoothness constant of the least-squares training loss L_D(θ) = (1/N) Σ_n (t_n − θᵀu_n)²:
 * its Hessian is the constant (2/N) XᵀX, so L = (2/N) λ_max(XᵀX) exactly (2 λ_max with `sum`).
 * Gradient descent with γ = 1/L then decreases the loss at every step.
 *
 * @param x the design matrix `[N, D]` (rows u(x_n)ᵀ)
 * @param options `{ reduction = 'mean' }`
 * @returns L
 * @throws ShapeError when x is not 2-D; ValueError when it has no rows or non-finite entries
 * @example
 * ```ts
 * leastSquaresSmoothness(tensor([[1, 0], [1, 1], [1, 2], [1, 3]])); // (2/4) λ_max([[4, 6], [6, 14]])
 * ```
 */
export function leastSquaresSmoothness(x: Tensor, options: SmoothnessOptions = {}): number {
  requireTensor(x, { pkg: 'optim', op: 'leastSquaresSmoothness', arg: 'x' });
  options = requireOptions(options, { pkg: 'optim', op: 'leastSquaresSmoothness' }, ['reduction']);
  const { lambda, n } = largestGramEigenvalue('leastSquaresSmoothness', x);
  return options.reduction === 'sum' ? 2 * lambda : (2 * lambda) / n;
}
