import { ValueError } from '@gradlab/core-tensor';
import type { Rng } from '@gradlab/core-tensor';
import { checkSampleCount, checkSamples } from './argument-checks.ts';
import { finiteDistribution } from './finite-distribution.ts';
import type { FiniteDistribution } from './finite-distribution.ts';

/** The empirical distribution of a sample: each distinct value with its relative frequency. */
export interface Empirical extends FiniteDistribution<number> {
  readonly family: 'empirical';
  /** The number of samples it was built from. */
  readonly count: number;
}

/**
 * The empirical distribution p̂(x) = (1/N) Σᵢ 1(xᵢ = x) of N samples: a pmf on the distinct values
 * (sorted ascending). Its mean is the sample mean, its variance the 1/N (not 1/(N − 1)) sample
 * variance, and sampling from it resamples the data with replacement (the bootstrap).
 * @param samples N >= 1 finite numbers
 * @returns an {@link Empirical}
 * @throws ValueError when there are no samples or one is not finite
 * @example
 * const e = empirical([1, 2, 2, 5]);
 * e.prob(2);     // 0.5
 * e.mean();      // 2.5
 */
export function empirical(samples: ArrayLike<number>): Empirical {
  checkSamples(samples, 'empirical', 'samples');
  if (samples.length === 0) {
    throw new ValueError('needs at least one sample', { pkg: 'prob', op: 'empirical', arg: 'samples', expected: 'a non-empty list', received: '[]' });
  }
  const data = Float64Array.from(samples);
  const counts = new Map<number, number>();
  for (let i = 0; i < data.length; i++) {
    const x = data[i] as number;
    if (!Number.isFinite(x)) {
      throw new ValueError('samples must be finite numbers', { pkg: 'prob', op: 'empirical', arg: `samples[${i}]`, expected: 'a finite number', received: samples[i] });
    }
    const key = x === 0 ? 0 : x; // fold -0 into 0
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const values = [...counts.keys()].sort((u, v) => u - v);
  const probs = Float64Array.from(values, (v) => (counts.get(v) as number) / data.length);
  const base = finiteDistribution('empirical', values, probs, `Empirical(N=${data.length}, ${values.length} distinct values)`);
  return Object.freeze({
    ...base,
    family: 'empirical' as const,
    count: data.length,
    sample(rng: Rng, n: number): number[] {
      checkSampleCount(n, 'empirical.sample');
      const out = new Array<number>(n);
      for (let i = 0; i < n; i++) out[i] = data[rng.integer(data.length)] as number;
      return out;
    },
  });
}
