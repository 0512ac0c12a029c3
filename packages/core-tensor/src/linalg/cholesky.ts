import { customGrad } from '../autodiff/custom-grad.ts';
import { add, mul } from '../ops/binary.ts';
import { matmul } from '../ops/matmul.ts';
import { transpose } from '../ops/movement.ts';
import type { Tensor } from '../tensor.ts';
import { choleskyFactor } from './kernels/cholesky.ts';
import { checkSymmetric, float64Tensor, gradFor, readMatrix } from './matrix-input.ts';
import { solve } from './solve.ts';

/** The n×n matrix with `below` under the diagonal, `on` on it and 0 above it. */
function lowerMask(n: number, below: number, on: number): Tensor {
  const m = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) m[i * n + j] = below;
    m[i * n + i] = on;
  }
  return float64Tensor(m, [n, n]);
}

const choleskyOp = customGrad(
  (a: Tensor): Tensor => {
    const m = readMatrix('cholesky', 'a', a, true);
    checkSymmetric('cholesky', m, a.dtype);
    return float64Tensor(choleskyFactor(m.data, m.rows, 'cholesky'), [m.rows, m.rows]);
  },
  // Murray (2016), "Differentiation of the Cholesky decomposition": with Φ(X) the lower triangle
  // of X with its diagonal halved, S = L⁻ᵀ·Φ(Lᵀ·tril(ḡ))·L⁻¹ and the symmetric gradient
  // gA = (S + Sᵀ)/2. The triangular solves go through `solve`, so the rule differentiates again.
  (g, l, [a]) => {
    const n = l.shape[0] as number;
    const lt = transpose(l);
    const p = mul(matmul(lt, mul(g, lowerMask(n, 1, 1))), lowerMask(n, 1, 0.5));
    const ltInvP = solve(lt, p);
    const s = transpose(solve(lt, transpose(ltInvP)));
    return [gradFor(mul(add(s, transpose(s)), 0.5), a)];
  },
  { name: 'cholesky' },
);

/**
 * The Cholesky factor of a symmetric positive-definite matrix: the lower-triangular L with a
 * positive diagonal such that A = L·Lᵀ.
 *
 * Computed in float64 (float32 and int32 inputs are promoted; the result is float64). A must be
 * symmetric within √ε·max|a| (ε of its dtype); only its lower triangle is then used.
 * Differentiable (Murray 2016): the gradient is the symmetric one, (S + Sᵀ)/2 with
 * S = L⁻ᵀ·Φ(Lᵀ·L̄)·L⁻¹, as PyTorch's; it differentiates again for higher orders.
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
  return choleskyOp(a);
}
