import { requireOptions } from '@gradlab/core-tensor';
import type { Seed } from '../seed.ts';
import { toRng } from '../seed.ts';
import { checkFoldCount, foldsFromAssignment } from './check-folds.ts';
import type { Fold } from './check-folds.ts';

/** Options of {@link kFold}. */
export interface KFoldOptions {
  /** Shuffle the samples before cutting the folds (default `true`). */
  shuffle?: boolean;
  /** Seed of the shuffle (default 0): the same seed gives the same folds. */
  seed?: Seed;
}

/**
 * K-fold cross-validation splits: the samples are cut into K folds of sizes differing by at most
 * one (the first N mod K folds have one more, as in scikit-learn's `KFold`), and fold k validates
 * on its own samples and trains on the other K-1 folds. Every sample is in exactly one validation fold.
 * @param n the number of samples N
 * @param k the number of folds K, 2 <= K <= N
 * @param options `shuffle` (default true) and `seed` (default 0)
 * @returns K folds, each `{ train, validation }` with indices sorted ascending
 * @throws ValueError when N < 1, K < 2, K > N or K is not an integer
 * @example
 * kFold(4, 2, { shuffle: false }); // [{ train: [2, 3], validation: [0, 1] }, { train: [0, 1], validation: [2, 3] }]
 */
export function kFold(n: number, k: number, options: KFoldOptions = {}): Fold[] {
  checkFoldCount(n, k, 'kFold');
  options = requireOptions(options, { pkg: 'data', op: 'kFold' }, ['shuffle', 'seed']);
  const order = options.shuffle === false ? Array.from({ length: n }, (_, i) => i) : Array.from(toRng(options.seed).permutation(n));
  const assignment = new Int32Array(n);
  const base = Math.floor(n / k);
  const extra = n % k;
  let pos = 0;
  for (let f = 0; f < k; f++) {
    const size = base + (f < extra ? 1 : 0);
    for (let j = 0; j < size; j++) assignment[order[pos++] as number] = f;
  }
  return foldsFromAssignment(assignment, k);
}
