import { ValueError } from '@gradlab/core-tensor';
import type { Rng } from '@gradlab/core-tensor';
import { checkSampleCount, xlogx } from './argument-checks.ts';
import type { Distribution, Value } from './distribution.ts';

/** A distribution on finitely many values: Bernoulli, categorical, empirical. */
export interface FiniteDistribution<T extends Value = number> extends Distribution<T> {
  /** The values with their probabilities, in order. */
  readonly values: readonly T[];
  /** probs[k] = Pr[x = values[k]]. */
  readonly probs: readonly number[];
}

/** Rounds for display: at most 6 significant digits, no trailing zeros. */
export function short(x: number): string {
  return String(Number(x.toPrecision(6)));
}

/**
 * The shared machinery of the finite distributions: pmf by lookup, exact sums for moments and
 * expectations, and inverse-CDF sampling by binary search on the cumulative sums.
 */
export function finiteDistribution<T extends Value>(
  family: string,
  values: readonly T[],
  probs: Float64Array,
  notation: string,
): FiniteDistribution<T> {
  const index = new Map<T, number>();
  values.forEach((v, i) => index.set(v, i));
  const cumulative = new Float64Array(probs.length);
  let acc = 0;
  probs.forEach((p, i) => {
    acc += p;
    cumulative[i] = acc;
  });
  const probList = Array.from(probs);
  const frozenValues = Object.freeze([...values]);
  const numeric = (what: string): number[] => {
    const bad = values.find((v) => typeof v !== 'number');
    if (bad !== undefined) {
      throw new ValueError(`${what} needs numeric values`, {
        pkg: 'prob',
        op: `${family}.${what}`,
        arg: 'values',
        expected: 'numbers',
        received: bad,
        hint: 'use expectation(f) with a function that maps each label to a number',
      });
    }
    return values as readonly Value[] as number[];
  };
  const prob = (x: T): number => {
    const i = index.get(x);
    return i === undefined ? 0 : (probs[i] as number);
  };
  const expectation = (f: (x: T) => number): number => {
    let s = 0;
    for (let i = 0; i < probs.length; i++) {
      const p = probs[i] as number;
      if (p > 0) s += p * f(values[i] as T);
    }
    return s;
  };
  return Object.freeze({
    family,
    values: frozenValues,
    probs: Object.freeze(probList),
    support: Object.freeze({ kind: 'finite' as const, values: frozenValues }),
    prob,
    logProb: (x: T) => Math.log(prob(x)),
    sample(rng: Rng, n: number): T[] {
      checkSampleCount(n, `${family}.sample`);
      const out = new Array<T>(n);
      const last = cumulative.length - 1;
      const total = cumulative[last] as number;
      for (let k = 0; k < n; k++) {
        const u = rng.uniform() * total;
        let lo = 0;
        let hi = last;
        // smallest i with cumulative[i] > u
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if ((cumulative[mid] as number) > u) hi = mid;
          else lo = mid + 1;
        }
        out[k] = values[lo] as T;
      }
      return out;
    },
    mean(): number {
      const xs = numeric('mean');
      return xs.reduce((s, x, i) => s + (probs[i] as number) * x, 0);
    },
    variance(): number {
      const xs = numeric('variance');
      const m = xs.reduce((s, x, i) => s + (probs[i] as number) * x, 0);
      return xs.reduce((s, x, i) => s + (probs[i] as number) * (x - m) * (x - m), 0);
    },
    entropy: () => probList.reduce((s, p) => s - xlogx(p), 0),
    expectation,
    toString: () => notation,
  }) as FiniteDistribution<T>;
}
