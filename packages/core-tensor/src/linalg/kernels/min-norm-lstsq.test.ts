import { describe, expect, it } from 'vitest';
import { rng } from '../../random.ts';
import { jacobiSvd } from './jacobi-svd.ts';
import { luFactor, luSolve } from './lu.ts';
import { minNormLstsq } from './min-norm-lstsq.ts';
import { matmul, transpose } from './row-major.ts';
import { maxAbsDiff, randomMatrix } from './test-matrices.ts';

describe('minNormLstsq', () => {
  it('agrees with the normal equations on a full-rank tall system', () => {
    const r = rng(10);
    const [m, n, k] = [20, 4, 2];
    const a = randomMatrix(r, m, n);
    const b = randomMatrix(r, m, k);
    const { x, residuals, rank, singularValues } = minNormLstsq(a, m, n, b, k);
    const at = transpose(a, m, n);
    const normal = luSolve(luFactor(matmul(at, a, n, m, n), n), matmul(at, b, n, m, k), k);
    expect(maxAbsDiff(x, normal)).toBeLessThan(1e-10);
    expect(rank).toBe(4);
    expect(singularValues.length).toBe(4);
    // the residual is orthogonal to the columns of A: Aᵀ(b − A·x) = 0
    const res = Float64Array.from(b, (bv, i) => bv - matmul(a, x, m, n, k)[i]!);
    expect(maxAbsDiff(matmul(at, res, n, m, k), new Float64Array(n * k))).toBeLessThan(1e-10);
    for (let c = 0; c < k; c++) {
      let ss = 0;
      for (let i = 0; i < m; i++) ss += res[i * k + c]! ** 2;
      expect(residuals[c]).toBeCloseTo(ss, 10);
    }
  });

  it('solves a square nonsingular system exactly', () => {
    const a = Float64Array.from([2, 1, 1, 3]);
    const { x, residuals, rank } = minNormLstsq(a, 2, 2, Float64Array.from([3, 5]), 1);
    expect(maxAbsDiff(x, [0.8, 1.4])).toBeLessThan(1e-14);
    expect(rank).toBe(2);
    expect(residuals[0]).toBeLessThan(1e-28);
  });

  it('gives the minimum-norm solution of a rank-deficient design: orthogonal to the null space', () => {
    const r = rng(11);
    const [m, n] = [10, 6];
    // rank 3: columns 3..5 are combinations of columns 0..2
    const a = matmul(randomMatrix(r, m, 3), randomMatrix(r, 3, n), m, 3, n);
    const b = randomMatrix(r, m, 1);
    const { x, rank, singularValues } = minNormLstsq(a, m, n, b, 1);
    expect(rank).toBe(3);
    expect(singularValues[3]! / singularValues[0]!).toBeLessThan(1e-14);
    // a basis of the null space: the right singular vectors beyond the rank
    const { v } = jacobiSvd(a, m, n);
    for (let j = 3; j < n; j++) {
      let dot = 0;
      for (let i = 0; i < n; i++) dot += v[i * n + j]! * x[i]!;
      expect(Math.abs(dot)).toBeLessThan(1e-10);
    }
    // the normal equations hold, and adding a null-space vector keeps the fit but grows the norm
    const res = Float64Array.from(b, (bv, i) => bv - matmul(a, x, m, n, 1)[i]!);
    expect(maxAbsDiff(matmul(transpose(a, m, n), res, n, m, 1), new Float64Array(n))).toBeLessThan(1e-10);
    const shifted = Float64Array.from(x, (xi, i) => xi + 0.5 * v[i * n + 4]!);
    const shiftedFit = matmul(a, shifted, m, n, 1);
    expect(maxAbsDiff(shiftedFit, matmul(a, x, m, n, 1))).toBeLessThan(1e-10);
    const sq = (z: Float64Array): number => z.reduce((s, t) => s + t * t, 0);
    expect(sq(shifted)).toBeCloseTo(sq(x) + 0.25, 10);
  });

  it('gives the minimum-norm solution of an underdetermined system, x = Aᵀ(AAᵀ)⁻¹b', () => {
    const r = rng(12);
    const [m, n] = [3, 7];
    const a = randomMatrix(r, m, n);
    const b = randomMatrix(r, m, 2);
    const { x, residuals, rank } = minNormLstsq(a, m, n, b, 2);
    expect(rank).toBe(3);
    const at = transpose(a, m, n);
    const y = luSolve(luFactor(matmul(a, at, m, n, m), m), b, 2);
    expect(maxAbsDiff(x, matmul(at, y, n, m, 2))).toBeLessThan(1e-10);
    expect(Math.max(...residuals)).toBeLessThan(1e-20);
  });

  it('rcond decides the rank: singular values below rcond·σ_max are dropped', () => {
    const a = Float64Array.from([1, 0, 0, 1e-8]);
    expect(minNormLstsq(a, 2, 2, Float64Array.from([1, 1]), 1).rank).toBe(2);
    const cut = minNormLstsq(a, 2, 2, Float64Array.from([1, 1]), 1, 1e-6);
    expect(cut.rank).toBe(1);
    expect(Array.from(cut.x)).toEqual([1, 0]);
    expect(cut.residuals[0]).toBeCloseTo(1, 14);
  });

  it('returns zeros for a zero matrix', () => {
    const { x, rank } = minNormLstsq(new Float64Array(6), 3, 2, Float64Array.from([1, 2, 3]), 1);
    expect(rank).toBe(0);
    expect(Array.from(x)).toEqual([0, 0]);
  });
});
