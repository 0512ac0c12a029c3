import type { Rng } from '@gradlab/core-tensor';
import { ValueError } from '@gradlab/core-tensor';
import type { Distribution } from '../distribution.ts';

/** One comparison made by {@link checkDistribution}: |received − expected| <= bound. */
export interface DistributionCheck {
  readonly name: string;
  readonly received: number;
  readonly expected: number;
  readonly bound: number;
  readonly passed: boolean;
}

/** The outcome of {@link checkDistribution}. */
export interface DistributionReport {
  /** True when every check passed. */
  readonly passed: boolean;
  readonly checks: readonly DistributionCheck[];
  /** The names of the failed checks, with their numbers. */
  readonly failures: readonly string[];
}

/** Options of {@link checkDistribution}. */
export interface CheckDistributionOptions {
  /** The generator the samples are drawn with. */
  rng: Rng;
  /** Number of samples (default 100 000). */
  n?: number;
  /** Width of the sampling bands in standard errors (default 4). */
  sigmas?: number;
  /** Tolerance of the exact identities: pmf sums, moments against expectation (default 1e-6). */
  tolerance?: number;
}

/**
 * Checks that a distribution keeps the {@link Distribution} contract:
 * - exact identities: a pmf sums to 1 (a density integrates to 1 through `expectation`);
 *   `logProb = log prob`; `mean()` and `variance()` agree with `expectation`;
 * - sampling: of n draws, every value's frequency (finite support) or the sample mean and variance
 *   (a density; each component's mean for a vector) lie within `sigmas` standard errors of the
 *   exact values. The standard error of a frequency is √(p(1 − p)/n), of a mean √(Var/n), and of a
 *   variance √((μ₄ − σ⁴)/n), with the fourth central moment μ₄ from `expectation`.
 * @param d the distribution to check (numbers, labels or vectors)
 * @param options rng, n, sigmas, tolerance
 * @returns a {@link DistributionReport}; `passed` is false when any check fails
 * @example
 * const report = checkDistribution(gaussian(0, 1), { rng: rng(0) });
 * report.passed; // true
 */
export function checkDistribution<T>(d: Distribution<T>, options: CheckDistributionOptions): DistributionReport {
  // Called from plain JavaScript or with a forgotten option, say so instead of a TypeError deep inside.
  const given = options as Partial<CheckDistributionOptions> | undefined;
  if (typeof given !== 'object' || given === null || typeof given.rng !== 'object' || given.rng === null) {
    throw new ValueError('the check needs a seeded random number generator', { pkg: 'prob', op: 'checkDistribution', arg: 'options.rng', expected: 'an Rng', received: typeof given === 'object' && given !== null ? typeof given.rng : typeof given, hint: "pass { rng: rng(0) } with rng from '@gradlab/core-tensor'" });
  }
  const n = options.n ?? 100_000;
  const sigmas = options.sigmas ?? 4;
  const tol = options.tolerance ?? 1e-6;
  const checks: DistributionCheck[] = [];
  const add = (name: string, received: number, expected: number, bound: number): void => {
    const passed = received === expected || Math.abs(received - expected) <= bound;
    checks.push({ name, received, expected, bound, passed });
  };
  const samples = d.sample(options.rng, n);
  add('sample count', samples.length, n, 0);
  const support = d.support;
  if (support.kind === 'finite') {
    const total = support.values.reduce((s, x) => s + d.prob(x), 0);
    add('pmf sums to 1', total, 1, tol);
    const counts = new Map<T, number>();
    for (const x of samples) counts.set(x, (counts.get(x) ?? 0) + 1);
    for (const x of support.values) {
      const p = d.prob(x);
      add(`logProb(${String(x)}) = log prob`, d.logProb(x), Math.log(p), tol);
      add(`frequency of ${String(x)}`, (counts.get(x) ?? 0) / n, p, sigmas * Math.sqrt((p * (1 - p)) / n));
    }
    add('samples outside the support', samples.filter((x) => d.prob(x) === 0).length, 0, 0);
    if (support.values.every((x) => typeof x === 'number')) {
      const f = d as unknown as Distribution<number>;
      const m = f.expectation((x) => x);
      add('mean() = E[x]', f.mean(), m, tol * Math.max(1, Math.abs(m)));
      const v = f.expectation((x) => (x - m) ** 2);
      add('variance() = E[(x - mean)^2]', f.variance(), v, tol * Math.max(1, v));
    }
    return report(checks);
  }
  if (support.kind === 'interval') {
    const f = d as unknown as Distribution<number>;
    const xs = samples as unknown as number[];
    add('density integrates to 1', f.expectation(() => 1), 1, tol);
    const m = f.mean();
    const v = f.variance();
    add('mean() = E[x]', f.expectation((x) => x), m, tol * Math.max(1, Math.abs(m)));
    add('variance() = E[(x - mean)^2]', f.expectation((x) => (x - m) ** 2), v, tol * Math.max(1, v));
    const mu4 = f.expectation((x) => (x - m) ** 4);
    const x0 = xs[0] ?? m;
    add('logProb = log prob', f.logProb(x0), Math.log(f.prob(x0)), tol);
    add('samples outside the support', xs.filter((x) => !(x >= support.low && x <= support.high)).length, 0, 0);
    const sm = xs.reduce((s, x) => s + x, 0) / n;
    const sv = xs.reduce((s, x) => s + (x - sm) ** 2, 0) / n;
    add('sample mean', sm, m, sigmas * Math.sqrt(v / n));
    add('sample variance', sv, v, sigmas * Math.sqrt(Math.max(mu4 - v * v, 0) / n));
    return report(checks);
  }
  const vecs = samples as unknown as number[][];
  const vd = d as unknown as Distribution<number[]>;
  const mean = vd.mean();
  const variance = vd.variance();
  add('sample dimension', vecs.every((x) => x.length === support.dim) ? support.dim : -1, support.dim, 0);
  for (let i = 0; i < support.dim; i++) {
    const sm = vecs.reduce((s, x) => s + (x[i] as number), 0) / n;
    add(`sample mean[${i}]`, sm, mean[i] as number, sigmas * Math.sqrt((variance[i] as number) / n));
  }
  const x0 = vecs[0] ?? mean;
  add('logProb = log prob', vd.logProb(x0), Math.log(vd.prob(x0)), tol);
  return report(checks);
}

function report(checks: DistributionCheck[]): DistributionReport {
  const failed = checks.filter((c) => !c.passed);
  return Object.freeze({
    passed: failed.length === 0,
    checks: Object.freeze(checks),
    failures: Object.freeze(failed.map((c) => `${c.name}: received ${c.received}, expected ${c.expected} ± ${c.bound}`)),
  });
}
