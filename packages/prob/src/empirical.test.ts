import { rng } from '@gradlab/core-tensor';
import { describe, expect, it } from 'vitest';
import { empirical } from './empirical.ts';

describe('empirical', () => {
  it('puts mass 1/N on each sample', () => {
    const e = empirical([5, 1, 2, 2]);
    expect(e.values).toEqual([1, 2, 5]);
    expect(e.probs).toEqual([0.25, 0.5, 0.25]);
    expect(e.count).toBe(4);
    expect(e.mean()).toBe(2.5);
    expect(e.variance()).toBeCloseTo((2.25 + 0.25 + 0.25 + 6.25) / 4, 14);
    expect(e.prob(3)).toBe(0);
  });

  it('resamples the data with replacement', () => {
    const draws = empirical([7, 8]).sample(rng(3), 1000);
    expect(new Set(draws)).toEqual(new Set([7, 8]));
  });

  it('rejects no samples and non-finite samples', () => {
    expect(() => empirical([])).toThrow(/needs at least one sample/);
    expect(() => empirical([1, Number.NaN])).toThrow(/argument samples\[1\]/);
  });
});
