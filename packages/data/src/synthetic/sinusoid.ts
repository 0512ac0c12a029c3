import { requireOptions } from '@gradlab/core-tensor';
import { dataset } from '../dataset.ts';
import type { Dataset } from '../dataset.ts';
import type { Seed } from '../seed.ts';
import { toRng } from '../seed.ts';
import { checkCount, checkNonNegative } from './check-count.ts';

/** Options of {@link sinusoid}. */
export interface SinusoidOptions {
  /** Number of samples N (default 10, as in the notes). */
  n?: number;
  /** Standard deviation σ of the Gaussian noise (default 0.3). */
  noiseStd?: number;
  /** Seed (default 0). */
  seed?: Seed;
}

/**
 * The notes' regression example: x ~ U[0, 1], t = sin(2πx) + ε with ε ~ N(0, σ²). The optimal
 * unconstrained predictor is sin(2πx) and its population quadratic loss is σ².
 * @param options `n` (default 10), `noiseStd` σ (default 0.3), `seed`
 * @returns a data set `x [N, 1]`, `t [N]`
 * @throws ValueError when N is not a positive integer or σ is negative
 * @example
 * const d = sinusoid({ n: 10, seed: 0 }); // fit M = 1, 3, 9 polynomials to see under- and over-fitting
 */
export function sinusoid(options: SinusoidOptions = {}): Dataset {
  options = requireOptions(options, { pkg: 'data', op: 'sinusoid' }, ['n', 'noiseStd', 'seed']);
  const n = checkCount(options.n ?? 10, 'sinusoid');
  const std = checkNonNegative(options.noiseStd ?? 0.3, 'sinusoid', 'options.noiseStd');
  const r = toRng(options.seed);
  const x = new Float64Array(n);
  const t = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const xi = r.uniform();
    x[i] = xi;
    t[i] = Math.sin(2 * Math.PI * xi) + r.normal(0, std);
  }
  return dataset({ data: x, shape: [n, 1] }, t, { featureNames: ['x'], name: 'sinusoid' });
}
