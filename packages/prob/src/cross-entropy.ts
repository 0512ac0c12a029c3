import { checkDistribution } from './argument-checks.ts';
import { divergence, noClosedForm } from './kl-divergence.ts';
import type { AnyDistribution } from './kl-divergence.ts';

/**
 * The cross-entropy H(p, q) = −E_p[log q(x)] = H(p) + KL(p‖q), in nats.
 * When p has a finite support the expectation is summed exactly, whatever q is: with p an empirical
 * distribution this is the average negative log-likelihood −(1/N) Σᵢ log q(xᵢ), so q may then be a
 * density (a Gaussian, say). Otherwise p and q must be a pair {@link klDivergence} has a closed form
 * for, and the result is H(p) + KL(p‖q).
 * @param p the distribution the data come from
 * @param q the model that scores them
 * @returns H(p, q), possibly +Infinity where q gives zero probability to a value p can take
 * @throws ValueError when the pair has no closed form
 * @example
 * crossEntropy(bernoulli(0.5), bernoulli(0.5));       // log 2 = H(p)
 * crossEntropy(empirical([0, 1, 1]), gaussian(0, 1)); // mean of −log N(xᵢ | 0, 1)
 */
export function crossEntropy(p: AnyDistribution, q: AnyDistribution): number {
  checkDistribution(p, 'crossEntropy', 'p');
  checkDistribution(q, 'crossEntropy', 'q');
  if (p.support.kind === 'finite') {
    let s = 0;
    for (const x of p.support.values) {
      const px = p.prob(x);
      if (px === 0) continue;
      const lq = q.logProb(x);
      if (Number.isNaN(lq)) throw noClosedForm('crossEntropy', p, q);
      if (lq === -Infinity) return Infinity;
      s -= px * lq;
    }
    return s;
  }
  return p.entropy() + divergence(p, q, 'crossEntropy');
}
