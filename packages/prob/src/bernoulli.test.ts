import { rng, ValueError } from '@gradlab/core-tensor';
import { describe, expect, it } from 'vitest';
import { bernoulli } from './bernoulli.ts';

describe('bernoulli', () => {
  it('has pmf, moments and entropy in closed form', () => {
    const b = bernoulli(0.3);
    expect(b.prob(1)).toBe(0.3);
    expect(b.prob(0)).toBeCloseTo(0.7, 15);
    expect(b.mean()).toBeCloseTo(0.3, 15);
    expect(b.variance()).toBeCloseTo(0.21, 15);
    expect(b.entropy()).toBeCloseTo(-(0.3 * Math.log(0.3) + 0.7 * Math.log(0.7)), 14);
    expect(b.expectation((x) => 10 * x + 1)).toBeCloseTo(4, 14);
    expect(b.toString()).toBe('Bern(0.3)');
    expect(b.support).toEqual({ kind: 'finite', values: [0, 1] });
  });

  it('is deterministic at p = 0 and p = 1', () => {
    expect(bernoulli(1).sample(rng(1), 50).every((x) => x === 1)).toBe(true);
    expect(bernoulli(0).sample(rng(1), 50).every((x) => x === 0)).toBe(true);
    expect(bernoulli(0).entropy()).toBe(0);
  });

  it('rejects p outside [0, 1]', () => {
    expect(() => bernoulli(1.5)).toThrow(ValueError);
    expect(() => bernoulli(Number.NaN)).toThrow('[gradlab/prob] bernoulli: must be a probability (argument p; expected a number in [0, 1]; received NaN)');
  });
});
