import type { Tensor } from '../tensor.ts';
import { choleskyFactor } from './kernels/cholesky.ts';
import { checkSymmetric, float64Tensor, readMatrix } from './matrix-input.ts';

/**
 * The Cholesky factor of a symmetric positive-definite matrix: the lower-triangular L with a
 * positive diagonal such that A = L·Lᵀ.
 *
 * Computed in float64 (float32 and int32 inputs are promoted; the result is float64). A must be
 * symmetric within √ε·max|a| (ε of its dtype); only its lower triangle is then used. Not
 * differentiable: the result does not record a gradient.
 *
 * @param a - `[n, n]` symmetric positive-definite matrix
 * @returns L, `[n, n]` float64, zero above the diagonal
 * @throws ShapeError when a is not a square matrix
 * @throws DTypeError when a is bool
 * @throws ValueError when a has a NaN/±Infinity entry, is not symmetric, or is not positive
 *   definite (the message names the first non-positive pivot)
 * @example
 * cholesky(tensor([[4, 2], [2, 10]])).toArray(); // [[2, 0], [1, 3]]
 */
export function cholesky(a: Tensor): Tensor {
  const m = readMatrix('cholesky', 'a', a, true);
  checkSymmetric('cholesky', m, a.dtype);
  return float64Tensor(choleskyFactor(m.data, m.rows, 'cholesky'), [m.rows, m.rows]);
}
