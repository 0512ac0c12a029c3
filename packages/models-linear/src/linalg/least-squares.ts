import { lstsq, tensor } from '@gradlab/core-tensor';

/** The minimum-norm least-squares solution of A·θ ≈ b and what the SVD revealed on the way. */
export interface LeastSquaresResult {
  /** θ `[n]`: of all minimisers of ‖b − A·θ‖², the one of least norm. */
  readonly solution: Float64Array;
  /** ‖b − A·θ‖². */
  readonly residual: number;
  /** The numerical rank: singular values above `rcond · s_max`. */
  readonly rank: number;
  /** The singular values of A, descending (`min(m, n)` of them). */
  readonly singularValues: Float64Array;
}

const EPS = 2.220446049250313e-16;

/**
 * The minimum-norm least-squares solution θ = A⁺b = V Σ⁺ Uᵀ b on flat float64 arrays, through
 * core-tensor's `lstsq` (an SVD, so no XᵀX is formed and the accuracy of ill-conditioned Vandermonde
 * designs is kept). Singular values at or below `rcond · s_max` count as zero, so a rank-deficient or
 * wide A gives the solution with no component in A's null space, as numpy's `lstsq` does.
 * @param a the design `[m, n]`, row-major (not modified)
 * @param m rows
 * @param n columns
 * @param b the targets `[m]`
 * @param rcond relative cutoff for small singular values (default ε · max(m, n))
 * @returns the solution, its residual, the rank and the singular values
 * @example
 * leastSquares(new Float64Array([1, 0, 1, 1, 1, 2]), 3, 2, new Float64Array([1, 2, 3])).solution; // [1, 1]
 */
export function leastSquares(a: Float64Array, m: number, n: number, b: Float64Array, rcond: number = EPS * Math.max(m, n)): LeastSquaresResult {
  const r = lstsq(tensor(a, { shape: [m, n], dtype: 'float64' }), tensor(b, { shape: [m], dtype: 'float64' }), { rcond });
  const solution = Float64Array.from(r.solution.data);
  let residual = 0;
  for (let i = 0; i < m; i++) {
    let e = b[i] as number;
    for (let j = 0; j < n; j++) e -= (a[i * n + j] as number) * (solution[j] as number);
    residual += e * e;
  }
  return { solution, residual, rank: r.rank, singularValues: Float64Array.from(r.singularValues.data) };
}
