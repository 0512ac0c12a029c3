import { describe, expect, it } from 'vitest';
import { bernoulli } from './bernoulli.ts';
import { categorical } from './categorical.ts';
import { crossEntropy } from './cross-entropy.ts';
import { empirical } from './empirical.ts';
import { gaussian } from './gaussian.ts';
import { integrate } from './integrate.ts';
import { klDivergence } from './kl-divergence.ts';
import { multivariateGaussian } from './multivariate-gaussian.ts';
import { uniform } from './uniform.ts';

describe('klDivergence', () => {
  it('sums exactly over finite supports', () => {
    expect(klDivergence(bernoulli(0.5), bernoulli(0.25))).toBeCloseTo(0.5 * Math.log(2) + 0.5 * Math.log(0.5 / 0.75), 14);
    expect(klDivergence(categorical([0.2, 0.8]), categorical([0.2, 0.8]))).toBe(0);
    expect(klDivergence(bernoulli(0.5), bernoulli(1))).toBe(Infinity);
    expect(klDivergence(empirical([0, 1, 1, 1]), bernoulli(0.75))).toBeCloseTo(0, 14);
  });

  it('matches the Gaussian closed form and numeric integration', () => {
    const p = gaussian(1, 2);
    const q = gaussian(-0.5, 1.5);
    const numeric = integrate((x) => p.prob(x) * (p.logProb(x) - q.logProb(x)), -30, 30);
    expect(klDivergence(p, q)).toBeCloseTo(numeric, 9);
    expect(klDivergence(gaussian(0, 1), gaussian(1, 1))).toBeCloseTo(0.5, 15);
  });

  it('handles uniforms, including disjoint supports', () => {
    expect(klDivergence(uniform(0, 1), uniform(0, 4))).toBeCloseTo(Math.log(4), 15);
    expect(klDivergence(uniform(0, 4), uniform(0, 1))).toBe(Infinity);
  });

  it('reduces to the 1-D formula for multivariate Gaussians', () => {
    const a = multivariateGaussian([1], [[4]]);
    const b = multivariateGaussian([-0.5], [[2.25]]);
    expect(klDivergence(a, b)).toBeCloseTo(klDivergence(gaussian(1, 2), gaussian(-0.5, 1.5)), 13);
    const p = multivariateGaussian([0, 0], [[1, 0.5], [0.5, 1]]);
    const q = multivariateGaussian([1, 0], [[2, 0], [0, 1]]);
    // 0.5 (tr(Q^-1 P) + dm' Q^-1 dm - 2 + log det Q - log det P) = 0.5 (1.5 + 0.5 - 2 + log 2 - log 0.75)
    expect(klDivergence(p, q)).toBeCloseTo(0.5 * (1.5 + 0.5 - 2 + Math.log(2) - Math.log(0.75)), 14);
  });

  it('refuses pairs without a closed form, with a clear error', () => {
    expect(() => klDivergence(gaussian(0, 1), uniform(0, 1))).toThrow('[gradlab/prob] klDivergence: no closed form for gaussian against uniform');
    expect(() => klDivergence(multivariateGaussian([0], [[1]]), multivariateGaussian([0, 0], [[1, 0], [0, 1]]))).toThrow(/same dimension/);
  });
});

describe('crossEntropy', () => {
  it('is H(p) + KL(p||q)', () => {
    const p = categorical([0.1, 0.2, 0.7]);
    const q = categorical([0.3, 0.3, 0.4]);
    expect(crossEntropy(p, q)).toBeCloseTo(p.entropy() + klDivergence(p, q), 14);
    expect(crossEntropy(p, p)).toBeCloseTo(p.entropy(), 14);
    const g = gaussian(0, 1);
    const h = gaussian(1, 2);
    expect(crossEntropy(g, h)).toBeCloseTo(0.5 * Math.log(2 * Math.PI * 4) + (1 + 1) / 8, 14);
  });

  it('is the average negative log-likelihood for an empirical p', () => {
    const data = [0.2, -1, 1.5];
    const q = gaussian(0, 1);
    expect(crossEntropy(empirical(data), q)).toBeCloseTo(-data.reduce((s, x) => s + q.logProb(x), 0) / 3, 14);
    expect(() => crossEntropy(categorical([0.5, 0.5], { values: ['a', 'b'] }), q)).toThrow(/no closed form for categorical against gaussian/);
    expect(() => crossEntropy(gaussian(0, 1), uniform(0, 1))).toThrow(/crossEntropy: no closed form/);
  });
});
