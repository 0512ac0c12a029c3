import { checkDataset } from '../check-input.ts';
import { requireFunction, requireOptions, ValueError } from '@gradlab/core-tensor';
import type { Dataset } from '../dataset.ts';
import { toRng } from '../seed.ts';
import type { CrossValidateOptions } from './cross-validate.ts';
import type { CurvePoint } from './curve-point.ts';
import type { EstimatorFactory } from './estimator.ts';
import { evaluateFold, meanStd, resolveFolds } from './evaluate-fold.ts';
import { resolveMetric } from './metric.ts';

/** Options of {@link learningCurve}. */
export interface LearningCurveOptions extends CrossValidateOptions {
  /** Training-set sizes: counts (integers >= 1) or fractions in (0, 1] of the smallest training fold. */
  sizes: readonly number[];
}

/**
 * Training and validation loss as a function of the training-set size N: in each fold, the model
 * is fitted on the first N samples of a seeded shuffle of the training folds (nested subsets) and
 * validated on the held-out fold. With more data the estimation error shrinks, so the two curves
 * meet at the bias of the model class.
 * @param factory makes a fresh, unfitted estimator
 * @param data the data set
 * @param options `sizes`, and the options of {@link crossValidate}
 * @returns one {@link CurvePoint} per size, `value` being the count N
 * @throws ValueError when `sizes` is empty, a size is not positive, or exceeds the smallest training fold
 * @example
 * learningCurve(() => polynomialRegression({ degree: 3 }), sinusoid({ n: 100 }), { sizes: [10, 20, 40, 80], k: 5 });
 */
export function learningCurve(factory: EstimatorFactory, data: Dataset, options: LearningCurveOptions): CurvePoint<number>[] {
  requireFunction(factory, { pkg: 'data', op: 'learningCurve', arg: 'factory' });
  checkDataset(data, 'learningCurve');
  options = requireOptions(options, { pkg: 'data', op: 'learningCurve' }, ['k', 'shuffle', 'seed', 'stratify', 'folds', 'loss', 'sizes']) as LearningCurveOptions;
  const givensizes: unknown = options.sizes;
  if (!Array.isArray(givensizes)) throw new ValueError('sizes must be a list of training-set sizes', { pkg: 'data', op: 'learningCurve', arg: 'options.sizes', expected: 'number[]', received: typeof givensizes });
  const op = 'learningCurve';
  if (options.sizes.length === 0) {
    throw new ValueError('no training-set sizes', { pkg: 'data', op, arg: 'options.sizes', expected: 'at least one size', received: '[]' });
  }
  const loss = resolveMetric(options.loss ?? 'mse');
  const folds = resolveFolds(data, options, op);
  const maxTrain = Math.min(...folds.map((f) => f.train.length));
  // All sizes in (0, 1] with one non-integer among them: fractions; otherwise counts.
  const fractions = options.sizes.every((s) => s > 0 && s <= 1) && options.sizes.some((s) => !Number.isInteger(s));
  const counts = options.sizes.map((s, i) => {
    const c = fractions ? Math.max(1, Math.floor(s * maxTrain)) : s;
    if (!Number.isInteger(c) || c < 1 || c > maxTrain) {
      throw new ValueError('training-set size out of range', { pkg: 'data', op, arg: `options.sizes[${i}]`, expected: `an integer in [1, ${maxTrain}] or a fraction in (0, 1]`, received: s, hint: `the smallest training fold has ${maxTrain} samples` });
    }
    return c;
  });
  const shuffle = options.shuffle !== false;
  const r = toRng(options.seed).fork(1);
  const orders = folds.map((f) => (shuffle ? r.shuffle(f.train) : f.train));
  return counts.map((count) => {
    const trainLosses: number[] = [];
    const validationLosses: number[] = [];
    folds.forEach((fold, i) => {
      const res = evaluateFold(factory(), data, (orders[i] as number[]).slice(0, count), fold.validation, loss, op);
      trainLosses.push(res.train);
      validationLosses.push(res.validation);
    });
    const tr = meanStd(trainLosses);
    const v = meanStd(validationLosses);
    return { value: count, trainLosses, validationLosses, trainMean: tr.mean, trainStd: tr.std, validationMean: v.mean, validationStd: v.std };
  });
}
