import { ValueError } from '../errors.ts';
import type { Tensor } from '../tensor.ts';
import { minNormLstsq } from './kernels/min-norm-lstsq.ts';
import { EPS64 } from './kernels/row-major.ts';
import { float64Tensor, readMatrix, readRhs } from './matrix-input.ts';

/** Options of {@link lstsq}. */
export interface LstsqOptions {
  /**
   * Singular values at or below `rcond · σ_max` count as zero. Default ε·max(m, n) with ε = 2⁻⁵²,
   * numpy's default. Raise it (e.g. 1e-10) to treat a nearly collinear design as rank-deficient.
   */
  rcond?: number;
}

/** The result of {@link lstsq} for a `[m, n]` design and a `[m]` or `[m, k]` right-hand side. */
export interface LstsqResult {
  /** The minimum-norm least-squares solution: `[n]` for b `[m]`, `[n, k]` for b `[m, k]`. */
  solution: Tensor;
  /**
   * The squared residual norms ‖b − a·x‖² per column of b: `[1]` for b `[m]`, `[k]` for b
   * `[m, k]`. Unlike numpy, always returned (numpy leaves them empty when rank < n or m ≤ n).
   */
  residuals: Tensor;
  /** The numerical rank of a: the number of singular values above rcond·σ_max. */
  rank: number;
  /** The min(m, n) singular values of a, descending, `[min(m, n)]`. */
  singularValues: Tensor;
}

/**
 * Least squares: the x minimising ‖a·x − b‖₂ and, among those, the one of least norm, so the
 * answer is unique even for rank-deficient or underdetermined (wide) systems. It is x = a⁺·b
 * through the singular value decomposition (one-sided Jacobi), with singular values at or below
 * rcond·σ_max treated as zero, as numpy's `lstsq` (gelsd) does.
 *
 * Computed in float64 (float32 and int32 inputs are promoted; the results are float64). Not
 * differentiable: the results do not record a gradient.
 *
 * @param a - `[m, n]` design matrix, any m and n
 * @param b - `[m]` or `[m, k]` right-hand side(s)
 * @param options - `rcond`, the relative cutoff for small singular values
 * @returns `{ solution, residuals, rank, singularValues }`, shapes as in {@link LstsqResult}
 * @throws ShapeError when a is not a matrix or b does not have m rows
 * @throws DTypeError when a or b is bool
 * @throws ValueError when an entry is NaN/±Infinity, or rcond is negative or not finite
 * @example
 * // fit y = c0 + c1·t through (0, 1), (1, 3), (2, 5)
 * const { solution, rank } = lstsq(tensor([[1, 0], [1, 1], [1, 2]]), tensor([1, 3, 5]));
 * solution.toArray(); // [1, 2] (to rounding); rank === 2
 */
export function lstsq(a: Tensor, b: Tensor, options?: LstsqOptions): LstsqResult {
  const rcond = options?.rcond;
  if (rcond !== undefined && !(Number.isFinite(rcond) && rcond >= 0)) {
    throw new ValueError('rcond must be a finite number ≥ 0', { op: 'lstsq', arg: 'options.rcond', expected: 'a finite number ≥ 0', received: rcond });
  }
  const m = readMatrix('lstsq', 'a', a, false);
  const rhs = readRhs('lstsq', b, m.rows, a.shape);
  const n = m.cols;
  const res = minNormLstsq(m.data, m.rows, n, rhs.data, rhs.cols, rcond ?? EPS64 * Math.max(m.rows, n));
  return {
    solution: float64Tensor(res.x, rhs.vector ? [n] : [n, rhs.cols]),
    residuals: float64Tensor(res.residuals, [rhs.cols]),
    rank: res.rank,
    singularValues: float64Tensor(res.singularValues, [res.singularValues.length]),
  };
}
