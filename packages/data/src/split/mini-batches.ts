import { checkDataset } from '../check-input.ts';
import { checkElementCount, requireOptions, ValueError } from '@gradlab/core-tensor';
import { subset } from '../dataset.ts';
import type { Dataset } from '../dataset.ts';
import type { Seed } from '../seed.ts';
import { toRng } from '../seed.ts';

/** Options of {@link miniBatchIndices} and {@link miniBatches}. */
export interface MiniBatchOptions {
  /** Samples per batch S (a positive integer). */
  batchSize: number;
  /** Shuffle the samples before batching (default `true`). */
  shuffle?: boolean;
  /** Seed of the shuffle (default 0); pass an `Rng` to get a new order each epoch. */
  seed?: Seed;
  /** Drop the last batch when it has fewer than S samples (default `false`). */
  dropLast?: boolean;
}

/**
 * The index sets S^(1), S^(2), ... of one epoch of mini-batch SGD: a seeded permutation of 0..N-1
 * cut into batches of S (the last one smaller unless `dropLast`).
 * @param n the number of samples N
 * @param options `batchSize`, `shuffle`, `seed`, `dropLast`
 * @returns a generator of index arrays
 * @throws ValueError when N < 1 or the batch size is not a positive integer
 * @example
 * [...miniBatchIndices(5, { batchSize: 2, shuffle: false })]; // [[0, 1], [2, 3], [4]]
 */
export function miniBatchIndices(n: number, options: MiniBatchOptions): Generator<number[], void, undefined> {
  // Checked here, eagerly, not on the first next(): a bad call fails where it is made.
  if (!Number.isInteger(n) || n < 1) {
    throw new ValueError('the data set is empty', { pkg: 'data', op: 'miniBatches', arg: 'n', expected: 'at least one sample', received: n });
  }
  options = requireOptions(options, { pkg: 'data', op: 'miniBatches' }, ['batchSize', 'shuffle', 'seed', 'dropLast']) as MiniBatchOptions;
  const s = options.batchSize;
  if (!Number.isInteger(s) || s < 1) {
    throw new ValueError('batch size must be a positive integer', { pkg: 'data', op: 'miniBatches', arg: 'options.batchSize', expected: 'an integer >= 1', received: s });
  }
  checkElementCount(n, { pkg: 'data', op: 'miniBatches', arg: 'n' });
  const order = new Array<number>(n);
  if (options.shuffle === false) for (let i = 0; i < n; i++) order[i] = i;
  else {
    // Copied by index: Array.from(typedArray) goes through the iterator, an object per element.
    const perm = toRng(options.seed).permutation(n);
    for (let i = 0; i < n; i++) order[i] = perm[i] as number;
  }
  return batchesOf(order, s, options.dropLast === true);
}

function* batchesOf(order: readonly number[], s: number, dropLast: boolean): Generator<number[], void, undefined> {
  const n = order.length;
  for (let start = 0; start < n; start += s) {
    const end = Math.min(start + s, n);
    if (end - start < s && dropLast) return;
    yield order.slice(start, end);
  }
}

/**
 * One epoch of seeded, shuffled mini-batches of a data set.
 * @param data the data set `[N, D]`
 * @param options `batchSize`, `shuffle`, `seed`, `dropLast`
 * @returns a generator of batch data sets `[S, D]`, each with the `indices` it was taken from
 * @throws ValueError when the batch size is not a positive integer
 * @example
 * for (const batch of miniBatches(data, { batchSize: 32, seed: epoch, dropLast: true })) step(batch.x, batch.t);
 */
export function miniBatches(data: Dataset, options: MiniBatchOptions): Generator<Dataset & { readonly indices: number[] }, void, undefined> {
  checkDataset(data, 'miniBatches');
  const batches = miniBatchIndices(data.t.length, options);
  return (function* () {
    for (const indices of batches) yield { ...subset(data, indices), indices };
  })();
}
