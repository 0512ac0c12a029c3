import { requireOptions } from '@gradlab/core-tensor';
import { dataset } from '../dataset.ts';
import type { Dataset } from '../dataset.ts';
import type { Seed } from '../seed.ts';
import { toRng } from '../seed.ts';
import { checkCount, checkNonNegative } from './check-count.ts';

/** Options of {@link twoMoons}. */
export interface TwoMoonsOptions {
  /** Number of samples N, half per moon (default 100). */
  n?: number;
  /** Standard deviation of the Gaussian noise added to each coordinate (default 0.1). */
  noise?: number;
  /** Seed (default 0). */
  seed?: Seed;
}

/**
 * Two interleaving half circles, a data set no linear classifier separates: class 0 on the upper
 * unit half circle, class 1 on a lower one shifted by (1, 0.5), plus Gaussian noise.
 * @param options `n`, `noise`, `seed`
 * @returns a data set `x [N, 2]`, `t [N]` with classes 0 and 1
 * @throws ValueError when N is not a positive integer or the noise is negative
 * @example
 * twoMoons({ n: 200, noise: 0.1, seed: 0 }).x.shape; // [200, 2]
 */
export function twoMoons(options: TwoMoonsOptions = {}): Dataset {
  options = requireOptions(options, { pkg: 'data', op: 'twoMoons' }, ['n', 'noise', 'seed']);
  const n = checkCount(options.n ?? 100, 'twoMoons');
  const noise = checkNonNegative(options.noise ?? 0.1, 'twoMoons', 'options.noise');
  const r = toRng(options.seed);
  const x = new Float64Array(2 * n);
  const t = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const cls = i % 2;
    const angle = Math.PI * r.uniform();
    const [a, b] = cls === 0 ? [Math.cos(angle), Math.sin(angle)] : [1 - Math.cos(angle), 0.5 - Math.sin(angle)];
    x[2 * i] = a + r.normal(0, noise);
    x[2 * i + 1] = b + r.normal(0, noise);
    t[i] = cls;
  }
  return dataset({ data: x, shape: [n, 2] }, t, { featureNames: ['x1', 'x2'], classNames: ['0', '1'], name: 'moons' });
}
