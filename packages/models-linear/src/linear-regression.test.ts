import { describe, expect, it, vi } from 'vitest';
import { ShapeError, ValueError } from '@gradlab/core-tensor';
import { sgd } from '@gradlab/optim';
import { linearRegression } from './linear-regression.ts';
import { ridgeRegression } from './ridge-regression.ts';
import { lassoRegression } from './lasso-regression.ts';
import { polynomialRegression } from './polynomial-regression.ts';
import { sklearnAlpha, lambdaFromSklearn } from './sklearn-alpha.ts';

describe('linearRegression', () => {
  it('reproduces the notes\' example: trained on x in {2, 3}, theta = (2, 0), loss 5/4 on all four points', () => {
    const m = linearRegression().fit([2, 3], [2, 2]);
    expect(m.theta[0]).toBeCloseTo(2, 12);
    expect(m.theta[1]).toBeCloseTo(0, 12);
    expect(m.loss([0, 1, 2, 3], [0, 1, 2, 2])).toBeCloseTo(5 / 4, 12);
  });

  it('recovers an exact linear relation', () => {
    const x = [[0, 1], [1, 0], [2, 3], [4, 1], [3, 3]];
    const t = x.map(([a, b]) => 1 + 2 * (a as number) - 3 * (b as number));
    const m = linearRegression().fit(x, t);
    expect(m.intercept).toBeCloseTo(1, 12);
    expect(Array.from(m.coef)).toEqual([expect.closeTo(2, 12), expect.closeTo(-3, 12)]);
    expect(m.score(x, t)).toBeCloseTo(1, 12);
    expect(m.rank).toBe(2);
  });

  it('returns the minimum-norm solution and warns on a rank-deficient design', () => {
    const onWarning = vi.fn();
    // the second column repeats the first: XᵀX is singular
    const m = linearRegression({ onWarning }).fit([[0, 0], [1, 1], [2, 2]], [1, 3, 5]);
    expect(m.rank).toBe(1);
    expect(m.coef[0]).toBeCloseTo(1, 12);
    expect(m.coef[1]).toBeCloseTo(1, 12);
    expect(m.intercept).toBeCloseTo(1, 12);
    expect(onWarning).toHaveBeenCalledTimes(1);
    expect(String(onWarning.mock.calls[0]?.[0])).toMatch(/rank-deficient.*minimum-norm/);
    expect(m.warnings).toHaveLength(1);
  });

  it('also warns when there are fewer samples than parameters', () => {
    const onWarning = vi.fn();
    const m = polynomialRegression({ degree: 5, onWarning }).fit([0, 0.5, 1], [0, 1, 0]);
    expect(onWarning).toHaveBeenCalled();
    expect(m.loss([0, 0.5, 1], [0, 1, 0])).toBeLessThan(1e-20);
  });

  it('rejects NaN features, mismatched lengths and predict before fit', () => {
    expect(() => linearRegression().fit([[1], [Number.NaN]], [0, 1])).toThrow(ValueError);
    expect(() => linearRegression().fit([[1], [Number.NaN]], [0, 1])).toThrow(/row 1, column 0/);
    expect(() => linearRegression().fit([[1], [2]], [0, Number.NaN])).toThrow(/targets must be finite/);
    expect(() => linearRegression().fit([[1], [2]], [0])).toThrow(ShapeError);
    expect(() => linearRegression().predict([[1]])).toThrow(/not fitted/);
    const m = linearRegression().fit([[1, 2], [2, 1], [3, 3]], [1, 2, 3]);
    expect(() => m.predict([[1]])).toThrow(ShapeError);
  });

  it('trains by gradient descent through an optim optimizer to the closed-form solution', () => {
    const x = [[0], [1], [2], [3]];
    const t = [1, 3, 5, 7.5];
    const exact = linearRegression().fit(x, t);
    const gd = linearRegression({ solver: 'gradient', training: { optimizer: sgd({ lr: 0.05 }), epochs: 3000 } }).fit(x, t);
    expect(gd.intercept).toBeCloseTo(exact.intercept, 6);
    expect(gd.coef[0]).toBeCloseTo(exact.coef[0] as number, 6);
    expect(gd.lossHistory.at(-1)).toBeLessThan(gd.lossHistory[0] as number);
  });
});

describe('ridgeRegression', () => {
  it('solves (XᵀX + λI) w = Xᵀt on centred data', () => {
    // one centred feature x = [-1, 0, 1], t = [-1, 0, 1]: w = 2 / (2 + λ)
    const m = ridgeRegression({ lambda: 0.5 }).fit([0, 1, 2], [0, 1, 2]);
    expect(m.coef[0]).toBeCloseTo(2 / 2.5, 12);
    expect(m.intercept).toBeCloseTo(1 - 2 / 2.5, 12);
  });

  it('equals least squares at λ = 0 and rejects λ < 0', () => {
    const x = [[0, 1], [1, 0], [2, 3], [4, 1]];
    const t = [1, 2, 0, 5];
    const a = ridgeRegression({ lambda: 0 }).fit(x, t);
    const b = linearRegression().fit(x, t);
    for (let j = 0; j < 2; j++) expect(a.coef[j]).toBeCloseTo(b.coef[j] as number, 10);
    expect(() => ridgeRegression({ lambda: -1 })).toThrow(ValueError);
  });

  it('stays finite on a rank-deficient design when λ > 0', () => {
    const m = ridgeRegression({ lambda: 1, onWarning: () => undefined }).fit([[0, 0], [1, 1], [2, 2]], [1, 3, 5]);
    expect(m.coef[0]).toBeCloseTo(m.coef[1] as number, 12);
    expect(m.warnings).toHaveLength(0);
  });
});

describe('lassoRegression', () => {
  it('soft-thresholds a single feature: w = S(xᵀt, λ/2) / ‖x‖²', () => {
    // centred x = [-1, 0, 1], t = [-2, 0, 2]: xᵀt = 4, ‖x‖² = 2
    const m = lassoRegression({ lambda: 2 }).fit([0, 1, 2], [0, 2, 4]);
    expect(m.coef[0]).toBeCloseTo((4 - 1) / 2, 12);
    expect(lassoRegression({ lambda: 8 }).fit([0, 1, 2], [0, 2, 4]).coef[0]).toBe(0);
  });

  it('drops an irrelevant feature to exactly zero', () => {
    const x = [[0, 1], [1, -1], [2, 1], [3, -1], [4, 0.5]];
    const t = x.map(([a]) => 2 * (a as number));
    const m = lassoRegression({ lambda: 1 }).fit(x, t);
    expect(m.coef[1]).toBe(0);
    expect(m.coef[0]).toBeGreaterThan(1.8);
  });
});

describe('sklearnAlpha', () => {
  it('maps λ to scikit-learn\'s alpha and C and back', () => {
    expect(sklearnAlpha('ridge', 0.7, 10)).toBe(0.7);
    expect(sklearnAlpha('lasso', 1, 10)).toBe(0.05);
    expect(sklearnAlpha('logistic', 1, 10)).toBe(0.5);
    expect(sklearnAlpha('logistic', 0, 10)).toBe(Infinity);
    expect(lambdaFromSklearn('lasso', 0.05, 10)).toBeCloseTo(1, 14);
    expect(lambdaFromSklearn('logistic', 0.5, 10)).toBe(1);
    expect(() => sklearnAlpha('ridge', -1, 10)).toThrow(ValueError);
    expect(() => sklearnAlpha('lasso', 1, 0)).toThrow(ValueError);
  });
});
