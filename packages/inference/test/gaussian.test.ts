import { multivariateGaussian } from '@gradlab/prob';
import { describe, expect, it } from 'vitest';
import {
  absoluteLoss,
  bayesLogLoss,
  bayesRisk,
  excessRisk,
  mmseEstimator,
  optimalHardPredictor,
  optimalSoftPredictor,
  pointLoss,
  populationLogLoss,
  populationLoss,
  quadraticLoss,
  zeroOneLoss,
} from '../src/index.ts';

// (x, t) jointly Gaussian: unit variances, correlation 0.8, E[t] = 1.
const xt = multivariateGaussian([0, 1], [[1, 0.8], [0.8, 1]]);

describe('jointly Gaussian (x, t)', () => {
  it('has the MMSE predictor and its error in closed form', () => {
    const tHat = mmseEstimator(xt);
    expect(tHat([2])).toBeCloseTo(2.6, 14);
    expect(tHat.weights[0]).toBeCloseTo(0.8, 14);
    expect(tHat.intercept).toBeCloseTo(1, 14);
    expect(tHat.errorVariance).toBeCloseTo(0.36, 14);
    expect(tHat.posterior([2]).toString()).toBe('N(2.6, 0.36)');
    expect(bayesRisk(xt, quadraticLoss())).toBeCloseTo(0.36, 14);
  });

  it('the numeric population loss of the MMSE predictor is its error variance', () => {
    const tHat = optimalHardPredictor(xt, quadraticLoss());
    expect(populationLoss(xt, tHat, quadraticLoss())).toBeCloseTo(0.36, 7);
    // guessing E[t] = 1 ignores x: the loss is Var[t] = 1
    expect(populationLoss(xt, () => 1, quadraticLoss())).toBeCloseTo(1, 7);
    expect(excessRisk(xt, () => 1, quadraticLoss())).toBeCloseTo(0.64, 7);
  });

  it('the same estimator is optimal for the absolute loss, with risk sigma·sqrt(2/pi)', () => {
    const risk = 0.6 * Math.sqrt(2 / Math.PI);
    expect(bayesRisk(xt, absoluteLoss())).toBeCloseTo(risk, 9);
    expect(populationLoss(xt, optimalHardPredictor(xt, absoluteLoss()), absoluteLoss())).toBeCloseTo(risk, 7);
    expect(bayesRisk(xt, zeroOneLoss())).toBe(1);
  });

  it('the posterior is the optimal soft predictor; its log-loss is the conditional differential entropy', () => {
    const q = optimalSoftPredictor(xt);
    expect(q([0]).prob(1)).toBeCloseTo(1 / Math.sqrt(2 * Math.PI * 0.36), 14);
    const h = 0.5 * Math.log(2 * Math.PI * Math.E * 0.36);
    expect(bayesLogLoss(xt)).toBeCloseTo(h, 14);
    expect(populationLogLoss(xt, q)).toBeCloseTo(h, 7);
  });

  it('works with several observed components and a chosen target', () => {
    const three = multivariateGaussian([1, 0, 2], [[2, 0.5, 0.3], [0.5, 1, 0.2], [0.3, 0.2, 1.5]]);
    const tHat = mmseEstimator(three, { target: 0 });
    expect(tHat.observed).toEqual([1, 2]);
    const c = three.conditional([1, 2], [0.5, -1]);
    expect(tHat([0.5, -1])).toBeCloseTo(c.mu[0] as number, 14);
    expect(tHat.errorVariance).toBeCloseTo(c.cov[0]?.[0] as number, 14);
    expect(tHat([0.5, -1])).toBeCloseTo(tHat.intercept + (tHat.weights[0] as number) * 0.5 - (tHat.weights[1] as number), 13);
    expect(() => populationLoss(three, tHat, quadraticLoss(), { target: 0 })).toThrow(/need a scalar observation/);
  });

  it('refuses a user loss without a known minimiser', () => {
    expect(() => optimalHardPredictor(xt, pointLoss('odd', (t, u) => ((t as number) > (u as number) ? 1 : 0)))).toThrow(/no known minimiser/);
    expect(() => mmseEstimator(xt, { target: 2 })).toThrow(/argument options.target/);
  });
});
