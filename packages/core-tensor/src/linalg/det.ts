import { customGrad } from '../autodiff/custom-grad.ts';
import { mul } from '../ops/binary.ts';
import { transpose } from '../ops/movement.ts';
import type { Tensor } from '../tensor.ts';
import { cofactorMatrix } from './kernels/cofactor.ts';
import { luDeterminant, luFactor, luSingularPivot } from './kernels/lu.ts';
import { float64Tensor, gradFor, readMatrix } from './matrix-input.ts';
import { inverse } from './inverse.ts';

const detOp = customGrad(
  (a: Tensor): Tensor => {
    const m = readMatrix('det', 'a', a, true);
    return float64Tensor(Float64Array.of(luDeterminant(luFactor(m.data, m.rows))), []);
  },
  // Jacobi's formula: d det(A) = tr(adj(A)·dA), so gA = g·adj(A)ᵀ = g·det(A)·A⁻ᵀ.
  (g, d, [a]) => {
    const m = readMatrix('det', 'a', a, true);
    const f = luFactor(m.data, m.rows);
    // Invertible: built from inverse, so that it differentiates again. Singular: the cofactor
    // matrix from the SVD, which has no division by a zero pivot (a constant for outer levels).
    const ga = luSingularPivot(f) < 0 ? mul(mul(g, d), transpose(inverse(a))) : mul(g, float64Tensor(cofactorMatrix(m.data, m.rows), [m.rows, m.rows]));
    return [gradFor(ga, a)];
  },
  { name: 'det' },
);

/**
 * The determinant of a square matrix, det(P)·Π U[k][k] from its LU factorisation with partial
 * pivoting. A singular matrix gives 0 (exactly, when elimination meets a zero column) or a value
 * at rounding level; det does not throw for it.
 *
 * Computed in float64 (float32 and int32 inputs are promoted; the result is float64).
 * Differentiable by Jacobi's formula, ∂det/∂A = det(A)·A⁻ᵀ = adj(A)ᵀ; at a singular A the
 * adjugate is taken from the SVD, so the gradient stays correct (e.g. nonzero at rank n − 1).
 * The determinant of a `[0, 0]` matrix is 1.
 *
 * @param a - `[n, n]` matrix
 * @returns a rank-0 float64 tensor
 * @throws ShapeError when a is not a square matrix
 * @throws DTypeError when a is bool
 * @throws ValueError when an entry is NaN/±Infinity
 * @example
 * det(tensor([[1, 2], [3, 4]])).item(); // -2 (to rounding)
 */
export function det(a: Tensor): Tensor {
  return detOp(a);
}
