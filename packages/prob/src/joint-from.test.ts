import { describe, expect, it } from 'vitest';
import { jointFromPrior } from './joint-from-prior.ts';
import { jointFromSamples } from './joint-from-samples.ts';

describe('jointFromSamples', () => {
  it('counts relative frequencies', () => {
    const p = jointFromSamples(['x', 't'], [[0, 0], [0, 1], [1, 1], [1, 1]]);
    expect(p.prob({ x: 1, t: 1 })).toBe(0.5);
    expect(p.prob({ x: 1, t: 0 })).toBe(0);
    expect(p.variables[1]?.values).toEqual([0, 1]);
  });

  it('keeps listed values that were never seen, and labels', () => {
    const p = jointFromSamples(['w'], [['sun'], ['rain'], ['sun']], { values: { w: ['sun', 'rain', 'snow'] } });
    expect(p.probabilities()).toEqual([2 / 3, 1 / 3, 0]);
    expect(() => jointFromSamples(['w'], [['hail']], { values: { w: ['sun'] } })).toThrow(/argument rows\[0\]\[0\]/);
    expect(() => jointFromSamples(['a', 'b'], [[1]])).toThrow(/one value per variable/);
  });
});

describe('jointFromPrior', () => {
  it('builds p(x, t) = p(x) p(t | x)', () => {
    const p = jointFromPrior({ name: 'x', probs: [0.5, 0.5] }, { name: 't', values: ['no', 'yes'], probs: [[0.9, 0.1], [0.2, 0.8]] });
    expect(p.prob({ x: 0, t: 'no' })).toBeCloseTo(0.45, 15);
    expect(p.prob({ x: 1, t: 'yes' })).toBeCloseTo(0.4, 15);
    expect(p.conditional({ x: 1 }).prob({ t: 'yes' })).toBeCloseTo(0.8, 15);
  });

  it('rejects a row that is not a pmf, naming it', () => {
    expect(() => jointFromPrior({ name: 'x', probs: [0.5, 0.5] }, { name: 't', probs: [[0.9, 0.1], [0.2, 0.7]] })).toThrow(/argument likelihood.probs\[1\]/);
    expect(() => jointFromPrior({ name: 'x', probs: [1] }, { name: 't', probs: [[0.9, 0.1], [0.2, 0.8]] })).toThrow(/one row per value of x/);
  });
});
