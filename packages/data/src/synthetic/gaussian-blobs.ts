import { requireOptions, ValueError } from '@gradlab/core-tensor';
import { dataset } from '../dataset.ts';
import type { Dataset } from '../dataset.ts';
import type { Seed } from '../seed.ts';
import { toRng } from '../seed.ts';
import { checkCount, checkNonNegative } from './check-count.ts';

/** Options of {@link gaussianBlobs}. */
export interface GaussianBlobsOptions {
  /** Total number of samples N, shared as evenly as possible among the blobs (default 100). */
  n?: number;
  /** Blob centres, one per class, all of the same dimension (default `[[-2, 0], [2, 0]]`). */
  centers?: readonly (readonly number[])[];
  /** Standard deviation of every coordinate around its centre (default 1). */
  std?: number;
  /** Seed (default 0). */
  seed?: Seed;
}

/**
 * Isotropic Gaussian blobs: class k is N(centers[k], std² I). Sample n belongs to class n mod C, so
 * class sizes differ by at most one.
 * @param options `n`, `centers`, `std`, `seed`
 * @returns a data set `x [N, D]`, `t [N]` of class indices
 * @throws ValueError when there is no centre, centres differ in dimension, or N / std are invalid
 * @example
 * gaussianBlobs({ n: 90, centers: [[0, 0], [3, 3], [0, 3]], std: 0.5, seed: 1 }).classNames; // ['0', '1', '2']
 */
export function gaussianBlobs(options: GaussianBlobsOptions = {}): Dataset {
  options = requireOptions(options, { pkg: 'data', op: 'gaussianBlobs' }, ['n', 'centers', 'std', 'seed']);
  const op = 'gaussianBlobs';
  const n = checkCount(options.n ?? 100, op);
  const std = checkNonNegative(options.std ?? 1, op, 'options.std');
  const centers = options.centers ?? [[-2, 0], [2, 0]];
  const d = centers[0]?.length ?? 0;
  if (centers.length === 0 || d === 0 || centers.some((c) => c.length !== d)) {
    throw new ValueError('centres must be non-empty points of one dimension', { pkg: 'data', op, arg: 'options.centers', expected: 'at least one centre, all of the same length', received: centers.map((c) => c.length) });
  }
  const r = toRng(options.seed);
  const x = new Float64Array(n * d);
  const t = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const k = i % centers.length;
    const c = centers[k] ?? [];
    for (let j = 0; j < d; j++) x[i * d + j] = r.normal(c[j], std);
    t[i] = k;
  }
  return dataset({ data: x, shape: [n, d] }, t, { classNames: centers.map((_, k) => String(k)), name: 'blobs' });
}
