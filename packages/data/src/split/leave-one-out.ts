import { requireNumber, ValueError } from '@gradlab/core-tensor';
import { checkFoldCount } from './check-folds.ts';
import type { Fold } from './check-folds.ts';

/**
 * Leave-one-out splits: N folds, fold n validating on sample n alone and training on the other
 * N-1. It is K-fold with K = N, and needs no seed.
 * @param n the number of samples N >= 2
 * @returns N folds, each `{ train, validation: [n] }`
 * @throws ValueError when N < 2
 * @example
 * leaveOneOut(3)[1]; // { train: [0, 2], validation: [1] }
 */
export function leaveOneOut(n: number): Fold[] {
  requireNumber(n, { pkg: 'data', op: 'leaveOneOut', arg: 'n' });
  if (Number.isInteger(n) && n === 1) {
    throw new ValueError('leave-one-out needs at least two samples', { pkg: 'data', op: 'leaveOneOut', arg: 'n', expected: 'N >= 2', received: n, hint: 'with one sample nothing is left to train on' });
  }
  checkFoldCount(n, n, 'leaveOneOut');
  const folds: Fold[] = [];
  for (let i = 0; i < n; i++) {
    const train: number[] = [];
    for (let j = 0; j < n; j++) if (j !== i) train.push(j);
    folds.push({ train, validation: [i] });
  }
  return folds;
}
