import { ShapeError, ValueError } from '@gradlab/core-tensor';
import { checkDistribution } from './argument-checks.ts';
import { choleskyFactor, choleskyLogDet, choleskySolve } from './cholesky.ts';
import type { Distribution } from './distribution.ts';
import type { Gaussian } from './gaussian.ts';
import type { MultivariateGaussian } from './multivariate-gaussian.ts';
import type { Uniform } from './uniform.ts';

/** Any distribution gradlab can compare: scalar, labelled or vector valued. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the pair is checked at run time by family
export type AnyDistribution = Distribution<any>;

/** True for a Gaussian made by `gaussian`. */
export function isGaussian(d: AnyDistribution): d is Gaussian {
  return d.family === 'gaussian' && typeof (d as Partial<Gaussian>).sigma === 'number';
}
function isUniform(d: AnyDistribution): d is Uniform {
  return d.family === 'uniform' && typeof (d as Partial<Uniform>).low === 'number';
}
function isMvn(d: AnyDistribution): d is MultivariateGaussian {
  return d.family === 'multivariateGaussian' && Array.isArray((d as Partial<MultivariateGaussian>).mu);
}

/** The error for a pair with no exact formula. */
export function noClosedForm(op: string, p: AnyDistribution, q: AnyDistribution): ValueError {
  return new ValueError(`no closed form for ${p.family} against ${q.family}`, {
    pkg: 'prob',
    op,
    arg: 'q',
    expected: 'both finite (bernoulli, categorical, empirical), both gaussian, both uniform or both multivariateGaussian',
    received: `${p.family} and ${q.family}`,
    hint: 'estimate it by Monte Carlo: average p.logProb(x) - q.logProb(x) over p.sample(rng, n)',
  });
}

/**
 * The Kullback–Leibler divergence KL(p‖q) = E_p[log p(x) − log q(x)] in nats, exactly:
 * - finite supports (Bernoulli, categorical, empirical, in any mix): the sum over p's support,
 *   +Infinity when q(x) = 0 somewhere p(x) > 0;
 * - Gaussians: log(σ_q/σ_p) + (σ_p² + (μ_p − μ_q)²)/(2σ_q²) − ½;
 * - uniforms: log((b_q − a_q)/(b_p − a_p)) when [a_p, b_p] ⊆ [a_q, b_q], else +Infinity;
 * - multivariate Gaussians: ½(tr(Σ_q⁻¹Σ_p) + (μ_q − μ_p)ᵀΣ_q⁻¹(μ_q − μ_p) − d + log det Σ_q − log det Σ_p).
 * @param p the reference distribution
 * @param q the approximating distribution, of the same family
 * @returns KL(p‖q) >= 0, possibly +Infinity
 * @throws ValueError when the pair has no closed form (e.g. a Gaussian against a uniform)
 * @throws ShapeError when two multivariate Gaussians differ in dimension
 * @example
 * klDivergence(bernoulli(0.5), bernoulli(0.25));   // 0.5·log(0.5/0.25) + 0.5·log(0.5/0.75) ≈ 0.1438
 * klDivergence(gaussian(0, 1), gaussian(1, 1));     // 0.5
 */
export function klDivergence(p: AnyDistribution, q: AnyDistribution): number {
  return divergence(p, q, 'klDivergence');
}

/** KL(p‖q) with errors attributed to `op`. */
export function divergence(p: AnyDistribution, q: AnyDistribution, op: string): number {
  checkDistribution(p, op, 'p');
  checkDistribution(q, op, 'q');
  if (p.support.kind === 'finite' && q.support.kind === 'finite') {
    let s = 0;
    for (const x of p.support.values) {
      const px = p.prob(x);
      if (px === 0) continue;
      const qx = q.prob(x);
      if (qx === 0) return Infinity;
      s += px * Math.log(px / qx);
    }
    return Math.max(0, s);
  }
  if (isGaussian(p) && isGaussian(q)) {
    const r = p.sigma / q.sigma;
    const dm = (p.mu - q.mu) / q.sigma;
    return -Math.log(r) + (r * r + dm * dm) / 2 - 0.5;
  }
  if (isUniform(p) && isUniform(q)) {
    if (p.low < q.low || p.high > q.high) return Infinity;
    return Math.log((q.high - q.low) / (p.high - p.low));
  }
  if (isMvn(p) && isMvn(q)) {
    if (p.dim !== q.dim) {
      throw new ShapeError('the two Gaussians must have the same dimension', { pkg: 'prob', op, arg: 'q', expected: `dim ${p.dim}`, received: `dim ${q.dim}` });
    }
    const fq = choleskyFactor(q.cov);
    const fp = choleskyFactor(p.cov);
    if (!fq.ok || !fp.ok) throw new ValueError('covariance not positive definite', { pkg: 'prob', op, arg: fq.ok ? 'p' : 'q' });
    const d = p.dim;
    let trace = 0;
    for (let j = 0; j < d; j++) {
      const col = choleskySolve(fq.l, p.cov.map((row) => row[j] as number));
      trace += col[j] as number;
    }
    const dm = q.mu.map((m, i) => m - (p.mu[i] as number));
    const w = choleskySolve(fq.l, dm);
    const quad = dm.reduce((s, v, i) => s + v * (w[i] as number), 0);
    return Math.max(0, 0.5 * (trace + quad - d + choleskyLogDet(fq.l) - choleskyLogDet(fp.l)));
  }
  throw noClosedForm(op, p, q);
}
