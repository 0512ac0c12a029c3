import { checkDataset } from '../check-input.ts';
import { requireFunction, requireOptions, ValueError } from '@gradlab/core-tensor';
import type { Dataset } from '../dataset.ts';
import type { CrossValidateOptions } from './cross-validate.ts';
import type { CurvePoint } from './curve-point.ts';
import type { Estimator } from './estimator.ts';
import { evaluateFold, meanStd, resolveFolds } from './evaluate-fold.ts';
import { resolveMetric } from './metric.ts';

/** Options of {@link validationCurve}. */
export interface ValidationCurveOptions<V> extends CrossValidateOptions {
  /** The hyper-parameter values to try, e.g. model orders M = 0..9 or regularisation strengths λ. */
  values: readonly V[];
}

/**
 * Training and validation loss as a function of one hyper-parameter (model order M, λ, ...):
 * K-fold cross-validation at each value, with the same folds for every value. The training loss
 * keeps falling as the model grows; the validation loss falls, then rises once it over-fits.
 * @param factory makes a fresh estimator for a hyper-parameter value
 * @param data the data set `[N, D]`
 * @param options `values`, and the options of {@link crossValidate}
 * @returns one {@link CurvePoint} per value, in order
 * @throws ValueError when `values` is empty, or for the reasons {@link crossValidate} gives
 * @example
 * const curve = validationCurve((m) => polynomialRegression({ degree: m }), sinusoid({ n: 10 }),
 *   { values: [1, 3, 9], k: 5, seed: 0 });
 */
export function validationCurve<V>(factory: (value: V) => Estimator, data: Dataset, options: ValidationCurveOptions<V>): CurvePoint<V>[] {
  requireFunction(factory, { pkg: 'data', op: 'validationCurve', arg: 'factory' });
  checkDataset(data, 'validationCurve');
  options = requireOptions(options, { pkg: 'data', op: 'validationCurve' }, ['k', 'shuffle', 'seed', 'stratify', 'folds', 'loss', 'values']) as ValidationCurveOptions<V>;
  const givenvalues: unknown = options.values;
  if (!Array.isArray(givenvalues)) throw new ValueError('values must be a list of hyper-parameter values', { pkg: 'data', op: 'validationCurve', arg: 'options.values', expected: 'an array', received: typeof givenvalues });
  if (options.values.length === 0) {
    throw new ValueError('no hyper-parameter values to try', { pkg: 'data', op: 'validationCurve', arg: 'options.values', expected: 'at least one value', received: '[]' });
  }
  const loss = resolveMetric(options.loss ?? 'mse');
  const folds = resolveFolds(data, options, 'validationCurve');
  return options.values.map((value) => {
    const trainLosses: number[] = [];
    const validationLosses: number[] = [];
    for (const fold of folds) {
      const r = evaluateFold(factory(value), data, fold.train, fold.validation, loss, 'validationCurve');
      trainLosses.push(r.train);
      validationLosses.push(r.validation);
    }
    const tr = meanStd(trainLosses);
    const v = meanStd(validationLosses);
    return { value, trainLosses, validationLosses, trainMean: tr.mean, trainStd: tr.std, validationMean: v.mean, validationStd: v.std };
  });
}
