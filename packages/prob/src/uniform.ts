import { ValueError } from '@gradlab/core-tensor';
import type { Rng } from '@gradlab/core-tensor';
import { checkFinite, checkSampleCount } from './argument-checks.ts';
import type { Distribution } from './distribution.ts';
import { short } from './finite-distribution.ts';
import { integrate } from './integrate.ts';

/** U(a, b): the continuous uniform distribution on [a, b]. */
export interface Uniform extends Distribution<number> {
  readonly family: 'uniform';
  /** a. */
  readonly low: number;
  /** b. */
  readonly high: number;
}

/**
 * The continuous uniform distribution U(a, b), density 1/(b − a) on [a, b].
 * Closed forms: E[x] = (a + b)/2, Var[x] = (b − a)²/12, H = log(b − a). `expectation(f)` is
 * adaptive Simpson quadrature of f over [a, b] divided by b − a.
 * @param low a, finite
 * @param high b, finite, > a
 * @returns a {@link Uniform}
 * @throws ValueError when a bound is not finite or high <= low
 * @example
 * const u = uniform(0, 2);
 * u.prob(0.5);                   // 0.5
 * u.expectation((x) => x * x);   // 4/3
 */
export function uniform(low = 0, high = 1): Uniform {
  const a = checkFinite(low, 'uniform', 'low');
  const b = checkFinite(high, 'uniform', 'high');
  if (!(b > a)) {
    throw new ValueError('the interval must have positive length', { pkg: 'prob', op: 'uniform', arg: 'high', expected: `> low (${a})`, received: b });
  }
  const width = b - a;
  const prob = (x: number): number => (x >= a && x <= b ? 1 / width : 0);
  return Object.freeze({
    family: 'uniform' as const,
    low: a,
    high: b,
    support: Object.freeze({ kind: 'interval' as const, low: a, high: b }),
    prob,
    logProb: (x: number) => Math.log(prob(x)),
    sample(rng: Rng, n: number): number[] {
      checkSampleCount(n, 'uniform.sample');
      const out = new Array<number>(n);
      for (let i = 0; i < n; i++) out[i] = rng.uniform(a, b);
      return out;
    },
    mean: () => (a + b) / 2,
    variance: () => (width * width) / 12,
    entropy: () => Math.log(width),
    expectation: (f: (x: number) => number) => integrate(f, a, b) / width,
    toString: () => `U(${short(a)}, ${short(b)})`,
  });
}
