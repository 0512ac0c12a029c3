import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { polynomialRegression } from './polynomial-regression.ts';
import { withFeatures } from './with-features.ts';
import { monomialExponents, polynomialFeatures } from './polynomial-features.ts';
import { featureMap, polynomialFeatureMap, randomFeatures } from './feature-map.ts';
import { ShapeError, ValueError } from '@gradlab/core-tensor';

describe('polynomialFeatures', () => {
  it('maps scalar x to u(x) = [1, x, ..., x^M]', () => {
    const u = polynomialFeatures([2, 3], 3);
    expect(u.shape).toEqual([2, 4]);
    expect(Array.from(u.data)).toEqual([1, 2, 4, 8, 1, 3, 9, 27]);
  });

  it('drops the bias column on request and handles M = 0', () => {
    expect(Array.from(polynomialFeatures([2], 2, { bias: false }).data)).toEqual([2, 4]);
    expect(polynomialFeatures([2, 5], 0).shape).toEqual([2, 1]);
  });

  it('lists monomials of vector x in scikit-learn order', () => {
    expect(monomialExponents(2, 2)).toEqual([[1, 0], [0, 1], [2, 0], [1, 1], [0, 2]]);
    const u = polynomialFeatures([[2, 3]], 2);
    expect(Array.from(u.data)).toEqual([1, 2, 3, 4, 6, 9]);
  });

  it('rejects a negative or fractional order and NaN inputs', () => {
    expect(() => polynomialFeatures([1], -1)).toThrow(ValueError);
    expect(() => polynomialFeatures([1], 1.5)).toThrow(/non-negative integer/);
    expect(() => polynomialFeatures([1, Number.NaN], 2)).toThrow(/finite/);
  });
});

describe('feature maps', () => {
  it('wraps polynomial features and user functions', () => {
    const x = { data: new Float64Array([0.25]), shape: [1, 1] as const };
    expect(Array.from(polynomialFeatureMap(2).transform(x).data)).toEqual([1, 0.25, 0.0625]);
    const u = featureMap((r) => [1, Math.sin(2 * Math.PI * (r[0] as number))], 'sine');
    expect(Array.from(u.transform(x).data)).toEqual([1, 1]);
  });

  it('rejects a user function with a varying feature count or NaN output', () => {
    const x = { data: new Float64Array([1, 2]), shape: [2, 1] as const };
    expect(() => featureMap((r) => new Array<number>(r[0] as number).fill(0)).transform(x)).toThrow(ShapeError);
    expect(() => featureMap(() => [Number.NaN]).transform(x)).toThrow(ValueError);
  });

  it('draws random features reproducibly from the seed', () => {
    const x = { data: new Float64Array([0.1, 0.7]), shape: [2, 1] as const };
    const a = randomFeatures({ count: 5, seed: 3 }).transform(x);
    const b = randomFeatures({ count: 5, seed: 3 }).transform(x);
    const c = randomFeatures({ count: 5, seed: 4 }).transform(x);
    expect(a.shape).toEqual([2, 5]);
    expect(Array.from(a.data)).toEqual(Array.from(b.data));
    expect(Array.from(a.data)).not.toEqual(Array.from(c.data));
    for (const v of a.data) expect(v).toBeGreaterThanOrEqual(0);
    expect(() => randomFeatures({ count: 0 })).toThrow(ValueError);
  });
});

describe('polynomial regression (property)', () => {
  it('recovers any polynomial of order ≤ M exactly from noise-free samples', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: 1, maxLength: 4 }), (coefs) => {
        const x = Array.from({ length: 9 }, (_, i) => -1 + i / 4);
        const t = x.map((v) => coefs.reduce((s, c, k) => s + c * v ** k, 0));
        const theta = polynomialRegression({ degree: 3 }).fit(x, t).model.theta;
        for (let k = 0; k <= 3; k++) expect(theta[k]).toBeCloseTo(coefs[k] ?? 0, 8);
      }),
      { numRuns: 50 },
    );
  });
});

describe('withFeatures', () => {
  it('fits the model on u(x) and says when the model lacks a method', () => {
    const bare = { fit: () => undefined, predict: (x: { shape: readonly number[] }) => new Float64Array(x.shape[0] as number) };
    const m = withFeatures(polynomialFeatureMap(2), bare).fit([1, 2], [0, 0]);
    expect(Array.from(m.predict([3]))).toEqual([0]);
    expect(() => m.score([1], [0])).toThrow(/no score method/);
    expect(() => m.loss([1], [0])).toThrow(ValueError);
  });
});
