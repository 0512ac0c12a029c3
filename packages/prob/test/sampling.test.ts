import { rng, ValueError } from '@gradlab/core-tensor';
import { describe, expect, it } from 'vitest';
import { bernoulli, categorical, empirical, gaussian, multivariateGaussian, uniform } from '../src/index.ts';
import { checkDistribution } from '../src/testing/index.ts';

const N = 100_000;

/** |estimate − exact| / standard error. */
function zScore(estimate: number, exact: number, se: number): number {
  return Math.abs(estimate - exact) / se;
}

describe('sampling: 10^5 seeded draws within 4 standard errors', () => {
  it('bernoulli', () => {
    const xs = bernoulli(0.3).sample(rng(1), N);
    const f = xs.reduce((s, x) => s + x, 0) / N;
    expect(zScore(f, 0.3, Math.sqrt((0.3 * 0.7) / N))).toBeLessThan(4);
    expect(checkDistribution(bernoulli(0.3), { rng: rng(2) }).failures).toEqual([]);
  });

  it('categorical', () => {
    const q = [0.1, 0.2, 0.7];
    const xs = categorical(q).sample(rng(3), N);
    q.forEach((p, k) => {
      const f = xs.filter((x) => x === k).length / N;
      expect(zScore(f, p, Math.sqrt((p * (1 - p)) / N))).toBeLessThan(4);
    });
    expect(checkDistribution(categorical([0.5, 0.25, 0.25], { values: ['a', 'b', 'c'] }), { rng: rng(4) }).failures).toEqual([]);
  });

  it('gaussian', () => {
    const g = gaussian(2, 3);
    const xs = g.sample(rng(5), N);
    const m = xs.reduce((s, x) => s + x, 0) / N;
    const v = xs.reduce((s, x) => s + (x - m) ** 2, 0) / N;
    expect(zScore(m, 2, 3 / Math.sqrt(N))).toBeLessThan(4);
    expect(zScore(v, 9, Math.sqrt(2 * 81) / Math.sqrt(N))).toBeLessThan(4);
    expect(checkDistribution(g, { rng: rng(6) }).failures).toEqual([]);
  });

  it('uniform', () => {
    const u = uniform(-1, 3);
    const xs = u.sample(rng(7), N);
    const m = xs.reduce((s, x) => s + x, 0) / N;
    expect(zScore(m, 1, Math.sqrt(16 / 12 / N))).toBeLessThan(4);
    expect(xs.every((x) => x >= -1 && x < 3)).toBe(true);
    expect(checkDistribution(u, { rng: rng(8) }).failures).toEqual([]);
  });

  it('empirical', () => {
    const e = empirical([1, 2, 2, 5, 5, 5]);
    const xs = e.sample(rng(9), N);
    const f = xs.filter((x) => x === 5).length / N;
    expect(zScore(f, 0.5, Math.sqrt(0.25 / N))).toBeLessThan(4);
    expect(checkDistribution(e, { rng: rng(10) }).failures).toEqual([]);
  });

  it('multivariate gaussian, including the covariance', () => {
    const g = multivariateGaussian([1, -1], [[2, 0.9], [0.9, 1]]);
    const xs = g.sample(rng(11), N);
    const m0 = xs.reduce((s, x) => s + (x[0] as number), 0) / N;
    const m1 = xs.reduce((s, x) => s + (x[1] as number), 0) / N;
    expect(zScore(m0, 1, Math.sqrt(2 / N))).toBeLessThan(4);
    expect(zScore(m1, -1, Math.sqrt(1 / N))).toBeLessThan(4);
    // Var[(x0 - mu0)(x1 - mu1)] = S00 S11 + S01^2 for a Gaussian
    const c = xs.reduce((s, x) => s + ((x[0] as number) - 1) * ((x[1] as number) + 1), 0) / N;
    expect(zScore(c, 0.9, Math.sqrt((2 * 1 + 0.81) / N))).toBeLessThan(4);
    expect(checkDistribution(g, { rng: rng(12) }).failures).toEqual([]);
  });

  it('the checker catches a distribution whose sampler is wrong', () => {
    const honest = gaussian(0, 1);
    const broken = { ...honest, sample: (r: Parameters<typeof honest.sample>[0], n: number) => honest.sample(r, n).map((x) => x + 0.1) };
    const report = checkDistribution(broken, { rng: rng(13) });
    expect(report.passed).toBe(false);
    expect(report.failures.some((f) => f.startsWith('sample mean'))).toBe(true);
  });

  it('checkDistribution names a forgotten rng instead of throwing a TypeError', () => {
    const call = (o: unknown) => () => checkDistribution(bernoulli(0.3), o as Parameters<typeof checkDistribution>[1]);
    expect(call(undefined)).toThrow(ValueError);
    expect(call({})).toThrow(/argument options.rng.*Hint: pass \{ rng: rng\(0\) \}/);
  });
});
