import { ValueError } from '@gradlab/core-tensor';
import { describe, expect, it } from 'vitest';
import { gaussian } from './gaussian.ts';

describe('gaussian', () => {
  it("gives the seed's E[x] = mu and E[x^2] = mu^2 + sigma^2 by quadrature", () => {
    for (const [mu, sigma] of [[0, 1], [3, 2], [-1.5, 0.1], [100, 7]] as const) {
      const g = gaussian(mu, sigma);
      expect(Math.abs(g.expectation((x) => x) - mu)).toBeLessThan(1e-12 * Math.max(1, Math.abs(mu)));
      expect(Math.abs(g.expectation((x) => x * x) - (mu * mu + sigma * sigma))).toBeLessThan(1e-12 * Math.max(1, mu * mu + sigma * sigma));
    }
  });

  it('has the density, entropy and notation of N(mu, sigma^2)', () => {
    const g = gaussian(1, { variance: 4 });
    expect(g.sigma).toBe(2);
    expect(g.prob(1)).toBeCloseTo(1 / Math.sqrt(8 * Math.PI), 15);
    expect(g.logProb(3)).toBeCloseTo(-0.5 * Math.log(8 * Math.PI) - 0.5, 14);
    expect(g.entropy()).toBeCloseTo(0.5 * Math.log(2 * Math.PI * Math.E * 4), 14);
    expect(g.toString()).toBe('N(1, 4)');
    expect(gaussian(0, { std: 3 }).variance()).toBe(9);
    // E[|x|] = sigma·sqrt(2/pi) for a centred Gaussian: no closed form is used, only quadrature
    expect(gaussian(0, 2).expectation(Math.abs)).toBeCloseTo(2 * Math.sqrt(2 / Math.PI), 9);
  });

  it('rejects a non-positive scale and a non-finite mean', () => {
    expect(() => gaussian(0, 0)).toThrow('[gradlab/prob] gaussian: must be positive (argument std; expected > 0; received 0)');
    expect(() => gaussian(0, { variance: -1 })).toThrow(/argument variance/);
    expect(() => gaussian(Number.POSITIVE_INFINITY, 1)).toThrow(ValueError);
  });
});
