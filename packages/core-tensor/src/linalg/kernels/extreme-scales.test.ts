import { describe, expect, it } from 'vitest';
import { householderQr } from './householder-qr.ts';
import { jacobiEigh } from './jacobi-eigh.ts';
import { jacobiSvd } from './jacobi-svd.ts';
import { minNormLstsq } from './min-norm-lstsq.ts';
import { matmul, unitScale } from './row-major.ts';

// [[2, 1], [1, 2]] has eigenvalues and singular values 1 and 3; scaled by c they become c and 3c.
const base = Float64Array.from([2, 1, 1, 2]);

describe('kernels at extreme scales (sums of squares would overflow or underflow)', () => {
  for (const c of [1e200, 1e-200, 2 ** 900, 2 ** -900]) {
    const a = Float64Array.from(base, (x) => x * c);

    it(`eigh and svd scale with c = ${c}`, () => {
      const { values } = jacobiEigh(a, 2);
      expect(values[0]! / c).toBeCloseTo(1, 14);
      expect(values[1]! / c).toBeCloseTo(3, 14);
      const { s } = jacobiSvd(a, 2, 2);
      expect(s[0]! / c).toBeCloseTo(3, 14);
      expect(s[1]! / c).toBeCloseTo(1, 14);
    });

    it(`qr reconstructs and lstsq solves with c = ${c}`, () => {
      const { q, r } = householderQr(a, 2, 2);
      const qr = matmul(q, r, 2, 2, 2);
      for (let i = 0; i < 4; i++) expect(qr[i]! / c).toBeCloseTo(base[i]!, 14);
      // a·x = c·(3, 3) has x = (1, 1)
      const { x, rank } = minNormLstsq(a, 2, 2, Float64Array.from([3 * c, 3 * c]), 1);
      expect(rank).toBe(2);
      expect(x[0]).toBeCloseTo(1, 14);
      expect(x[1]).toBeCloseTo(1, 14);
    });
  }

  it('unitScale is an exact power of two near 1/max|a|, and 1 for a zero matrix', () => {
    expect(unitScale(Float64Array.from([0, -8, 3]))).toBe(1 / 8);
    expect(unitScale(new Float64Array(3))).toBe(1);
    expect(Math.log2(unitScale(Float64Array.of(1e300)))).toBe(-997);
  });
});
