import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinDistributions } from './builtin-distributions.ts';
import { categorical } from './categorical.ts';
import { crossEntropy } from './cross-entropy.ts';
import { gaussian } from './gaussian.ts';
import { klDivergence } from './kl-divergence.ts';

const weights = (n: number) => fc.array(fc.double({ min: 0.01, max: 1, noNaN: true }), { minLength: n, maxLength: n });

describe('KL divergence and cross-entropy: properties', () => {
  it('KL(p||q) >= 0 with equality at q = p, and H(p, q) = H(p) + KL(p||q), for categoricals', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 6 }).chain((n) => fc.tuple(weights(n), weights(n))), ([a, b]) => {
        const p = categorical(a, { normalize: true });
        const q = categorical(b, { normalize: true });
        expect(klDivergence(p, q)).toBeGreaterThanOrEqual(0);
        expect(klDivergence(p, p)).toBeCloseTo(0, 14);
        expect(crossEntropy(p, q)).toBeCloseTo(p.entropy() + klDivergence(p, q), 12);
      }),
      { numRuns: 100 },
    );
  });

  it('Gaussian KL is non-negative and matches quadrature', () => {
    fc.assert(
      fc.property(fc.double({ min: -3, max: 3, noNaN: true }), fc.double({ min: 0.3, max: 3, noNaN: true }), fc.double({ min: -3, max: 3, noNaN: true }), fc.double({ min: 0.3, max: 3, noNaN: true }), (m1, s1, m2, s2) => {
        const p = gaussian(m1, s1);
        const q = gaussian(m2, s2);
        const kl = klDivergence(p, q);
        expect(kl).toBeGreaterThanOrEqual(0);
        expect(kl).toBeCloseTo(p.expectation((x) => p.logProb(x) - q.logProb(x)), 7);
      }),
      { numRuns: 30 },
    );
  });

  it('the built-in map names every factory and is frozen', () => {
    expect(Object.keys(builtinDistributions)).toEqual(['bernoulli', 'categorical', 'gaussian', 'multivariateGaussian', 'uniform', 'empirical']);
    expect(Object.isFrozen(builtinDistributions)).toBe(true);
    expect(builtinDistributions.gaussian(0, 1).toString()).toBe('N(0, 1)');
  });
});
