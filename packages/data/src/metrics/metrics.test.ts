import { ShapeError, ValueError } from '@gradlab/core-tensor';
import { describe, expect, it } from 'vitest';
import { accuracy } from './accuracy.ts';
import { confusionMatrix } from './confusion-matrix.ts';
import { f1Score } from './f1-score.ts';
import { logLoss } from './log-loss.ts';
import { meanAbsoluteError } from './mean-absolute-error.ts';
import { meanSquaredError } from './mean-squared-error.ts';
import { precision } from './precision.ts';
import { r2Score } from './r2-score.ts';
import { recall } from './recall.ts';
import { rocAuc } from './roc-auc.ts';
import { zeroOneError } from './zero-one-error.ts';

describe('regression metrics', () => {
  it('computes MSE, MAE and R²', () => {
    expect(meanSquaredError([0, 1, 2, 2], [2, 2, 2, 2])).toBe(1.25);
    expect(meanAbsoluteError([0, 1, 2, 2], [2, 2, 2, 2])).toBe(0.75);
    expect(r2Score([1, 2, 3], [1, 2, 4])).toBeCloseTo(0.5, 15);
    expect(r2Score([2, 2], [2, 2])).toBe(1);
    expect(r2Score([2, 2], [1, 2])).toBe(0);
  });

  it('rejects mismatched lengths and empty inputs', () => {
    expect(() => meanSquaredError([1, 2, 3], [1, 2])).toThrow(ShapeError);
    expect(() => meanSquaredError([1, 2, 3], [1, 2])).toThrow(/\[gradlab\/data\] meanSquaredError: targets and predictions must have the same length/);
    expect(() => meanAbsoluteError([], [])).toThrow(ValueError);
    expect(() => r2Score([1, Number.NaN], [1, 2])).toThrow(ValueError);
  });
});

describe('classification metrics', () => {
  it('counts hits and misses', () => {
    expect(accuracy([0, 1, 1, 0], [0, 1, 0, 0])).toBe(0.75);
    expect(zeroOneError([0, 1, 1, 0], [0, 1, 0, 0])).toBe(0.25);
    expect(confusionMatrix([0, 1, 1], [0, 0, 1])).toEqual({ labels: [0, 1], counts: [[1, 0], [1, 1]] });
    expect(confusionMatrix([0, 1, 2], [0, 2, 2], { labels: [2, 0] }).counts).toEqual([[1, 0], [0, 1]]);
  });

  it('computes precision, recall and F1 with their averages', () => {
    const t = [0, 1, 1, 0, 1];
    const y = [1, 1, 0, 0, 1];
    expect(precision(t, y)).toBeCloseTo(2 / 3, 15);
    expect(recall(t, y)).toBeCloseTo(2 / 3, 15);
    expect(f1Score(t, y)).toBeCloseTo(2 / 3, 15);
    expect(precision(t, y, { positive: 0 })).toBe(0.5);
    expect(precision(t, y, { average: 'macro' })).toBeCloseTo((0.5 + 2 / 3) / 2, 15);
    expect(recall(t, y, { average: 'micro' })).toBeCloseTo(3 / 5, 15);
    expect(precision([0, 0], [0, 0])).toBe(0);
  });

  it('refuses binary averaging over three classes', () => {
    expect(() => f1Score([0, 1, 2], [0, 1, 2])).toThrow(ValueError);
    expect(() => f1Score([0, 1, 2], [0, 1, 2])).toThrow(/Hint: use average: 'macro'/);
  });

  it('computes log-loss from [N] or [N, C] probabilities', () => {
    expect(logLoss([1, 0], [0.9, 0.2])).toBeCloseTo((-Math.log(0.9) - Math.log(0.8)) / 2, 15);
    expect(logLoss([2, 0], [[0.1, 0.1, 0.8], [0.5, 0.25, 0.25]])).toBeCloseTo((-Math.log(0.8) - Math.log(0.5)) / 2, 15);
    expect(Number.isFinite(logLoss([1], [0]))).toBe(true);
    expect(() => logLoss([3], [[0.5, 0.5]])).toThrow(/targets must be class indices/);
    expect(() => logLoss([1], [1.5])).toThrow(/probabilities must lie in \[0, 1\]/);
    expect(() => logLoss([1, 0], [0.5])).toThrow(ShapeError);
  });

  it('computes ROC AUC, ties counting one half', () => {
    expect(rocAuc([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])).toBe(0.75);
    expect(rocAuc([0, 1], [0.5, 0.5])).toBe(0.5);
    expect(rocAuc([0, 1], [0.9, 0.1])).toBe(0);
    expect(() => rocAuc([1, 1], [0.2, 0.3])).toThrow(/undefined with one class/);
    expect(() => rocAuc([0, 2], [0.2, 0.3])).toThrow(/binary targets/);
  });
});
