import { checkDataset } from '../check-input.ts';
import { requireFunction, requireOptions } from '@gradlab/core-tensor';
import type { Dataset } from '../dataset.ts';
import type { Fold } from '../split/check-folds.ts';
import type { EstimatorFactory } from './estimator.ts';
import type { FoldOptions } from './evaluate-fold.ts';
import { evaluateFold, meanStd, resolveFolds } from './evaluate-fold.ts';
import { resolveMetric } from './metric.ts';
import type { Metric } from './metric.ts';

/** Options of {@link crossValidate}. */
export interface CrossValidateOptions extends FoldOptions {
  /** The validation loss or score: a `Metric` or a name in {@link builtinMetrics} (default `mse`). */
  loss?: Metric | string;
}

/** The result of {@link crossValidate}. */
export interface CrossValidation {
  /** The metric used. */
  readonly loss: Metric;
  /** The folds, in order. */
  readonly folds: Fold[];
  /** Validation loss of fold k, of the model trained on the other folds. */
  readonly validationLosses: number[];
  /** Training loss of fold k's model on its own training folds. */
  readonly trainLosses: number[];
  /** The K-fold cross-validation estimate: the average of the K validation losses. */
  readonly meanValidationLoss: number;
  /** Standard deviation of the validation losses over folds. */
  readonly stdValidationLoss: number;
  /** Average training loss over folds. */
  readonly meanTrainLoss: number;
  /** Standard deviation of the training losses over folds. */
  readonly stdTrainLoss: number;
}

/**
 * K-fold cross-validation: for each fold, fit a fresh estimator on the other K-1 folds and
 * measure its loss on the held-out fold; the estimate of the population loss is the average of
 * the K validation losses. The folds depend only on the seed, so every model compared with the
 * same seed sees the same folds.
 * @param factory makes a fresh, unfitted estimator (called once per fold)
 * @param data the data set `[N, D]`
 * @param options `k` (default 5), `loss` (default `mse`), `seed`, `shuffle`, `stratify`, or explicit `folds`
 * @returns per-fold and mean validation and training losses
 * @throws ValueError when the data set is empty, K < 2 or K > N, or the metric is unknown
 * @example
 * const cv = crossValidate(() => polynomialRegression({ degree: 3 }), sinusoid({ n: 10 }), { k: 5, seed: 0 });
 * cv.meanValidationLoss;
 */
export function crossValidate(factory: EstimatorFactory, data: Dataset, options: CrossValidateOptions = {}): CrossValidation {
  requireFunction(factory, { pkg: 'data', op: 'crossValidate', arg: 'factory' });
  checkDataset(data, 'crossValidate');
  options = requireOptions(options, { pkg: 'data', op: 'crossValidate' }, ['k', 'shuffle', 'seed', 'stratify', 'folds', 'loss']);
  const loss = resolveMetric(options.loss ?? 'mse');
  const folds = resolveFolds(data, options, 'crossValidate');
  const validationLosses: number[] = [];
  const trainLosses: number[] = [];
  for (const fold of folds) {
    const r = evaluateFold(factory(), data, fold.train, fold.validation, loss, 'crossValidate');
    validationLosses.push(r.validation);
    trainLosses.push(r.train);
  }
  const v = meanStd(validationLosses);
  const tr = meanStd(trainLosses);
  return { loss, folds, validationLosses, trainLosses, meanValidationLoss: v.mean, stdValidationLoss: v.std, meanTrainLoss: tr.mean, stdTrainLoss: tr.std };
}
