import { describe, expect, it } from 'vitest';
import { rng } from '../../random.ts';
import { jacobiSvd } from './jacobi-svd.ts';
import { identity, matmul, transpose } from './row-major.ts';
import { maxAbsDiff, randomMatrix } from './test-matrices.ts';

function reconstruct(u: Float64Array, s: Float64Array, v: Float64Array, m: number, n: number): Float64Array {
  const k = s.length;
  const us = Float64Array.from(u, (x, idx) => x * s[idx % k]!);
  return matmul(us, transpose(v, n, k), m, k, n);
}

describe('jacobiSvd', () => {
  it('reconstructs A = U·Σ·Vᵀ with orthonormal U, V and descending σ (tall and wide)', () => {
    const r = rng(8);
    for (const [m, n] of [
      [6, 4],
      [4, 6],
      [5, 5],
      [1, 3],
    ] as const) {
      const a = randomMatrix(r, m, n);
      const k = Math.min(m, n);
      const { u, s, v } = jacobiSvd(a, m, n);
      expect(maxAbsDiff(reconstruct(u, s, v, m, n), a)).toBeLessThan(1e-12);
      expect(maxAbsDiff(matmul(transpose(u, m, k), u, k, m, k), identity(k))).toBeLessThan(1e-12);
      expect(maxAbsDiff(matmul(transpose(v, n, k), v, k, n, k), identity(k))).toBeLessThan(1e-12);
      for (let i = 1; i < k; i++) expect(s[i]).toBeLessThanOrEqual(s[i - 1]!);
    }
  });

  it('finds the singular values of a hand-made matrix', () => {
    // [[3, 0], [4, 5]] has σ = 3√5 and √5 (σ₁σ₂ = |det| = 15, σ₁² + σ₂² = 50)
    const { s } = jacobiSvd(Float64Array.from([3, 0, 4, 5]), 2, 2);
    expect(s[0]).toBeCloseTo(3 * Math.sqrt(5), 14);
    expect(s[1]).toBeCloseTo(Math.sqrt(5), 14);
  });

  it('shows the rank of a rank-deficient matrix as tiny trailing singular values', () => {
    const r = rng(9);
    const a = matmul(randomMatrix(r, 7, 2), randomMatrix(r, 2, 5), 7, 2, 5);
    const { s } = jacobiSvd(a, 7, 5);
    expect(s[1]!).toBeGreaterThan(1e-3);
    for (let i = 2; i < 5; i++) expect(s[i]! / s[0]!).toBeLessThan(1e-14);
  });
});

describe('jacobiSvd with exact zero singular values', () => {
  it('completes U to orthonormal columns', () => {
    // rank 1: σ = (5, 0, 0); rows 2 and 3 of the input are zero
    const a = Float64Array.from([3, 4, 0, 0, 0, 0, 0, 0, 0]);
    const { u, s, v } = jacobiSvd(a, 3, 3);
    expect(Array.from(s)).toEqual([5, 0, 0]);
    expect(maxAbsDiff(matmul(transpose(u, 3, 3), u, 3, 3, 3), identity(3))).toBeLessThan(1e-15);
    expect(maxAbsDiff(reconstruct(u, s, v, 3, 3), a)).toBeLessThan(1e-15);
  });
});
