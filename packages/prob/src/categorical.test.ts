import { ValueError } from '@gradlab/core-tensor';
import { describe, expect, it } from 'vitest';
import { categorical } from './categorical.ts';

describe('categorical', () => {
  it("gives the seed's E[x^2] = 3 for Cat([0.1, 0.2, 0.7]) on {0, 1, 2}", () => {
    const x = categorical([0.1, 0.2, 0.7]);
    expect(Math.abs(x.expectation((v) => v * v) - 3)).toBeLessThan(1e-12);
    expect(x.values).toEqual([0, 1, 2]);
  });

  it('has the exact mean, variance and entropy', () => {
    const x = categorical([0.1, 0.2, 0.7]);
    expect(x.mean()).toBeCloseTo(1.6, 12);
    expect(x.variance()).toBeCloseTo(3 - 1.6 * 1.6, 12);
    expect(x.entropy()).toBeCloseTo(-(0.1 * Math.log(0.1) + 0.2 * Math.log(0.2) + 0.7 * Math.log(0.7)), 12);
    expect(x.prob(2)).toBe(0.7);
    expect(x.prob(3)).toBe(0);
    expect(x.logProb(3)).toBe(-Infinity);
    expect(x.toString()).toBe('Cat([0.1, 0.2, 0.7])');
  });

  it('encodes and decodes one-hot vectors over its values', () => {
    const w = categorical([0.25, 0.75], { values: ['sun', 'rain'] });
    expect(w.oneHot('rain')).toEqual([0, 1]);
    expect(w.fromOneHot([1, 0])).toBe('sun');
    expect(() => w.oneHot('snow' as 'sun')).toThrow(/not in the support/);
    expect(() => w.fromOneHot([1, 0, 0])).toThrow(ValueError);
    expect(w.prob('rain')).toBe(0.75);
  });

  it('refuses the mean of labels, with a hint', () => {
    const w = categorical([0.5, 0.5], { values: ['a', 'b'] });
    expect(() => w.mean()).toThrow(/mean needs numeric values/);
    expect(w.expectation((v) => (v === 'a' ? 1 : 0))).toBe(0.5);
  });

  it('names the argument at fault for bad probabilities', () => {
    expect(() => categorical([0.5, -0.1, 0.6])).toThrow('[gradlab/prob] categorical: probabilities must be non-negative (argument probs[1]; expected >= 0; received -0.1)');
    expect(() => categorical([0.5, 0.6])).toThrow(/probabilities must sum to 1 \(argument probs; expected sum 1 \(within 1e-9\); received sum 1.1\)\. Hint: pass \{ normalize: true \}/);
    expect(categorical([1, 3], { normalize: true }).probs).toEqual([0.25, 0.75]);
    expect(() => categorical([0.5, 0.5], { values: [1, 1] })).toThrow(/distinct/);
    expect(() => categorical([0.5, 0.5], { values: [1] })).toThrow(/one value per probability/);
    try {
      categorical([0.2, 0.2]);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ValueError);
      expect((e as ValueError).arg).toBe('probs');
      expect((e as ValueError).pkg).toBe('prob');
    }
  });
});
