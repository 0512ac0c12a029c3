import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  accuracy,
  confusionMatrix,
  crossValidate,
  dataset,
  f1Score,
  kFold,
  logLoss,
  meanAbsoluteError,
  meanSquaredError,
  precision,
  r2Score,
  recall,
  rocAuc,
  stratifiedKFold,
  zeroOneError,
} from '../src/index.ts';
import type { Average } from '../src/index.ts';
import { leastSquares } from './least-squares-estimator.ts';

// Made by test/fixtures/make_sklearn_fixtures.py with Debian's python3-sklearn.
interface Fixtures {
  regression: { t: number[]; y: number[]; mse: number; mae: number; r2: number };
  binary: Record<string, number> & { t: number[]; y: number[]; p: number[]; confusion: number[][] };
  multiclass: Record<string, number> & { t: number[]; y: number[]; q: number[][]; confusion: number[][] };
  roc_ties: { t: number[]; score: number[]; roc_auc: number };
  kfold_linear: { x: number[][]; t: number[]; k: number; validation_folds: number[][]; validation_mse: number[]; train_mse: number[]; mean_validation_mse: number };
  stratified: { labels: number[]; k: number; validation_folds: number[][] };
}
const fx = JSON.parse(readFileSync(new URL('./fixtures/sklearn.json', import.meta.url), 'utf8')) as Fixtures;

describe('metrics match scikit-learn', () => {
  it('regression: MSE, MAE, R²', () => {
    const { t, y } = fx.regression;
    expect(meanSquaredError(t, y)).toBeCloseTo(fx.regression.mse, 12);
    expect(meanAbsoluteError(t, y)).toBeCloseTo(fx.regression.mae, 12);
    expect(r2Score(t, y)).toBeCloseTo(fx.regression.r2, 12);
  });

  for (const name of ['binary', 'multiclass'] as const) {
    it(`${name}: accuracy, precision / recall / F1 (every average), confusion matrix, log-loss`, () => {
      const f = fx[name];
      expect(accuracy(f.t, f.y)).toBeCloseTo(f['accuracy'] as number, 12);
      const averages: Average[] = name === 'binary' ? ['binary', 'macro', 'micro', 'weighted'] : ['macro', 'micro', 'weighted'];
      for (const average of averages) {
        expect(precision(f.t, f.y, { average })).toBeCloseTo(f[`precision_${average}`] as number, 12);
        expect(recall(f.t, f.y, { average })).toBeCloseTo(f[`recall_${average}`] as number, 12);
        expect(f1Score(f.t, f.y, { average })).toBeCloseTo(f[`f1_${average}`] as number, 12);
      }
      expect(confusionMatrix(f.t, f.y).counts).toEqual(f.confusion);
      expect(logLoss(f.t, name === 'binary' ? fx.binary.p : fx.multiclass.q)).toBeCloseTo(f['log_loss'] as number, 12);
    });
  }

  it('binary: 0-1 error and ROC AUC, with and without ties', () => {
    expect(zeroOneError(fx.binary.t, fx.binary.y)).toBeCloseTo(fx.binary['zero_one'] as number, 12);
    expect(rocAuc(fx.binary.t, fx.binary.p)).toBeCloseTo(fx.binary['roc_auc'] as number, 12);
    expect(rocAuc(fx.roc_ties.t, fx.roc_ties.score)).toBeCloseTo(fx.roc_ties.roc_auc, 12);
  });
});

describe('K-fold matches scikit-learn', () => {
  it('unshuffled KFold gives the same folds', () => {
    const { x, k, validation_folds } = fx.kfold_linear;
    expect(kFold(x.length, k, { shuffle: false }).map((f) => f.validation)).toEqual(validation_folds);
  });

  it('unshuffled StratifiedKFold gives the same folds', () => {
    const { labels, k, validation_folds } = fx.stratified;
    expect(stratifiedKFold(labels, k, { shuffle: false }).map((f) => f.validation)).toEqual(validation_folds);
  });

  it('crossValidate of least squares gives LinearRegression\'s per-fold scores', () => {
    const { x, t, k } = fx.kfold_linear;
    const cv = crossValidate(() => leastSquares(), dataset(x, t), { k, shuffle: false, loss: 'mse' });
    cv.validationLosses.forEach((v, i) => expect(v).toBeCloseTo(fx.kfold_linear.validation_mse[i] as number, 10));
    cv.trainLosses.forEach((v, i) => expect(v).toBeCloseTo(fx.kfold_linear.train_mse[i] as number, 10));
    expect(cv.meanValidationLoss).toBeCloseTo(fx.kfold_linear.mean_validation_mse, 10);
  });
});
