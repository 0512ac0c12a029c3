import { checkDataset } from '../check-input.ts';
import { requireOptions } from '@gradlab/core-tensor';
import { subset } from '../dataset.ts';
import type { Dataset } from '../dataset.ts';
import type { Seed } from '../seed.ts';
import { holdoutSplit } from './holdout-split.ts';
import type { SplitFractions } from './holdout-split.ts';

/** Options of {@link trainTestSplit}. */
export interface TrainTestSplitOptions extends SplitFractions {
  /** Shuffle before splitting (default `true`). */
  shuffle?: boolean;
  /** Seed of the shuffle (default 0). */
  seed?: Seed;
  /** Keep the class proportions of `data.t` in every part (default `false`). */
  stratify?: boolean;
}

/** The three parts of a split data set; a part with fraction 0 has no samples. */
export interface SplitDatasets {
  readonly train: Dataset;
  readonly validation: Dataset;
  readonly test: Dataset;
}

/**
 * Splits a data set into training, validation and test sets: {@link holdoutSplit} on its samples.
 * @param data the data set `[N, D]`
 * @param options fractions `train`, `validation`, `test` summing to 1; `shuffle`, `seed`, `stratify`
 * @returns `{ train, validation, test }` data sets
 * @throws ValueError when the fractions do not sum to 1 or one is outside [0, 1]
 * @example
 * const { train, test } = trainTestSplit(loadIris(), { train: 0.8, test: 0.2, stratify: true, seed: 0 });
 * train.t.length; // 120
 */
export function trainTestSplit(data: Dataset, options: TrainTestSplitOptions): SplitDatasets {
  checkDataset(data, 'trainTestSplit');
  options = requireOptions(options, { pkg: 'data', op: 'trainTestSplit' }, ['train', 'validation', 'test', 'shuffle', 'seed', 'stratify']) as TrainTestSplitOptions;
  const idx = holdoutSplit(data.t.length, {
    train: options.train,
    ...(options.validation !== undefined ? { validation: options.validation } : {}),
    ...(options.test !== undefined ? { test: options.test } : {}),
    ...(options.shuffle !== undefined ? { shuffle: options.shuffle } : {}),
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
    ...(options.stratify === true ? { stratify: data.t } : {}),
  });
  return { train: subset(data, idx.train), validation: subset(data, idx.validation), test: subset(data, idx.test) };
}
