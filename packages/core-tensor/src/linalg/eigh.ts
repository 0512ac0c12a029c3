import { customGrad } from '../autodiff/custom-grad.ts';
import { eye } from '../creation.ts';
import { add, div, mul, sub } from '../ops/binary.ts';
import { matmul } from '../ops/matmul.ts';
import { expandDims, transpose } from '../ops/movement.ts';
import type { Tensor } from '../tensor.ts';
import type { EighFactors } from './kernels/jacobi-eigh.ts';
import { jacobiEigh } from './kernels/jacobi-eigh.ts';
import { checkSymmetric, float64Tensor, gradFor, readMatrix } from './matrix-input.ts';

/** The result of {@link eigh} for a `[n, n]` matrix. */
export interface EighResult {
  /** The eigenvalues, ascending, `[n]`. */
  values: Tensor;
  /** `[n, n]`, orthonormal columns: column i is the eigenvector of `values[i]`. */
  vectors: Tensor;
}

// Tensors are immutable, so one decomposition serves both outputs (and the gradient rules).
const decompositions = new WeakMap<Tensor, EighFactors>();

function decompose(a: Tensor): EighFactors {
  const cached = decompositions.get(a);
  if (cached !== undefined) return cached;
  const m = readMatrix('eigh', 'a', a, true);
  checkSymmetric('eigh', m, a.dtype);
  const f = jacobiEigh(m.data, m.rows);
  decompositions.set(a, f);
  return f;
}

/** (G + Gᵀ)/2: the gradient with respect to a symmetric matrix. */
function symmetric(g: Tensor): Tensor {
  return mul(add(g, transpose(g)), 0.5);
}

const valuesOp = customGrad(
  (a: Tensor): Tensor => {
    const f = decompose(a);
    return float64Tensor(f.values, [f.values.length]);
  },
  // dλ_i = v_iᵀ·dA·v_i, so gA = V·diag(ḡ)·Vᵀ (also at repeated eigenvalues)
  (g, _values, [a]) => {
    const v = vectorsOp(a);
    return [gradFor(symmetric(matmul(mul(v, g), transpose(v))), a)];
  },
  { name: 'eighValues' },
);

const vectorsOp = customGrad(
  (a: Tensor): Tensor => {
    const f = decompose(a);
    return float64Tensor(f.vectors, [f.values.length, f.values.length]);
  },
  // dV = V·(F ∘ (Vᵀ·dA·V)) with F[i][j] = 1/(λ_j − λ_i) off the diagonal and 0 on it, so
  // gA = V·(F ∘ (Vᵀ·V̄))·Vᵀ, symmetrized
  (g, v, [a]) => {
    const n = v.shape[0] as number;
    const lambda = valuesOp(a);
    const id = eye(n);
    const gaps = add(sub(expandDims(lambda, 0), expandDims(lambda, 1)), id);
    const f = mul(div(1, gaps), sub(1, id));
    const ga = matmul(matmul(v, mul(f, matmul(transpose(v), g))), transpose(v));
    return [gradFor(symmetric(ga), a)];
  },
  { name: 'eighVectors' },
);

/**
 * The eigendecomposition A = V·diag(λ)·Vᵀ of a real symmetric matrix, by the cyclic Jacobi
 * method (accurate to about ε·‖A‖ in every eigenvalue, including the small ones).
 *
 * Eigenvectors are unique only up to sign (and, for a repeated eigenvalue, up to a rotation
 * within its eigenspace); each is returned with its largest-magnitude entry positive.
 * Computed in float64 (float32 and int32 inputs are promoted; the results are float64). A must be
 * symmetric within √ε·max|a| (ε of its dtype); only its lower triangle is then used.
 *
 * Differentiable, with symmetric gradients: through the values, gA = V·diag(λ̄)·Vᵀ; through the
 * vectors, gA = V·(F ∘ Vᵀ·V̄)·Vᵀ with F[i][j] = 1/(λ_j − λ_i), which is infinite, as in PyTorch,
 * when eigenvalues repeat (a loss that depends on the vectors only through their eigenspaces
 * is needed there). A loss through the vectors should not depend on their signs.
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
  return { values: valuesOp(a), vectors: vectorsOp(a) };
}
