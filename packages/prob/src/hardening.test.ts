import { GradlabError, ValueError } from '@gradlab/core-tensor';
import { describe, expect, it } from 'vitest';
import { bernoulli, crossEntropy, gaussian, integrate, jointFromSamples, jointTable, klDivergence, oneHot } from './index.ts';

describe('prob answers bad input with typed errors (issue 19)', () => {
  it.each([
    ['klDivergence(bernoulli(0.5), {})', () => klDivergence(bernoulli(0.5), {} as never)],
    ['crossEntropy(bernoulli(0.5), {})', () => crossEntropy(bernoulli(0.5), {} as never)],
    ['gaussian with std and variance', () => gaussian(0, { std: 1, variance: 1 })],
    ['integrate with panels 0', () => integrate((x) => x, 0, 1, { panels: 0 })],
    ['integrate with a negative tolerance', () => integrate((x) => x, 0, 1, { tolerance: -1 })],
    ['integrate with a NaN tolerance', () => integrate((x) => x, 0, 1, { tolerance: Number.NaN })],
    ['oneHot(0, 1e9)', () => oneHot(0, 1e9)],
    ['jointFromSamples with NaN', () => jointFromSamples(['x'], [[Number.NaN]])],
    ['jointFromSamples with null', () => jointFromSamples(['x'], [[null as never]])],
    ['jointTable format digits 1000', () => jointTable({ variables: ['x'], probs: [0.5, 0.5] }).format({ digits: 1000 })],
  ])('%s', (_name, f) => {
    expect(f).toThrow(GradlabError);
  });

  it('a divergent expectation stops at the evaluation budget with a ValueError', () => {
    const t0 = Date.now();
    expect(() => gaussian(0, 1).expectation((x) => Math.exp(x * x))).toThrow(ValueError);
    expect(Date.now() - t0).toBeLessThan(20_000);
  });

  it('a tiny scale keeps a finite entropy', () => {
    expect(gaussian(0, 1e-300).entropy()).toBeCloseTo(0.5 * Math.log(2 * Math.PI * Math.E) + Math.log(1e-300), 9);
    expect(gaussian(0, 2).entropy()).toBeCloseTo(0.5 * Math.log(2 * Math.PI * Math.E * 4), 12);
  });
});
