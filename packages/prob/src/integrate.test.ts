import { describe, expect, it } from 'vitest';
import { integrate } from './integrate.ts';

describe('integrate (adaptive Simpson)', () => {
  it('is exact on cubics and accurate on smooth functions', () => {
    expect(integrate((x) => x ** 3 - 2 * x, 0, 2)).toBeCloseTo(0, 12);
    expect(integrate(Math.sin, 0, Math.PI)).toBeCloseTo(2, 10);
    expect(integrate((x) => Math.exp(-x), 0, 30)).toBeCloseTo(1 - Math.exp(-30), 10);
  });

  it('handles a kink', () => {
    expect(integrate(Math.abs, -1, 2)).toBeCloseTo(2.5, 10);
  });

  it('rejects infinite bounds and non-finite integrands', () => {
    expect(() => integrate((x) => x, 0, Number.POSITIVE_INFINITY)).toThrow(/argument high/);
    expect(() => integrate((x) => 1 / x, 0, 1)).toThrow(/non-finite value/);
    expect(() => integrate((x) => x, 1, 0)).toThrow(/the interval is empty/);
  });
});
