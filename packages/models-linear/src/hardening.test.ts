import { GradlabError } from '@gradlab/core-tensor';
import { describe, expect, it } from 'vitest';
import { applyFeatures, lassoRegression, logisticRegression, monomialExponents, perceptron, populationLoss, ridgeRegression, sinusoidPopulation } from './index.ts';

describe('models-linear answers bad input with typed errors (issue 19)', () => {
  it.each([
    ['monomialExponents(30, 30)', () => monomialExponents(30, 30)],
    ['perceptron().fit with a label of 1e9', () => perceptron().fit([[0], [1], [2]], [0, 1, 1e9])],
    ['logisticRegression().fit with a label of 1e9', () => logisticRegression().fit([[0], [1], [2]], [0, 1, 1e9])],
    ['applyFeatures(null, x)', () => applyFeatures(null as never, [[1]])],
    ['populationLoss(null, population)', () => populationLoss(null as never, sinusoidPopulation())],
    ['sinusoidPopulation({ noise: 1 })', () => sinusoidPopulation({ noise: 1 } as never)],
  ])('%s', (_name, f) => {
    expect(f).toThrow(GradlabError);
  });

  it('LASSO finds the slope on features of size 1e160, as ridge does', () => {
    const x = [[1e160], [2e160], [3e160], [4e160]];
    const t = [1, 2, 3, 4];
    const ridge = ridgeRegression({ lambda: 1e-12 }).fit(x, t);
    const lasso = lassoRegression({ lambda: 1e-9 }).fit(x, t);
    expect((lasso.coef[0] as number) / 1e-160).toBeCloseTo(1, 6);
    expect((ridge.coef[0] as number) / 1e-160).toBeCloseTo(1, 6);
  });
});
