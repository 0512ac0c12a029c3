import { jacobiSvd } from './jacobi-svd.ts';
import { EPS64 } from './row-major.ts';

/** The result of {@link minNormLstsq}. */
export interface LstsqSolution {
  /** n×k row-major: the minimum-norm least-squares solution X. */
  readonly x: Float64Array;
  /** k entries: ‖B[:, c] − A·X[:, c]‖² for each right-hand side c. */
  readonly residuals: Float64Array;
  /** The numerical rank: the number of singular values above rcond·s_max. */
  readonly rank: number;
  /** The min(m, n) singular values of A, descending. */
  readonly singularValues: Float64Array;
}

/**
 * The minimum-norm least-squares solution of A·X ≈ B through the SVD: X = V·Σ⁺·Uᵀ·B, where Σ⁺
 * inverts the singular values above rcond·s_max and zeroes the rest (the pseudo-inverse A⁺·B).
 * Of all X minimising ‖A·X − B‖_F it is the one of least norm: it has no component in the null
 * space of A, so it stays well defined when A is rank-deficient or wide.
 *
 * @param a - the m×n design, row-major
 * @param b - the m×k right-hand sides, row-major
 * @param rcond - relative cutoff for small singular values; default ε·max(m, n), as numpy's
 * @returns the solution, residuals, rank and singular values
 */
export function minNormLstsq(
  a: Float64Array,
  m: number,
  n: number,
  b: Float64Array,
  k: number,
  rcond: number = EPS64 * Math.max(m, n),
): LstsqSolution {
  const p = Math.min(m, n);
  const { u, s, v } = jacobiSvd(a, m, n);
  const cutoff = rcond * (p > 0 ? s[0]! : 0);
  let rank = 0;
  while (rank < p && s[rank]! > cutoff) rank++;
  // c = Σ⁺·Uᵀ·B, rank×k
  const c = new Float64Array(rank * k);
  for (let i = 0; i < rank; i++) {
    const inv = 1 / s[i]!;
    for (let col = 0; col < k; col++) {
      let d = 0;
      for (let r = 0; r < m; r++) d += u[r * p + i]! * b[r * k + col]!;
      c[i * k + col] = d * inv;
    }
  }
  const x = new Float64Array(n * k);
  for (let r = 0; r < n; r++) {
    for (let i = 0; i < rank; i++) {
      const vri = v[r * p + i]!;
      for (let col = 0; col < k; col++) x[r * k + col]! += vri * c[i * k + col]!;
    }
  }
  const residuals = new Float64Array(k);
  for (let r = 0; r < m; r++) {
    for (let col = 0; col < k; col++) {
      let e = b[r * k + col]!;
      for (let j = 0; j < n; j++) e -= a[r * n + j]! * x[j * k + col]!;
      residuals[col]! += e * e;
    }
  }
  return { x, residuals, rank, singularValues: s };
}
