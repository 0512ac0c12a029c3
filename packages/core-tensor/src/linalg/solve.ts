import { customGrad } from '../autodiff/custom-grad.ts';
import { matmul } from '../ops/matmul.ts';
import { neg } from '../ops/unary.ts';
import { expandDims, transpose } from '../ops/movement.ts';
import type { Tensor } from '../tensor.ts';
import { luFactor, luSolve } from './kernels/lu.ts';
import { float64Tensor, gradFor, readMatrix, readRhs } from './matrix-input.ts';

const solveOp = customGrad(
  (a: Tensor, b: Tensor): Tensor => {
    const m = readMatrix('solve', 'a', a, true, 'for a non-square system use lstsq (least squares)');
    const rhs = readRhs('solve', b, m.rows, a.shape);
    const x = luSolve(luFactor(m.data, m.rows), rhs.data, rhs.cols, 'solve');
    return float64Tensor(x, b.shape);
  },
  // x = A⁻¹·b: the adjoint system gives gb = A⁻ᵀ·gx, and gA = −gb·xᵀ
  (g, x, [a, b]) => {
    const gb = solve(transpose(a), g);
    const ga = b.rank === 1 ? neg(matmul(expandDims(gb, 1), expandDims(x, 0))) : neg(matmul(gb, transpose(x)));
    return [gradFor(ga, a), gradFor(gb, b)];
  },
  { name: 'solve' },
);

/**
 * Solves the square linear system A·x = b (or A·X = B for several right-hand sides) by LU
 * factorisation with partial pivoting.
 *
 * Computed in float64 (float32 and int32 inputs are promoted; the result is float64).
 * Differentiable in both arguments: for x = A⁻¹·b the gradients are gb = A⁻ᵀ·gx and
 * gA = −gb·xᵀ (themselves differentiable, so higher-order gradients work).
 *
 * @param a - `[n, n]` nonsingular matrix
 * @param b - `[n]` vector or `[n, k]` matrix of right-hand sides
 * @returns x with the shape of b (`[n]` or `[n, k]`), float64
 * @throws ShapeError when a is not square, or b is not `[n]`/`[n, k]` with n the order of a
 * @throws DTypeError when a or b is bool
 * @throws ValueError when an entry is NaN/±Infinity, or a is singular to working precision (a
 *   pivot |u_kk| ≤ n·ε·max|a|; the message names it)
 * @example
 * solve(tensor([[2, 1], [1, 3]]), tensor([3, 5])).toArray(); // [0.8, 1.4] (to rounding)
 */
export function solve(a: Tensor, b: Tensor): Tensor {
  return solveOp(a, b);
}
