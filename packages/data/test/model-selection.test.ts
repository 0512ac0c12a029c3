import { ShapeError, ValueError } from '@gradlab/core-tensor';
import { describe, expect, it } from 'vitest';
import {
  builtinMetrics,
  crossValidate,
  dataset,
  defineMetric,
  gaussianBlobs,
  kFold,
  learningCurve,
  leaveOneOut,
  resolveMetric,
  sinusoid,
  subset,
  validationCurve,
} from '../src/index.ts';
import type { Estimator } from '../src/index.ts';
import { checkEstimator } from '../src/testing/index.ts';
import { leastSquares, nearestCentroid } from './least-squares-estimator.ts';

const mean = (a: number[]): number => a.reduce((s, v) => s + v, 0) / a.length;

describe('crossValidate', () => {
  const data = sinusoid({ n: 30, seed: 1 });

  it('averages the K validation losses of models fitted on the other folds', () => {
    const cv = crossValidate(() => leastSquares({ degree: 3 }), data, { k: 5, seed: 0 });
    expect(cv.validationLosses).toHaveLength(5);
    expect(cv.meanValidationLoss).toBeCloseTo(mean(cv.validationLosses), 14);
    expect(cv.stdValidationLoss).toBeCloseTo(Math.sqrt(mean(cv.validationLosses.map((v) => (v - cv.meanValidationLoss) ** 2))), 14);
    expect(cv.meanTrainLoss).toBeLessThan(cv.meanValidationLoss);
    expect(cv.loss.name).toBe('mse');
    // Fold 2 by hand: fit on its training folds, score its validation fold.
    const fold = kFold(30, 5, { seed: 0 })[2];
    const est = leastSquares({ degree: 3 });
    const train = subset(data, fold?.train ?? []);
    const valid = subset(data, fold?.validation ?? []);
    est.fit(train.x, train.t);
    expect(cv.validationLosses[2]).toBeCloseTo(builtinMetrics.mse.evaluate(valid.t, { data: Float64Array.from(est.predict(valid.x)), shape: [valid.t.length, 1] }), 14);
  });

  it('gives the same losses for the same seed, other losses for another', () => {
    const a = crossValidate(() => leastSquares({ degree: 3 }), data, { k: 5, seed: 4 });
    expect(crossValidate(() => leastSquares({ degree: 3 }), data, { k: 5, seed: 4 })).toEqual(a);
    expect(crossValidate(() => leastSquares({ degree: 3 }), data, { k: 5, seed: 5 }).validationLosses).not.toEqual(a.validationLosses);
  });

  it('accepts explicit folds such as leave-one-out, and other metrics', () => {
    const loo = crossValidate(() => leastSquares({ degree: 1 }), data, { folds: leaveOneOut(30), loss: 'mae' });
    expect(loo.folds).toHaveLength(30);
    expect(loo.loss.name).toBe('mae');
    const maxError = defineMetric({ name: 'max', input: 'prediction', lowerIsBetter: true, evaluate: (t, y) => Math.max(...t.map((v, i) => Math.abs(v - (y.data[i] as number)))) });
    const mx = crossValidate(() => leastSquares({ degree: 1 }), data, { folds: leaveOneOut(30), loss: maxError });
    mx.validationLosses.forEach((v, i) => expect(v).toBeCloseTo(loo.validationLosses[i] as number, 14));
  });

  it('scores classifiers with stratified folds, on predictions or probabilities', () => {
    const blobs = gaussianBlobs({ n: 60, centers: [[0, 0], [4, 0], [0, 4]], std: 0.7, seed: 2 });
    const acc = crossValidate(nearestCentroid, blobs, { k: 3, stratify: true, loss: 'accuracy', seed: 1 });
    expect(acc.meanValidationLoss).toBeGreaterThan(0.9);
    // 20 samples per class over 3 folds: 6 or 7 of each class in every fold.
    for (const f of acc.folds) for (const c of [0, 1, 2]) expect([6, 7]).toContain(f.validation.filter((i) => blobs.t[i] === c).length);
    const ll = crossValidate(nearestCentroid, blobs, { k: 3, stratify: true, loss: 'logLoss', seed: 1 });
    expect(ll.meanValidationLoss).toBeGreaterThan(0);
    expect(ll.meanValidationLoss).toBeLessThan(0.5);
  });

  it('refuses K > N, K < 2, empty data, unknown metrics and mismatched estimators', () => {
    const small = dataset([0, 1, 2], [0, 1, 2]);
    expect(() => crossValidate(() => leastSquares(), small, { k: 4 })).toThrow(ValueError);
    expect(() => crossValidate(() => leastSquares(), small, { k: 4 })).toThrow(/\[gradlab\/data\] kFold: K cannot exceed the number of samples/);
    expect(() => crossValidate(() => leastSquares(), small, { k: 1 })).toThrow(/K must be an integer of at least 2/);
    expect(() => crossValidate(() => leastSquares(), subset(small, []), { k: 2 })).toThrow(/the data set is empty/);
    expect(() => crossValidate(() => leastSquares(), small, { k: 3, loss: 'nope' })).toThrow(/unknown metric.*expected one of mse, mae, r2/);
    expect(() => crossValidate(() => leastSquares(), small, { k: 3, loss: 'logLoss' })).toThrow(/needs class probabilities/);
    const wrong: Estimator = { fit: () => undefined, predict: () => [1] };
    expect(() => crossValidate(() => wrong, small, { k: 3 })).toThrow(ShapeError);
  });
});

