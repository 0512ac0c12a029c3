import { describe, expect, it } from 'vitest';
import { featureMap, polynomialFeatureMap, randomFeatures } from '../feature-map.ts';
import type { FeatureMap } from '../feature-map.ts';
import { checkFeatureMap } from './check-feature-map.ts';

const x = { data: new Float64Array([0, 0.25, 0.5, 1]), shape: [4, 1] as const };

describe('checkFeatureMap', () => {
  it('passes the built-in feature maps', () => {
    expect(checkFeatureMap(polynomialFeatureMap(4), x).problems).toEqual([]);
    expect(checkFeatureMap(randomFeatures({ count: 7, seed: 1 }), x).problems).toEqual([]);
    expect(checkFeatureMap(featureMap((r) => [1, Math.sin(2 * Math.PI * (r[0] as number))]), x).problems).toEqual([]);
  });

  it('finds a map whose rows depend on the batch, one that is not deterministic, and one that gives NaN', () => {
    const centring: FeatureMap = {
      name: 'centring',
      transform(m) {
        const mean = m.data.reduce((a, b) => a + b, 0) / m.data.length;
        return { data: m.data.map((v) => v - mean), shape: m.shape };
      },
    };
    expect(checkFeatureMap(centring, x).problems).toEqual(['a row\'s features depend on the other rows of the batch']);
    let calls = 0;
    const drifting: FeatureMap = { name: 'drifting', transform: (m) => ({ data: m.data.map((v) => v + calls++), shape: m.shape }) };
    expect(checkFeatureMap(drifting, x).problems).toContain('transform is not deterministic: two calls on the same inputs differ');
    const logOfZero: FeatureMap = { name: 'log', transform: (m) => ({ data: m.data.map((v) => Math.log(v) * 0), shape: m.shape }) };
    expect(checkFeatureMap(logOfZero, x).problems).toContain('transform returned a NaN or infinite feature');
    expect(() => checkFeatureMap(polynomialFeatureMap(1), { data: new Float64Array([1]), shape: [1, 1] })).toThrow(/at least 2 rows/);
  });
});
