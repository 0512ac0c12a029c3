import { describe, expect, it } from 'vitest';
import { ValueError } from '../../errors.ts';
import { rng } from '../../random.ts';
import { choleskyFactor, choleskySolve } from './cholesky.ts';
import { matmul, transpose } from './row-major.ts';
import { maxAbsDiff, randomMatrix, randomSpd } from './test-matrices.ts';

describe('choleskyFactor', () => {
  it('factors a hand-made SPD matrix exactly', () => {
    // A = L·Lᵀ with L = [[2, 0, 0], [1, 3, 0], [-1, 2, 1]]
    const a = Float64Array.from([4, 2, -2, 2, 10, 5, -2, 5, 6]);
    expect(Array.from(choleskyFactor(a, 3))).toEqual([2, 0, 0, 1, 3, 0, -1, 2, 1]);
  });

  it('reconstructs random SPD matrices, A = L·Lᵀ, L lower with positive diagonal', () => {
    const r = rng(1);
    for (const n of [1, 2, 5, 12]) {
      const a = randomSpd(r, n);
      const l = choleskyFactor(a, n);
      for (let i = 0; i < n; i++) {
        expect(l[i * n + i]).toBeGreaterThan(0);
        for (let j = i + 1; j < n; j++) expect(l[i * n + j]).toBe(0);
      }
      expect(maxAbsDiff(matmul(l, transpose(l, n, n), n, n, n), a)).toBeLessThan(1e-10);
    }
  });

  it('solves A·X = B through the factor', () => {
    const r = rng(2);
    const n = 7;
    const a = randomSpd(r, n);
    const b = randomMatrix(r, n, 3);
    const x = choleskySolve(choleskyFactor(a, n), n, b, 3);
    expect(maxAbsDiff(matmul(a, x, n, n, 3), b)).toBeLessThan(1e-10);
  });

  it('names the failing pivot of an indefinite matrix', () => {
    // leading 1×1 minor 1 > 0, but det [[1, 2], [2, 1]] = -3
    const a = Float64Array.from([1, 2, 0, 2, 1, 0, 0, 0, 1]);
    const err = (() => {
      try {
        choleskyFactor(a, 3);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(err).toBeInstanceOf(ValueError);
    expect((err as ValueError).message).toContain('matrix is not positive definite');
    expect((err as ValueError).message).toContain('pivot 1');
    expect((err as ValueError).op).toBe('cholesky');
  });

  it('rejects a semi-definite matrix (zero pivot) and NaN', () => {
    expect(() => choleskyFactor(Float64Array.from([1, 1, 1, 1]), 2)).toThrow(/pivot 1/);
    expect(() => choleskyFactor(Float64Array.from([NaN]), 1)).toThrow(ValueError);
  });
});
