/**
 * Seeded random matrices and comparisons shared by the linear-algebra tests (not exported from
 * the package).
 */
import type { Rng } from '../../random.ts';
import { matmul, transpose } from './row-major.ts';

/** An m×n matrix of standard normal entries. */
export function randomMatrix(r: Rng, m: number, n: number): Float64Array {
  return Float64Array.from({ length: m * n }, () => r.normal());
}

/** A well-conditioned symmetric positive-definite n×n matrix, G·Gᵀ + n·I. */
export function randomSpd(r: Rng, n: number): Float64Array {
  const g = randomMatrix(r, n, n);
  const a = matmul(g, transpose(g, n, n), n, n, n);
  for (let i = 0; i < n; i++) a[i * n + i]! += n;
  return a;
}

/** A random symmetric n×n matrix, (G + Gᵀ)/2. */
export function randomSymmetric(r: Rng, n: number): Float64Array {
  const g = randomMatrix(r, n, n);
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) a[i * n + j] = (g[i * n + j]! + g[j * n + i]!) / 2;
  return a;
}

/** max |a[i] − b[i]|; Infinity when the lengths differ. */
export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) return Infinity;
  let d = 0;
  for (let i = 0; i < a.length; i++) d = Math.max(d, Math.abs(a[i]! - b[i]!));
  return d;
}
