import { ShapeError, ValueError } from '@gradlab/core-tensor';
import type { Dataset } from '../dataset.ts';
import { subset } from '../dataset.ts';
import { toMatrix } from '../matrix.ts';
import type { Matrix } from '../matrix.ts';
import { kFold } from '../split/k-fold.ts';
import { stratifiedKFold } from '../split/stratified-k-fold.ts';
import type { Fold } from '../split/check-folds.ts';
import type { Seed } from '../seed.ts';
import type { Estimator } from './estimator.ts';
import type { Metric } from './metric.ts';

/** The fold options shared by {@link crossValidate}, {@link validationCurve} and {@link learningCurve}. */
export interface FoldOptions {
  /** Number of folds K (default 5); ignored when `folds` is given. */
  k?: number;
  /** Shuffle before cutting the folds (default `true`). */
  shuffle?: boolean;
  /** Seed of the shuffle (default 0): the same seed gives the same folds and the same losses. */
  seed?: Seed;
  /** Use stratified K-fold on the class targets (default `false`). */
  stratify?: boolean;
  /** Explicit folds (e.g. `leaveOneOut(n)`); overrides `k`, `shuffle`, `stratify`. */
  folds?: readonly Fold[];
}

/** The folds described by the options, for N = data.t.length. */
export function resolveFolds(data: Dataset, options: FoldOptions, op: string): Fold[] {
  if (data.t.length === 0) {
    throw new ValueError('the data set is empty', { pkg: 'data', op, arg: 'data', expected: 'at least one sample', received: '0 samples' });
  }
  if (options.folds !== undefined) return [...options.folds];
  const k = options.k ?? 5;
  const opts = { ...(options.shuffle !== undefined ? { shuffle: options.shuffle } : {}), ...(options.seed !== undefined ? { seed: options.seed } : {}) };
  return options.stratify === true ? stratifiedKFold(data.t, k, opts) : kFold(data.t.length, k, opts);
}

/** What a metric reads from a fitted estimator on `x`: predictions `[M, 1]` or probabilities `[M, C]`. */
export function estimatorOutput(est: Estimator, x: Matrix, metric: Metric, op: string): Matrix {
  const m = x.shape[0];
  if (metric.input === 'probability') {
    if (est.predictProba === undefined) {
      throw new ValueError(`metric ${metric.name} needs class probabilities`, { pkg: 'data', op, arg: 'options.loss', expected: 'an estimator with predictProba', received: 'an estimator without predictProba', hint: 'use a prediction metric such as zeroOne or accuracy' });
    }
    const q = toMatrix(est.predictProba(x), { op, arg: 'predictProba(x)' });
    if (q.shape[0] !== m) {
      throw new ShapeError('predictProba must give one row per input', { pkg: 'data', op, arg: 'predictProba(x)', expected: `${m} rows`, received: `${q.shape[0]} rows` });
    }
    return q;
  }
  const y = Float64Array.from(est.predict(x));
  if (y.length !== m) {
    throw new ShapeError('predict must give one prediction per input', { pkg: 'data', op, arg: 'predict(x)', expected: `${m} predictions`, received: `${y.length} predictions` });
  }
  return { data: y, shape: [m, 1] };
}

/** Fits a fresh estimator on `trainIdx` and returns its training and validation metric. */
export function evaluateFold(est: Estimator, data: Dataset, trainIdx: readonly number[], validIdx: readonly number[], metric: Metric, op: string): { train: number; validation: number } {
  const train = subset(data, trainIdx);
  const valid = subset(data, validIdx);
  est.fit(train.x, train.t);
  return {
    train: metric.evaluate(train.t, estimatorOutput(est, train.x, metric, op)),
    validation: metric.evaluate(valid.t, estimatorOutput(est, valid.x, metric, op)),
  };
}

/** Mean and population standard deviation (ddof 0, as numpy's `std`) of per-fold values. */
export function meanStd(values: readonly number[]): { mean: number; std: number } {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length;
  return { mean, std: Math.sqrt(variance) };
}
