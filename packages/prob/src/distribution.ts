import type { Rng } from '@gradlab/core-tensor';

/** A value a discrete random variable can take: a number or a label. */
export type Value = string | number;

/**
 * Where a distribution puts its mass: a finite set of values (pmf), an interval of the real line
 * (pdf; the whole line is `[-Infinity, Infinity]`), or R^dim (pdf of a random vector).
 */
export type Support<T> =
  | { readonly kind: 'finite'; readonly values: readonly T[] }
  | { readonly kind: 'interval'; readonly low: number; readonly high: number }
  | { readonly kind: 'vector'; readonly dim: number };

/** The type of a mean or a variance: a number for a scalar variable, one number per component for a vector. */
export type Moment<T> = T extends readonly number[] ? number[] : number;

/**
 * The contract every distribution of gradlab satisfies; built-ins and third-party distributions
 * alike are plain objects with these members (check one with `checkDistribution` from
 * `@gradlab/prob/testing`).
 *
 * - `prob(x)` is the pmf Pr[x = x] for a finite support, the density p(x) otherwise.
 * - `expectation(f)` is E[f(x)]: an exact sum over a finite support; for a 1-D density, adaptive
 *   Simpson quadrature (see {@link integrate}).
 * - `entropy()` is in nats (differential entropy for a density).
 */
export interface Distribution<T = number> {
  /** The family name, e.g. `bernoulli`, `gaussian`. */
  readonly family: string;
  /** Where the mass is. */
  readonly support: Support<T>;
  /** pmf or pdf at x; 0 outside the support. */
  prob(x: T): number;
  /** log of {@link Distribution.prob}; -Infinity outside the support. */
  logProb(x: T): number;
  /** n independent draws, using only `rng`. */
  sample(rng: Rng, n: number): T[];
  /** E[x]. */
  mean(): Moment<T>;
  /** Var[x] (per component for a vector). */
  variance(): Moment<T>;
  /** Entropy H(x) in nats (differential entropy for a density). */
  entropy(): number;
  /** E[f(x)]. */
  expectation(f: (x: T) => number): number;
  /** Short textbook notation, e.g. `Bern(0.5)`, `N(0, 1)`. */
  toString(): string;
}
