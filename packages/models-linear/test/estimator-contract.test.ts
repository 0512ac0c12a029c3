import { describe, expect, it } from 'vitest';
import type { Estimator } from '@gradlab/data';
import { crossValidate, gaussianBlobs, sinusoid } from '@gradlab/data';
import { checkEstimator } from '@gradlab/data/testing';
import {
  gaussianLinearRegression,
  lassoRegression,
  linearRegression,
  logisticRegression,
  perceptron,
  polynomialFeatureMap,
  polynomialRegression,
  ridgeRegression,
  withFeatures,
} from '../src/index.ts';

const quiet = { onWarning: () => undefined };
const regression = sinusoid({ n: 20, seed: 2 });
const blobs = gaussianBlobs({ n: 30, seed: 1 });

describe('every model satisfies the Estimator contract of @gradlab/data', () => {
  const regressors: [string, () => Estimator][] = [
    ['linearRegression', () => linearRegression(quiet)],
    ['ridgeRegression', () => ridgeRegression({ lambda: 0.1 })],
    ['lassoRegression', () => lassoRegression({ lambda: 0.1 })],
    ['polynomialRegression', () => polynomialRegression({ degree: 3 })],
    ['withFeatures', () => withFeatures(polynomialFeatureMap(2, { bias: false }), ridgeRegression({ lambda: 1 }))],
  ];
  for (const [name, factory] of regressors) {
    it(name, () => expect(checkEstimator(factory, regression).problems).toEqual([]));
  }
  const classifiers: [string, () => Estimator][] = [
    ['perceptron', () => perceptron({ epochs: 5 })],
    ['logisticRegression', () => logisticRegression({ lambda: 0.5 })],
  ];
  for (const [name, factory] of classifiers) {
    it(name, () => expect(checkEstimator(factory, blobs).problems).toEqual([]));
  }

  it('K-fold cross-validation picks M = 3 over M = 1 and M = 9 on the notes\' data', () => {
    const d = sinusoid({ n: 30, seed: 4 });
    const loss = (m: number) => crossValidate(() => polynomialRegression({ degree: m, ...quiet }), d, { k: 5, seed: 0 }).meanValidationLoss;
    expect(loss(3)).toBeLessThan(loss(1));
    expect(loss(3)).toBeLessThan(loss(9));
  });
});

describe('gaussianLinearRegression', () => {
  it('learns θ by least squares and σ² as the mean squared residual', () => {
    const x = [0, 1, 2, 3];
    const t = [0.1, 0.9, 2.1, 2.9];
    const m = gaussianLinearRegression().fit(x, t);
    const ls = linearRegression().fit(x, t);
    expect(Array.from(m.theta)).toEqual(Array.from(ls.theta));
    expect(m.noiseVariance).toBeCloseTo(ls.loss(x, t), 14);
    const p = m.predictiveDistribution([4]);
    expect(p.mean[0]).toBeCloseTo(ls.predict([4])[0] as number, 12);
    expect(p.variance[0]).toBe(m.noiseVariance);
  });

  it('gives the Gaussian log-likelihood, maximal at the ML estimate', () => {
    const x = [0, 1, 2, 3, 4];
    const t = [0.2, 0.8, 2.3, 2.9, 4.1];
    const m = gaussianLinearRegression().fit(x, t);
    const s2 = m.noiseVariance;
    // at the ML estimate, log L = −N/2 (log 2πσ² + 1)
    expect(m.logLikelihood(x, t)).toBeCloseTo((-5 / 2) * (Math.log(2 * Math.PI * s2) + 1), 10);
    expect(m.loss(x, t)).toBeCloseTo(-m.logLikelihood(x, t) / 5, 12);
  });

  it('uses a feature map and refuses to fit data it interpolates, or to predict before fit', () => {
    const m = gaussianLinearRegression({ features: polynomialFeatureMap(2, { bias: false }) }).fit([0, 1, 2, 3], [0, 1.1, 3.9, 9.2]);
    expect(m.theta).toHaveLength(3);
    expect(() => gaussianLinearRegression().fit([0, 1], [0, 1])).toThrow(/σ²_ML = 0/);
    expect(() => gaussianLinearRegression().predict([0])).toThrow(/not fitted/);
  });
});
