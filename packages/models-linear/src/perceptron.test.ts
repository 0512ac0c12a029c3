import { describe, expect, it } from 'vitest';
import { ValueError } from '@gradlab/core-tensor';
import { perceptron } from './perceptron.ts';
import type { TrainingStep } from './gradient-training.ts';

describe('perceptron', () => {
  it('reproduces the notes\' example step by step: theta = -0.79, then -0.64', () => {
    const steps: TrainingStep[] = [];
    const m = perceptron({ lr: 0.1, epochs: 1, fitIntercept: false, init: [-1], onStep: (s) => steps.push(s) }).fit([2.1, -1.5], [1, 0]);
    expect(steps.map((s) => s.batch)).toEqual([[0], [1]]);
    expect(steps[0]?.theta[0]).toBeCloseTo(-0.79, 12);
    expect(steps[1]?.theta[0]).toBeCloseTo(-0.64, 12);
    expect(m.coef[0]).toBeCloseTo(-0.64, 12);
  });

  it('separates linearly separable classes', () => {
    const x = [[0, 0], [0, 1], [1, 0], [3, 3], [3, 4], [4, 3]];
    const t = [0, 0, 0, 1, 1, 1];
    const m = perceptron({ epochs: 20 }).fit(x, t);
    expect(m.score(x, t)).toBe(1);
    expect(Array.from(m.predict([[0.2, 0.1], [3.5, 3.5]]))).toEqual([0, 1]);
  });

  it('handles three classes one-vs-rest', () => {
    const x = [[0, 0], [0.3, 0.2], [5, 0], [5.2, 0.3], [0, 5], [0.2, 5.3]];
    const t = [0, 0, 1, 1, 2, 2];
    const m = perceptron({ epochs: 50 }).fit(x, t);
    expect(m.classes).toBe(3);
    expect(m.coef.length).toBe(6);
    expect(m.score(x, t)).toBe(1);
  });

  it('rejects labels outside {0, 1} for a binary model, with a hint for ±1 labels', () => {
    expect(() => perceptron({ multiClass: 'binary' }).fit([1, 2], [0, 2])).toThrow(ValueError);
    expect(() => perceptron().fit([1, 2], [-1, 1])).toThrow(/t\+- \+ 1|\(t± \+ 1\) \/ 2/);
    expect(() => perceptron().fit([1, 2], [0, 0.5])).toThrow(/class indices/);
    expect(() => perceptron().predict([1])).toThrow(/not fitted/);
    expect(() => perceptron({ lr: 0 })).toThrow(ValueError);
  });
});
