import { requireOptions, ValueError } from '@gradlab/core-tensor';
import type { Rng } from '@gradlab/core-tensor';
import { checkFinite, checkPositive, checkSampleCount } from './argument-checks.ts';
import type { Distribution } from './distribution.ts';
import { short } from './finite-distribution.ts';
import { integrate } from './integrate.ts';

/** N(μ, σ²): the Gaussian (normal) distribution on the real line. */
export interface Gaussian extends Distribution<number> {
  readonly family: 'gaussian';
  /** The mean μ. */
  readonly mu: number;
  /** The standard deviation σ > 0. */
  readonly sigma: number;
}

/** The spread of a Gaussian: a standard deviation, or `{ std }`, or `{ variance }`. */
export type GaussianScale = number | { std: number } | { variance: number };

/** Half-width of the quadrature window, in standard deviations: the mass outside is below 1e-32. */
const WINDOW = 12;

/**
 * The Gaussian N(μ, σ²) with density p(x) = exp(−(x − μ)²/(2σ²)) / √(2πσ²).
 * Closed forms: E[x] = μ, Var[x] = σ², H = ½ log(2πeσ²). `expectation(f)` for a general f is
 * numeric: adaptive Simpson quadrature of f(x)·p(x) over [μ − 12σ, μ + 12σ] (absolute tolerance
 * 1e-10); so E[x²] comes out as μ² + σ².
 * @param mean μ, finite
 * @param scale σ (a number or `{ std }`), or `{ variance }` = σ²; positive
 * @returns a {@link Gaussian}
 * @throws ValueError when μ is not finite or the scale is not positive
 * @example
 * const g = gaussian(1, 2);            // N(1, 4)
 * g.expectation((x) => x * x);         // 5 = μ² + σ²
 * gaussian(0, { variance: 9 }).sigma;  // 3
 */
export function gaussian(mean: number, scale: GaussianScale = 1): Gaussian {
  const mu = checkFinite(mean, 'gaussian', 'mean');
  let sigma: number;
  if (typeof scale === 'number') sigma = checkPositive(scale, 'gaussian', 'std');
  else {
    const s = requireOptions(scale as { std?: number; variance?: number }, { pkg: 'prob', op: 'gaussian', arg: 'scale' }, ['std', 'variance']);
    if (s.std !== undefined && s.variance !== undefined) {
      throw new ValueError('give the scale once: std or variance, not both', { pkg: 'prob', op: 'gaussian', arg: 'scale', expected: '{ std } or { variance }', received: '{ std, variance }' });
    }
    if (s.variance !== undefined) sigma = Math.sqrt(checkPositive(s.variance, 'gaussian', 'variance'));
    else if (s.std !== undefined) sigma = checkPositive(s.std, 'gaussian', 'std');
    else throw new ValueError('the scale must be a number, { std } or { variance }', { pkg: 'prob', op: 'gaussian', arg: 'scale', received: '{}' });
  }
  if (!(sigma > 0)) throw new ValueError('the variance underflows to 0', { pkg: 'prob', op: 'gaussian', arg: 'scale', expected: 'a positive std', received: sigma });
  const variance = sigma * sigma;
  // log N(x; μ, σ²) = −½ log 2π − log σ − ½((x − μ)/σ)², written with σ (not σ²) so that a tiny σ
  // (σ² underflows below 1e-154) keeps finite log-densities and entropy.
  const logNorm = -0.5 * Math.log(2 * Math.PI) - Math.log(sigma);
  const logProb = (x: number): number => {
    const z = (x - mu) / sigma;
    return logNorm - 0.5 * z * z;
  };
  return Object.freeze({
    family: 'gaussian' as const,
    mu,
    sigma,
    support: Object.freeze({ kind: 'interval' as const, low: -Infinity, high: Infinity }),
    prob: (x: number) => Math.exp(logProb(x)),
    logProb,
    sample(rng: Rng, n: number): number[] {
      checkSampleCount(n, 'gaussian.sample');
      const out = new Array<number>(n);
      for (let i = 0; i < n; i++) out[i] = rng.normal(mu, sigma);
      return out;
    },
    mean: () => mu,
    variance: () => variance,
    entropy: () => 0.5 * Math.log(2 * Math.PI * Math.E) + Math.log(sigma),
    expectation: (f: (x: number) => number) =>
      integrate((x) => f(x) * Math.exp(logProb(x)), mu - WINDOW * sigma, mu + WINDOW * sigma),
    toString: () => `N(${short(mu)}, ${short(variance)})`,
  });
}
