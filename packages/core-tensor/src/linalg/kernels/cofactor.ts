import { jacobiSvd } from './jacobi-svd.ts';
import { luDeterminant, luFactor } from './lu.ts';

/**
 * The cofactor matrix C = adj(A)ᵀ of a square n×n matrix, C[i][j] = (−1)^{i+j}·M[i][j] with
 * M[i][j] the minor that deletes row i and column j. It is the gradient of the determinant,
 * ∂det(A)/∂A = C, which equals det(A)·A⁻ᵀ when A is invertible and stays defined when it is not.
 *
 * Computed from the SVD A = U·Σ·Vᵀ (U, V orthogonal): adj(A) = det(U)·det(V)·V·adj(Σ)·Uᵀ with
 * adj(Σ) = diag(Π_{j≠i} σ_j), so C = det(U)·det(V)·U·diag(Π_{j≠i} σ_j)·Vᵀ. No division by a
 * singular value is needed, so a singular A (rank n − 1 gives a nonzero C) costs no accuracy.
 *
 * @param a - the n×n matrix, row-major
 * @returns C, n×n row-major
 */
export function cofactorMatrix(a: Float64Array, n: number): Float64Array {
  if (n === 0) return new Float64Array(0);
  const { u, s, v } = jacobiSvd(a, n, n);
  const orient = luDeterminant(luFactor(u, n)) * luDeterminant(luFactor(v, n)) < 0 ? -1 : 1;
  // Π_{j≠i} σ_j from prefix and suffix products, without dividing by σ_i
  const prod = new Float64Array(n);
  let left = 1;
  for (let i = 0; i < n; i++) {
    prod[i] = left;
    left *= s[i]!;
  }
  let right = 1;
  for (let i = n - 1; i >= 0; i--) {
    prod[i]! *= right;
    right *= s[i]!;
  }
  const c = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let d = 0;
      for (let p = 0; p < n; p++) d += u[i * n + p]! * prod[p]! * v[j * n + p]!;
      c[i * n + j] = orient * d;
    }
  }
  return c;
}
