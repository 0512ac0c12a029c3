import { customGrad } from '../autodiff/custom-grad.ts';
import { matmul } from '../ops/matmul.ts';
import { transpose } from '../ops/movement.ts';
import { neg } from '../ops/unary.ts';
import type { Tensor } from '../tensor.ts';
import { luFactor, luInverse } from './kernels/lu.ts';
import { float64Tensor, gradFor, readMatrix } from './matrix-input.ts';

const inverseOp = customGrad(
  (a: Tensor): Tensor => {
    const m = readMatrix('inverse', 'a', a, true);
    return float64Tensor(luInverse(luFactor(m.data, m.rows), 'inverse'), [m.rows, m.rows]);
  },
  // d(A⁻¹) = −A⁻¹·dA·A⁻¹, so gA = −A⁻ᵀ·g·A⁻ᵀ
  (g, inv, [a]) => {
    const it = transpose(inv);
    return [gradFor(neg(matmul(matmul(it, g), it)), a)];
  },
  { name: 'inverse' },
);

/**
 * The inverse A⁻¹ of a nonsingular square matrix, from its LU factorisation with partial
 * pivoting (by solving A·X = I). To solve a system, prefer {@link solve}: it is cheaper and more
 * accurate than multiplying by the inverse.
 *
 * Computed in float64 (float32 and int32 inputs are promoted; the result is float64).
 * Differentiable: d(A⁻¹) = −A⁻¹·dA·A⁻¹, so the gradient is gA = −A⁻ᵀ·g·A⁻ᵀ.
 *
 * @param a - `[n, n]` nonsingular matrix
 * @returns A⁻¹, `[n, n]` float64
 * @throws ShapeError when a is not a square matrix
 * @throws DTypeError when a is bool
 * @throws ValueError when an entry is NaN/±Infinity, or a is singular to working precision (a
 *   pivot |u_kk| ≤ n·ε·max|a|; the message names it)
 * @example
 * inverse(tensor([[2, 0], [0, 4]])).toArray(); // [[0.5, 0], [0, 0.25]]
 */
export function inverse(a: Tensor): Tensor {
  return inverseOp(a);
}
