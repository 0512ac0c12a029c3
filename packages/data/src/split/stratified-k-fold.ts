import { describeType, requireOptions, ValueError } from '@gradlab/core-tensor';
import { classIndices } from '../check-input.ts';
import { toRng } from '../seed.ts';
import { checkFoldCount, foldsFromAssignment } from './check-folds.ts';
import type { Fold } from './check-folds.ts';
import type { KFoldOptions } from './k-fold.ts';

/**
 * Stratified K-fold splits for classification: each fold keeps the class proportions of the whole
 * data set, to within one sample per class, and fold sizes differ by at most one.
 *
 * The allocation is scikit-learn's `StratifiedKFold`: the labels, sorted, are dealt round-robin to
 * the K folds, which fixes how many samples of each class each fold receives; the samples of a
 * class then fill the folds in order (shuffled first when `shuffle` is on). Unshuffled, the folds
 * equal scikit-learn's.
 * @param labels class label of each sample `[N]` (any numbers; equal values are one class)
 * @param k the number of folds K, 2 <= K <= N
 * @param options `shuffle` (default true) and `seed` (default 0)
 * @returns K folds, each `{ train, validation }` with indices sorted ascending
 * @throws ValueError when N < 1, K < 2, K > N, or a label is NaN
 * @example
 * stratifiedKFold([0, 0, 1, 1], 2, { shuffle: false }); // validation folds [0, 2] and [1, 3]
 */
export function stratifiedKFold(labels: ArrayLike<number>, k: number, options: KFoldOptions = {}): Fold[] {
  const list: unknown = labels;
  if (!Array.isArray(list) && !(ArrayBuffer.isView(list) && !(list instanceof DataView))) {
    throw new ValueError('labels must be an array of class labels', { pkg: 'data', op: 'stratifiedKFold', arg: 'labels', expected: 'number[] or a typed array', received: describeType(list) });
  }
  const n = labels.length;
  checkFoldCount(n, k, 'stratifiedKFold');
  options = requireOptions(options, { pkg: 'data', op: 'stratifiedKFold' }, ['shuffle', 'seed']);
  const classes = classIndices(labels, 'stratifiedKFold');
  const assignment = new Int32Array(n);
  const shuffle = options.shuffle !== false;
  const r = shuffle ? toRng(options.seed) : undefined;
  let offset = 0;
  for (const members of classes) {
    // Positions offset..offset+m-1 of the sorted label sequence go to folds p mod K.
    const perFold = new Array<number>(k).fill(0);
    for (let p = offset; p < offset + members.length; p++) perFold[p % k] = (perFold[p % k] as number) + 1;
    offset += members.length;
    const order = r === undefined ? members : r.shuffle(members);
    let pos = 0;
    for (let f = 0; f < k; f++) {
      for (let j = 0; j < (perFold[f] as number); j++) assignment[order[pos++] as number] = f;
    }
  }
  return foldsFromAssignment(assignment, k);
}
