import { checkProbability } from './argument-checks.ts';
import { finiteDistribution, short } from './finite-distribution.ts';
import type { FiniteDistribution } from './finite-distribution.ts';

/** Bern(p): the value 1 with probability p, 0 with probability 1 − p. */
export interface Bernoulli extends FiniteDistribution<number> {
  readonly family: 'bernoulli';
  /** Pr[x = 1]. */
  readonly p: number;
}

/**
 * The Bernoulli distribution Bern(p) on {0, 1}: mean p, variance p(1 − p),
 * entropy −p log p − (1 − p) log(1 − p) nats.
 * @param p Pr[x = 1], in [0, 1]
 * @returns a {@link Bernoulli}
 * @throws ValueError when p is not in [0, 1]
 * @example
 * const coin = bernoulli(0.3);
 * coin.prob(1);            // 0.3
 * coin.variance();         // 0.21
 * coin.sample(rng(0), 5);  // e.g. [0, 1, 0, 0, 0]
 */
export function bernoulli(p: number): Bernoulli {
  checkProbability(p, 'bernoulli', 'p');
  const base = finiteDistribution('bernoulli', [0, 1], Float64Array.of(1 - p, p), `Bern(${short(p)})`);
  return Object.freeze({ ...base, family: 'bernoulli' as const, p });
}
