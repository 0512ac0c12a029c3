import { describe, expect, it } from 'vitest';
import { ValueError } from '../../errors.ts';
import { rng } from '../../random.ts';
import { luDeterminant, luFactor, luInverse, luSingularPivot, luSolve } from './lu.ts';
import { identity, matmul } from './row-major.ts';
import { maxAbsDiff, randomMatrix } from './test-matrices.ts';

describe('LU with partial pivoting', () => {
  it('reconstructs P·A = L·U with multipliers bounded by 1', () => {
    const r = rng(3);
    const n = 6;
    const a = randomMatrix(r, n, n);
    const { lu, perm } = luFactor(a, n);
    const l = identity(n);
    const u = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        if (j < i) {
          l[i * n + j] = lu[i * n + j]!;
          expect(Math.abs(lu[i * n + j]!)).toBeLessThanOrEqual(1);
        } else u[i * n + j] = lu[i * n + j]!;
      }
    }
    const pa = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) pa[i * n + j] = a[perm[i]! * n + j]!;
    expect(maxAbsDiff(matmul(l, u, n, n, n), pa)).toBeLessThan(1e-12);
  });

  it('solves A·x = b and A·X = B for random systems', () => {
    const r = rng(4);
    for (const [n, k] of [
      [1, 1],
      [3, 1],
      [8, 4],
      [20, 2],
    ] as const) {
      const a = randomMatrix(r, n, n);
      const b = randomMatrix(r, n, k);
      const x = luSolve(luFactor(a, n), b, k);
      expect(maxAbsDiff(matmul(a, x, n, n, k), b)).toBeLessThan(1e-10);
    }
  });

  it('needs pivoting: a zero in the top-left corner', () => {
    const a = Float64Array.from([0, 1, 1, 0]);
    expect(Array.from(luSolve(luFactor(a, 2), Float64Array.from([2, 3]), 1))).toEqual([3, 2]);
  });

  it('inverts: A·A⁻¹ = I and A⁻¹·A = I', () => {
    const r = rng(5);
    const n = 9;
    const a = randomMatrix(r, n, n);
    const inv = luInverse(luFactor(a, n));
    expect(maxAbsDiff(matmul(a, inv, n, n, n), identity(n))).toBeLessThan(1e-10);
    expect(maxAbsDiff(matmul(inv, a, n, n, n), identity(n))).toBeLessThan(1e-10);
  });

  it('det of triangular matrices is the product of the diagonal', () => {
    const upper = Float64Array.from([2, 7, -1, 0, -3, 4, 0, 0, 0.5]);
    expect(luDeterminant(luFactor(upper, 3))).toBeCloseTo(-3, 14);
    const lower = Float64Array.from([1.5, 0, 0, 0, 4, 2, 0, 0, 9, -8, 3, 0, 1, 1, 1, -2]);
    expect(luDeterminant(luFactor(lower, 4))).toBeCloseTo(-18, 12);
  });

  it('det of a permutation matrix is its sign', () => {
    // one transposition: -1; a 3-cycle: +1
    expect(luDeterminant(luFactor(Float64Array.from([0, 1, 0, 1, 0, 0, 0, 0, 1]), 3))).toBe(-1);
    expect(luDeterminant(luFactor(Float64Array.from([0, 1, 0, 0, 0, 1, 1, 0, 0]), 3))).toBe(1);
  });

  it('det is multiplicative on random matrices', () => {
    const r = rng(6);
    const n = 5;
    const a = randomMatrix(r, n, n);
    const b = randomMatrix(r, n, n);
    const da = luDeterminant(luFactor(a, n));
    const db = luDeterminant(luFactor(b, n));
    const dab = luDeterminant(luFactor(matmul(a, b, n, n, n), n));
    expect(Math.abs(dab - da * db)).toBeLessThan(1e-10 * Math.abs(da * db));
  });

  it('det of a singular matrix is 0; solve and inverse throw a ValueError naming the pivot', () => {
    const exact = Float64Array.from([1, 2, 2, 4]);
    expect(luDeterminant(luFactor(exact, 2))).toBe(0);
    expect(() => luSolve(luFactor(exact, 2), Float64Array.from([1, 1]), 1)).toThrow(ValueError);
    // rank 2 in exact arithmetic; its last pivot is rounding error
    const near = Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const f = luFactor(near, 3);
    expect(luSingularPivot(f)).toBe(2);
    expect(Math.abs(luDeterminant(f))).toBeLessThan(1e-12);
    expect(() => luInverse(f)).toThrow(/inverse: matrix is singular to working precision.*pivot 2/);
  });
});
