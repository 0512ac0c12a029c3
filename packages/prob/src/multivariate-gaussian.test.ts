import { ShapeError, ValueError } from '@gradlab/core-tensor';
import { describe, expect, it } from 'vitest';
import { multivariateGaussian } from './multivariate-gaussian.ts';

describe('multivariateGaussian', () => {
  const cov = [
    [4, 1.2, 0.5],
    [1.2, 1, 0.3],
    [0.5, 0.3, 2],
  ];
  const g = multivariateGaussian([1, -2, 0.5], cov);

  it('has the density of N(mu, Sigma)', () => {
    // log det by cofactor expansion, quadratic form at x = mu is 0
    const det = 4 * (1 * 2 - 0.3 * 0.3) - 1.2 * (1.2 * 2 - 0.3 * 0.5) + 0.5 * (1.2 * 0.3 - 1 * 0.5);
    expect(g.logProb([1, -2, 0.5])).toBeCloseTo(-0.5 * (3 * Math.log(2 * Math.PI) + Math.log(det)), 12);
    expect(g.entropy()).toBeCloseTo(0.5 * (3 * Math.log(2 * Math.PI * Math.E) + Math.log(det)), 12);
    expect(g.mean()).toEqual([1, -2, 0.5]);
    expect(g.variance()).toEqual([4, 1, 2]);
    expect(g.covariance()).toEqual(cov);
  });

  it('agrees with the product of 1-D Gaussians when Sigma is diagonal', () => {
    const d = multivariateGaussian([0, 1], [[1, 0], [0, 4]]);
    const n = (x: number, m: number, v: number): number => Math.exp(-((x - m) ** 2) / (2 * v)) / Math.sqrt(2 * Math.PI * v);
    expect(d.prob([0.3, 2])).toBeCloseTo(n(0.3, 0, 1) * n(2, 1, 4), 14);
  });

  it('has closed-form marginals', () => {
    const m = g.marginal([2, 0]);
    expect(m.mu).toEqual([0.5, 1]);
    expect(m.cov).toEqual([[2, 0.5], [0.5, 4]]);
  });

  it('has closed-form conditionals', () => {
    const c = multivariateGaussian([0, 1], [[1, 0.8], [0.8, 1]]).conditional([0], [2]);
    expect(c.mu[0]).toBeCloseTo(2.6, 14);
    expect(c.cov[0]?.[0]).toBeCloseTo(0.36, 14);
    // x0 | x1 = -1, x2 = 1 : mu_a + S_ab S_bb^-1 (x_b - mu_b)
    const k = g.conditional([1, 2], [-1, 1]);
    const sbb = [[1, 0.3], [0.3, 2]];
    const det = 1 * 2 - 0.09;
    const inv = [[2 / det, -0.3 / det], [-0.3 / det, 1 / det]];
    const sab = [1.2, 0.5];
    const r = [-1 - -2, 1 - 0.5];
    const w = [sab[0]! * inv[0]![0]! + sab[1]! * inv[1]![0]!, sab[0]! * inv[0]![1]! + sab[1]! * inv[1]![1]!];
    expect(k.mu[0]).toBeCloseTo(1 + w[0]! * r[0]! + w[1]! * r[1]!, 13);
    expect(k.cov[0]?.[0]).toBeCloseTo(4 - (w[0]! * sab[0]! + w[1]! * sab[1]!), 13);
    expect(sbb[0]?.[1]).toBe(0.3);
  });

  it('integrates numerically in one and in several dimensions', () => {
    const one = multivariateGaussian([2], [[9]]);
    expect(one.expectation(([x]) => (x as number) ** 2)).toBeCloseTo(13, 9);
    // E[x1 x2] = Σ12 + μ1 μ2 and E[|x|²] = tr Σ + |μ|², exact under Gauss–Hermite quadrature.
    const two = multivariateGaussian([1, -2], [[2, 0.6], [0.6, 1]]);
    expect(two.expectation(([a, b]) => (a as number) * (b as number))).toBeCloseTo(0.6 - 2, 10);
    expect(two.expectation((x) => x.reduce((s, v) => s + v * v, 0))).toBeCloseTo(3 + 5, 10);
    expect(two.expectation(() => 1)).toBeCloseTo(1, 12);
    // E[exp(a·x)] = exp(a·μ + ½ aᵀΣa), the moment generating function.
    expect(g.expectation((x) => Math.exp(0.1 * (x[0] as number) - 0.2 * (x[2] as number)))).toBeCloseTo(Math.exp(0.1 * g.mu[0]! - 0.2 * g.mu[2]! + 0.5 * (0.01 * g.cov[0]![0]! + 0.04 * g.cov[2]![2]! - 0.04 * g.cov[0]![2]!)), 9);
    const big = multivariateGaussian([0, 0, 0, 0, 0, 0, 0], Array.from({ length: 7 }, (_, i) => Array.from({ length: 7 }, (_, j) => (i === j ? 1 : 0))));
    expect(() => big.expectation(() => 1)).toThrow(/up to 6 dimensions/);
  });

  it('rejects a covariance that is not positive definite, or not symmetric, or the wrong shape', () => {
    expect(() => multivariateGaussian([0, 0], [[1, 2], [2, 1]])).toThrow('[gradlab/prob] multivariateGaussian: the covariance must be positive definite (argument cov; expected positive pivots in the Cholesky factorisation; received pivot 1 = -3). Hint: a variance is zero or a row is a combination of others; add a small multiple of the identity');
    expect(() => multivariateGaussian([0, 0], [[1, 0.5], [0.4, 1]])).toThrow(/must be symmetric/);
    expect(() => multivariateGaussian([0, 0], [[1, 0]])).toThrow(ShapeError);
    expect(() => multivariateGaussian([0, 0], [[1, 0], [0, 0]])).toThrow(ValueError);
    expect(() => g.conditional([0, 1, 2], [0, 0, 0])).toThrow(/nothing is left/);
    expect(() => g.marginal([3])).toThrow(/distinct integers in range/);
  });
});
