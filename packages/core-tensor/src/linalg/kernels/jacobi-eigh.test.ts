import { describe, expect, it } from 'vitest';
import { rng } from '../../random.ts';
import { jacobiEigh } from './jacobi-eigh.ts';
import { identity, matmul, transpose } from './row-major.ts';
import { maxAbsDiff, randomSymmetric } from './test-matrices.ts';

function reconstruct(values: Float64Array, vectors: Float64Array, n: number): Float64Array {
  const vl = Float64Array.from(vectors, (x, idx) => x * values[idx % n]!);
  return matmul(vl, transpose(vectors, n, n), n, n, n);
}

describe('jacobiEigh', () => {
  it('reconstructs A = V·Λ·Vᵀ with orthonormal V and ascending eigenvalues', () => {
    const r = rng(13);
    for (const n of [1, 2, 3, 8, 15]) {
      const a = randomSymmetric(r, n);
      const { values, vectors } = jacobiEigh(a, n);
      expect(maxAbsDiff(reconstruct(values, vectors, n), a)).toBeLessThan(1e-12);
      expect(maxAbsDiff(matmul(transpose(vectors, n, n), vectors, n, n, n), identity(n))).toBeLessThan(1e-12);
      for (let i = 1; i < n; i++) expect(values[i]).toBeGreaterThanOrEqual(values[i - 1]!);
      // A·v_i = λ_i·v_i column by column
      const av = matmul(a, vectors, n, n, n);
      const vl = Float64Array.from(vectors, (x, idx) => x * values[idx % n]!);
      expect(maxAbsDiff(av, vl)).toBeLessThan(1e-12);
    }
  });

  it('finds the eigenpairs of a hand-made matrix', () => {
    // [[2, 1], [1, 2]]: λ = 1 with (1, −1)/√2 and λ = 3 with (1, 1)/√2
    const { values, vectors } = jacobiEigh(Float64Array.from([2, 1, 1, 2]), 2);
    expect(values[0]).toBeCloseTo(1, 15);
    expect(values[1]).toBeCloseTo(3, 15);
    const h = Math.SQRT1_2;
    expect(Math.abs(vectors[0]!)).toBeCloseTo(h, 15);
    expect(vectors[0]! * vectors[2]!).toBeCloseTo(-0.5, 15);
    expect(vectors[1]! * vectors[3]!).toBeCloseTo(0.5, 15);
  });

  it('handles repeated eigenvalues: Q·diag(1, 1, 4, 4, 4)·Qᵀ', () => {
    const n = 5;
    const { vectors: q } = jacobiEigh(randomSymmetric(rng(14), n), n);
    const lam = [1, 1, 4, 4, 4];
    const a = reconstruct(Float64Array.from(lam), q, n);
    const { values, vectors } = jacobiEigh(a, n);
    expect(maxAbsDiff(values, lam)).toBeLessThan(1e-13);
    expect(maxAbsDiff(reconstruct(values, vectors, n), a)).toBeLessThan(1e-13);
    expect(maxAbsDiff(matmul(transpose(vectors, n, n), vectors, n, n, n), identity(n))).toBeLessThan(1e-13);
  });

  it('reads only the lower triangle and fixes each eigenvector sign (largest entry positive)', () => {
    const full = Float64Array.from([4, -2, 1, -2, 3, 0.5, 1, 0.5, 6]);
    const lower = Float64Array.from([4, 99, 99, -2, 3, 99, 1, 0.5, 6]);
    const a = jacobiEigh(full, 3);
    const b = jacobiEigh(lower, 3);
    expect(Array.from(b.values)).toEqual(Array.from(a.values));
    expect(Array.from(b.vectors)).toEqual(Array.from(a.vectors));
    for (let j = 0; j < 3; j++) {
      const col = [a.vectors[j]!, a.vectors[3 + j]!, a.vectors[6 + j]!];
      const big = col.reduce((p, c) => (Math.abs(c) > Math.abs(p) ? c : p), 0);
      expect(big).toBeGreaterThan(0);
    }
  });

  it('returns a diagonal matrix as it is, sorted', () => {
    const { values, vectors } = jacobiEigh(Float64Array.from([3, 0, 0, -1]), 2);
    expect(Array.from(values)).toEqual([-1, 3]);
    expect(Array.from(vectors)).toEqual([0, 1, 1, 0]);
  });
});
