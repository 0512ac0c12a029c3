import { checkElementCount, ValueError } from '@gradlab/core-tensor';

/** One train/validation split of the sample indices 0..N-1 (both sorted ascending). */
export interface Fold {
  /** Indices used to fit. */
  readonly train: number[];
  /** Indices held out to measure the validation loss. */
  readonly validation: number[];
}

/** Checks N >= 1 and 2 <= K <= N, with K an integer; the errors every K-fold function shares. */
export function checkFoldCount(n: number, k: number, op: string): void {
  if (!Number.isInteger(n) || n < 1) {
    throw new ValueError('the data set is empty', { pkg: 'data', op, arg: 'n', expected: 'at least one sample', received: n });
  }
  if (!Number.isInteger(k) || k < 2) {
    throw new ValueError('K must be an integer of at least 2', { pkg: 'data', op, arg: 'k', expected: 'an integer >= 2', received: k, hint: 'K = 1 leaves nothing to validate on; use K = N for leave-one-out' });
  }
  // K folds each list all N indices: refuse sizes past the allocation cap instead of hanging.
  checkElementCount(n * k, { pkg: 'data', op, arg: 'n' });
  if (k > n) {
    throw new ValueError('K cannot exceed the number of samples', { pkg: 'data', op, arg: 'k', expected: `K <= N = ${n}`, received: k, hint: `use k = ${n} (leave-one-out) or fewer folds` });
  }
}

/** The folds given by a fold number per sample: fold f validates on the samples marked f. */
export function foldsFromAssignment(assignment: ArrayLike<number>, k: number): Fold[] {
  const folds: Fold[] = [];
  for (let f = 0; f < k; f++) {
    const train: number[] = [];
    const validation: number[] = [];
    for (let i = 0; i < assignment.length; i++) (assignment[i] === f ? validation : train).push(i);
    folds.push({ train, validation });
  }
  return folds;
}
