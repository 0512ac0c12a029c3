import { ValueError } from '../../errors.ts';

/**
 * Cholesky–Banachiewicz factorisation A = L·Lᵀ of a symmetric positive-definite n×n matrix.
 *
 * Only the lower triangle of `a` is read (as LAPACK's `potrf` with `uplo = 'L'`). Row i of L is
 * computed from the rows above it: L[i][j] = (A[i][j] − Σ_{k<j} L[i][k]·L[j][k]) / L[j][j] and the
 * pivot L[i][i]² = A[i][i] − Σ_{k<i} L[i][k]².
 *
 * @param a - the n×n matrix, row-major; left unchanged
 * @param n - its order
 * @param op - the public function to name in errors
 * @returns L, n×n row-major, lower triangular with a positive diagonal (zeros above it)
 * @throws ValueError when a pivot is not positive (or not finite): the matrix is not positive definite
 */
export function choleskyFactor(a: Float64Array, n: number, op = 'cholesky'): Float64Array {
  const l = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i * n + j]!;
      for (let k = 0; k < j; k++) s -= l[i * n + k]! * l[j * n + k]!;
      if (i === j) {
        if (!(s > 0) || !Number.isFinite(s)) {
          throw new ValueError('matrix is not positive definite', {
            op,
            arg: 'a',
            expected: 'a positive pivot at every step',
            received: `pivot ${i} (the leading ${i + 1}×${i + 1} minor) = ${s}`,
            hint: 'a covariance or Gram matrix that is only semi-definite can be made definite by adding a small multiple of the identity (jitter)',
          });
        }
        l[i * n + i] = Math.sqrt(s);
      } else {
        l[i * n + j] = s / l[j * n + j]!;
      }
    }
  }
  return l;
}

/**
 * Solves A·X = B given the Cholesky factor L of A, by forward substitution with L and back
 * substitution with Lᵀ.
 *
 * @param l - the n×n lower-triangular factor from {@link choleskyFactor}
 * @param b - the n×k right-hand sides, row-major
 * @returns X, n×k row-major
 */
export function choleskySolve(l: Float64Array, n: number, b: Float64Array, k: number): Float64Array {
  const x = Float64Array.from(b);
  for (let c = 0; c < k; c++) {
    for (let i = 0; i < n; i++) {
      let s = x[i * k + c]!;
      for (let p = 0; p < i; p++) s -= l[i * n + p]! * x[p * k + c]!;
      x[i * k + c] = s / l[i * n + i]!;
    }
    for (let i = n - 1; i >= 0; i--) {
      let s = x[i * k + c]!;
      for (let p = i + 1; p < n; p++) s -= l[p * n + i]! * x[p * k + c]!;
      x[i * k + c] = s / l[i * n + i]!;
    }
  }
  return x;
}
