import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { leastSquares } from './least-squares.ts';

describe('leastSquares', () => {
  it('solves a full-rank overdetermined system', () => {
    // t = 1 + x on x = 0, 1, 2
    const r = leastSquares(new Float64Array([1, 0, 1, 1, 1, 2]), 3, 2, new Float64Array([1, 2, 3]));
    expect(r.solution[0]).toBeCloseTo(1, 12);
    expect(r.solution[1]).toBeCloseTo(1, 12);
    expect(r.rank).toBe(2);
    expect(r.residual).toBeCloseTo(0, 20);
  });

  it('gives the minimum-norm solution of a rank-deficient system', () => {
    // two identical columns: any θ0 + θ1 = 2 fits; the least-norm one is (1, 1)
    const r = leastSquares(new Float64Array([1, 1, 2, 2, 3, 3]), 3, 2, new Float64Array([2, 4, 6]));
    expect(r.rank).toBe(1);
    expect(r.solution[0]).toBeCloseTo(1, 12);
    expect(r.solution[1]).toBeCloseTo(1, 12);
  });

  it('gives the minimum-norm interpolant of a wide system', () => {
    const r = leastSquares(new Float64Array([1, 1]), 1, 2, new Float64Array([2]));
    expect(Array.from(r.solution)).toEqual([expect.closeTo(1, 12), expect.closeTo(1, 12)]);
  });

  it('satisfies the normal equations on random full-rank problems', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: 40, maxLength: 40 }), (n, vals) => {
        const m = n + 3;
        const a = Float64Array.from(vals.slice(0, m * n));
        for (let j = 0; j < n; j++) a[j * n + j] = (a[j * n + j] as number) + 10; // keep it well conditioned
        const b = Float64Array.from(vals.slice(20, 20 + m));
        const { solution } = leastSquares(a, m, n, b);
        for (let j = 0; j < n; j++) {
          let g = 0;
          for (let i = 0; i < m; i++) {
            let r = b[i] as number;
            for (let k = 0; k < n; k++) r -= (a[i * n + k] as number) * (solution[k] as number);
            g += (a[i * n + j] as number) * r;
          }
          expect(Math.abs(g)).toBeLessThan(1e-9);
        }
      }),
    );
  });
});

describe('leastSquares on wide systems', () => {
  it('returns the minimum-norm interpolant θ = Aᵀ(AAᵀ)⁻¹b', () => {
    // A = [[1, 0, 1], [0, 1, 1]], b = [1, 2]: AAᵀ = [[2, 1], [1, 2]], (AAᵀ)⁻¹b = [0, 1], θ = [0, 1, 1]
    const r = leastSquares(new Float64Array([1, 0, 1, 0, 1, 1]), 2, 3, new Float64Array([1, 2]));
    expect(r.rank).toBe(2);
    expect(r.singularValues).toHaveLength(2);
    expect(Array.from(r.solution)).toEqual([expect.closeTo(0, 12), expect.closeTo(1, 12), expect.closeTo(1, 12)]);
    expect(r.residual).toBeLessThan(1e-24);
  });
});
