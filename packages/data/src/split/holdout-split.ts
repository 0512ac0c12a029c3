import { checkElementCount, requireOptions, ValueError } from '@gradlab/core-tensor';
import { checkSameLength, classIndices } from '../check-input.ts';
import type { Seed } from '../seed.ts';
import { toRng } from '../seed.ts';

/** The fractions of a hold-out split; they must sum to 1. */
export interface SplitFractions {
  /** Fraction used to fit. */
  train: number;
  /** Fraction used to choose hyper-parameters (default 0). */
  validation?: number;
  /** Fraction held out for the final estimate of the population loss (default 0). */
  test?: number;
}

/** Options of {@link holdoutSplit}. */
export interface HoldoutSplitOptions extends SplitFractions {
  /** Shuffle before splitting (default `true`); unshuffled, train comes first, then validation, then test. */
  shuffle?: boolean;
  /** Seed of the shuffle (default 0). */
  seed?: Seed;
  /** Class labels `[N]`: split each class in the given fractions, so every part keeps the class proportions. */
  stratify?: ArrayLike<number>;
}

/** Sample indices of the three parts of a hold-out split (each sorted ascending). */
export interface HoldoutIndices {
  readonly train: number[];
  readonly validation: number[];
  readonly test: number[];
}

/** Part sizes of m samples in the given fractions, summing to m (largest remainders). */
function partSizes(m: number, fractions: readonly number[]): number[] {
  const raw = fractions.map((f) => f * m);
  const sizes = raw.map((r) => Math.floor(r + 1e-9));
  let left = m - sizes.reduce((a, b) => a + b, 0);
  const byRemainder = raw.map((r, i) => ({ i, rem: r - (sizes[i] as number) })).sort((a, b) => b.rem - a.rem || a.i - b.i);
  for (const { i } of byRemainder) {
    if (left <= 0) break;
    if ((fractions[i] as number) > 0) {
      sizes[i] = (sizes[i] as number) + 1;
      left--;
    }
  }
  return sizes;
}

/**
 * A seeded train / validation / test split of the indices 0..N-1, optionally stratified by class.
 * Part sizes are the fractions times N, rounded so that they sum to N (largest remainders); when
 * stratified, each class is split so, and a part's total may then differ from its fraction of N
 * by up to the number of classes.
 * @param n the number of samples N
 * @param options the fractions `train`, `validation`, `test` (summing to 1), `shuffle`, `seed`, `stratify`
 * @returns `{ train, validation, test }` index arrays
 * @throws ValueError when N < 1, a fraction is outside [0, 1], or the fractions do not sum to 1
 * @throws ShapeError when `stratify` does not have N labels
 * @example
 * holdoutSplit(10, { train: 0.6, validation: 0.2, test: 0.2, seed: 1 }).test.length; // 2
 */
export function holdoutSplit(n: number, options: HoldoutSplitOptions): HoldoutIndices {
  if (!Number.isInteger(n) || n < 1) {
    throw new ValueError('the data set is empty', { pkg: 'data', op: 'holdoutSplit', arg: 'n', expected: 'at least one sample', received: n });
  }
  checkElementCount(n, { pkg: 'data', op: 'holdoutSplit', arg: 'n' });
  options = requireOptions(options, { pkg: 'data', op: 'holdoutSplit' }, ['train', 'validation', 'test', 'shuffle', 'seed', 'stratify']) as HoldoutSplitOptions;
  const fractions = [options.train, options.validation ?? 0, options.test ?? 0];
  const names = ['train', 'validation', 'test'];
  fractions.forEach((f, i) => {
    if (typeof f !== 'number' || !(f >= 0 && f <= 1)) {
      throw new ValueError('split fractions must lie in [0, 1]', { pkg: 'data', op: 'holdoutSplit', arg: `options.${names[i] ?? ''}`, expected: 'a number in [0, 1]', received: f });
    }
  });
  const total = fractions.reduce((a, b) => a + b, 0);
  if (Math.abs(total - 1) > 1e-9) {
    throw new ValueError('split fractions must sum to 1', { pkg: 'data', op: 'holdoutSplit', arg: 'options', expected: 'train + validation + test = 1', received: `${fractions.join(' + ')} = ${total}`, hint: 'give the fractions of all parts, e.g. { train: 0.6, validation: 0.2, test: 0.2 }' });
  }
  let groups: number[][];
  if (options.stratify !== undefined) {
    checkSameLength({ length: n }, options.stratify, { op: 'holdoutSplit', a: 'n', b: 'options.stratify' });
    groups = classIndices(options.stratify, 'holdoutSplit');
  } else {
    groups = [Array.from({ length: n }, (_, i) => i)];
  }
  const shuffle = options.shuffle !== false;
  const r = shuffle ? toRng(options.seed) : undefined;
  const parts: number[][] = [[], [], []];
  for (const members of groups) {
    const order = r === undefined ? members : r.shuffle(members);
    const sizes = partSizes(order.length, fractions);
    let pos = 0;
    sizes.forEach((size, p) => {
      for (let j = 0; j < size; j++) (parts[p] as number[]).push(order[pos++] as number);
    });
  }
  const sorted = parts.map((p) => p.sort((a, b) => a - b));
  return { train: sorted[0] as number[], validation: sorted[1] as number[], test: sorted[2] as number[] };
}
