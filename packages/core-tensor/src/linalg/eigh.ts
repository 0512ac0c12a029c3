import type { Tensor } from '../tensor.ts';
import { jacobiEigh } from './kernels/jacobi-eigh.ts';
import { checkSymmetric, float64Tensor, readMatrix } from './matrix-input.ts';

/** The result of {@link eigh} for a `[n, n]` matrix. */
export interface EighResult {
  /** The eigenvalues, ascending, `[n]`. */
  values: Tensor;
  /** `[n, n]`, orthonormal columns: column i is the eigenvector of `values[i]`. */
  vectors: Tensor;
}

/**
 * The eigendecomposition A = V·diag(λ)·Vᵀ of a real symmetric matrix, by the cyclic Jacobi
 * method (accurate to about ε·‖A‖ in every eigenvalue, including the small ones).
 *
 * Eigenvectors are unique only up to sign (and, for a repeated eigenvalue, up to a rotation
 * within its eigenspace); each is returned with its largest-magnitude entry positive.
 * Computed in float64 (float32 and int32 inputs are promoted; the results are float64). A must be
 * symmetric within √ε·max|a| (ε of its dtype); only its lower triangle is then used. Not
 * differentiable: the results do not record a gradient.
 *
 * @param a - `[n, n]` symmetric matrix
 * @returns `{ values: [n] ascending, vectors: [n, n] }`
 * @throws ShapeError when a is not a square matrix
 * @throws DTypeError when a is bool
 * @throws ValueError when a has a NaN/±Infinity entry or is not symmetric
 * @example
 * const { values, vectors } = eigh(tensor([[2, 1], [1, 2]]));
 * values.toArray();  // [1, 3] (to rounding)
 * vectors.toArray(); // [[0.7071, 0.7071], [-0.7071, 0.7071]] (≈ ±1/√2)
 */
export function eigh(a: Tensor): EighResult {
  const m = readMatrix('eigh', 'a', a, true);
  checkSymmetric('eigh', m, a.dtype);
  const n = m.rows;
  const { values, vectors } = jacobiEigh(m.data, n);
  return { values: float64Tensor(values, [n]), vectors: float64Tensor(vectors, [n, n]) };
}
