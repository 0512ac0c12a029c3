import { describe, expect, it } from 'vitest';
import { rng } from '../../random.ts';
import { householderQr } from './householder-qr.ts';
import { identity, matmul, transpose } from './row-major.ts';
import { maxAbsDiff, randomMatrix } from './test-matrices.ts';

describe('householderQr', () => {
  it('reconstructs A = Q·R with orthonormal Q and upper-triangular R (tall, square, wide)', () => {
    const r = rng(7);
    for (const [m, n] of [
      [1, 1],
      [5, 3],
      [4, 4],
      [3, 6],
      [12, 7],
    ] as const) {
      const a = randomMatrix(r, m, n);
      const k = Math.min(m, n);
      const { q, r: rr } = householderQr(a, m, n);
      expect(q.length).toBe(m * k);
      expect(rr.length).toBe(k * n);
      expect(maxAbsDiff(matmul(q, rr, m, k, n), a)).toBeLessThan(1e-12);
      expect(maxAbsDiff(matmul(transpose(q, m, k), q, k, m, k), identity(k))).toBeLessThan(1e-13);
      for (let i = 0; i < k; i++) for (let j = 0; j < i; j++) expect(rr[i * n + j]).toBe(0);
    }
  });

  it('gives |R[j][j]| = the norm of what column j adds (a hand-made example)', () => {
    // columns (3, 4) and (1, 0): ‖a₀‖ = 5, and the distance of a₁ from span(a₀) is 4/5
    const { q, r } = householderQr(Float64Array.from([3, 1, 4, 0]), 2, 2);
    expect(Math.abs(r[0]!)).toBeCloseTo(5, 14);
    expect(Math.abs(r[3]!)).toBeCloseTo(0.8, 14);
    expect(Math.abs(r[1]!)).toBeCloseTo(0.6, 14);
    expect(maxAbsDiff(matmul(q, r, 2, 2, 2), [3, 1, 4, 0])).toBeLessThan(1e-15);
  });

  it('handles a zero column (rank-deficient input)', () => {
    const a = Float64Array.from([0, 1, 0, 2, 0, 3]);
    const { q, r } = householderQr(a, 3, 2);
    expect(maxAbsDiff(matmul(q, r, 3, 2, 2), a)).toBeLessThan(1e-15);
    expect(maxAbsDiff(matmul(transpose(q, 3, 2), q, 2, 3, 2), identity(2))).toBeLessThan(1e-15);
    expect(r[0]).toBe(0);
  });
});