describe('validationCurve', () => {
  it('training loss falls with model order M; validation loss is lowest in between', () => {
    const data = sinusoid({ n: 40, seed: 3 });
    const curve = validationCurve((m: number) => leastSquares({ degree: m }), data, { values: [0, 1, 3, 6], k: 5, seed: 0 });
    expect(curve.map((p) => p.value)).toEqual([0, 1, 3, 6]);
    const train = curve.map((p) => p.trainMean);
    expect([...train].sort((a, b) => b - a)).toEqual(train);
    const valid = curve.map((p) => p.validationMean);
    expect(Math.min(...valid)).toBe(valid[2]);
    expect(curve[2]?.validationLosses).toHaveLength(5);
  });

  it('runs over a regularisation strength λ', () => {
    const data = sinusoid({ n: 12, seed: 6 });
    const curve = validationCurve((lambda: number) => leastSquares({ degree: 9, lambda }), data, { values: [1e-6, 1e-3, 1], k: 4, seed: 0 });
    expect(curve[0]?.trainMean).toBeLessThan(curve[2]?.trainMean ?? 0);
    expect(() => validationCurve((m: number) => leastSquares({ degree: m }), data, { values: [] })).toThrow(/no hyper-parameter values/);
  });
});

describe('learningCurve', () => {
  const data = sinusoid({ n: 60, seed: 8 });

  it('training loss rises and validation loss falls as N grows', () => {
    const curve = learningCurve(() => leastSquares({ degree: 3 }), data, { sizes: [6, 12, 24, 48], k: 5, seed: 0 });
    expect(curve.map((p) => p.value)).toEqual([6, 12, 24, 48]);
    expect(curve[0]?.trainMean).toBeLessThan(curve[3]?.trainMean ?? 0);
    expect(curve[0]?.validationMean).toBeGreaterThan(curve[3]?.validationMean ?? Infinity);
    expect(curve[3]?.validationStd).toBeGreaterThan(0);
  });

  it('reads fractions of the smallest training fold', () => {
    const curve = learningCurve(() => leastSquares({ degree: 1 }), data, { sizes: [0.25, 0.5, 1], k: 4, seed: 0 });
    expect(curve.map((p) => p.value)).toEqual([11, 22, 45]);
  });

  it('refuses sizes beyond the training folds', () => {
    expect(() => learningCurve(() => leastSquares(), data, { sizes: [49], k: 5 })).toThrow(/training-set size out of range.*expected an integer in \[1, 48\]/);
    expect(() => learningCurve(() => leastSquares(), data, { sizes: [] })).toThrow(ValueError);
  });
});

describe('checkEstimator and metrics by name', () => {
  it('passes a correct estimator and reports a broken one', () => {
    const data = sinusoid({ n: 12, seed: 0 });
    expect(checkEstimator(() => leastSquares({ degree: 3 }), data).problems).toEqual([]);
    expect(checkEstimator(nearestCentroid, gaussianBlobs({ n: 12, seed: 0 })).problems).toEqual([]);
    let calls = 0;
    const leaky = (): Estimator => {
      let seen = 0;
      return {
        fit: (_x, t) => {
          seen += t.length;
          calls++;
        },
        predict: (x) => new Float64Array(x.shape[0] + (seen > 12 ? 1 : 0)),
        predictProba: (x) => ({ data: new Float64Array(x.shape[0] * 2).fill(0.7), shape: [x.shape[0], 2] }),
      };
    };
    const problems = checkEstimator(leaky, data).problems;
    expect(calls).toBeGreaterThan(1);
    expect(problems).toContain('predictProba row 0 is not a probability vector');
    expect(problems).toContain('fit does not replace what was learned before');
    expect(() => checkEstimator(leaky, subset(data, [0, 1]))).toThrow(/at least 4 samples/);
  });

  it('resolves built-in metric names and refuses unknown ones', () => {
    expect(resolveMetric('r2')).toBe(builtinMetrics.r2);
    expect(Object.isFrozen(builtinMetrics)).toBe(true);
    expect(() => resolveMetric('toString')).toThrow(ValueError);
    expect(() => defineMetric({ name: '', input: 'prediction', lowerIsBetter: true, evaluate: () => 0 })).toThrow(/needs a name/);
    expect(builtinMetrics.rocAuc.evaluate(new Float64Array([0, 1]), { data: new Float64Array([0.8, 0.2, 0.3, 0.7]), shape: [2, 2] })).toBe(1);
  });
});
