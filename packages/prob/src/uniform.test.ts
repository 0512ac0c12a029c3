import { describe, expect, it } from 'vitest';
import { uniform } from './uniform.ts';

describe('uniform', () => {
  it('has the density and moments of U(a, b)', () => {
    const u = uniform(-1, 3);
    expect(u.prob(0)).toBe(0.25);
    expect(u.prob(3.5)).toBe(0);
    expect(u.logProb(-2)).toBe(-Infinity);
    expect(u.mean()).toBe(1);
    expect(u.variance()).toBeCloseTo(16 / 12, 15);
    expect(u.entropy()).toBeCloseTo(Math.log(4), 15);
    expect(u.expectation((x) => x * x)).toBeCloseTo(28 / 12, 12);
    expect(u.toString()).toBe('U(-1, 3)');
  });

  it('rejects an empty interval', () => {
    expect(() => uniform(2, 2)).toThrow('[gradlab/prob] uniform: the interval must have positive length (argument high; expected > low (2); received 2)');
  });
});
