import { describe, expect, it, vi } from 'vitest';
import { ValueError } from '@gradlab/core-tensor';
import { adam, robbinsMonro, sgd } from '@gradlab/optim';
import { logisticRegression } from './logistic-regression.ts';
import type { TrainingStep } from './gradient-training.ts';

const x = [[-2, 1], [-1, -1], [0, 0.5], [1, -0.5], [2, 1], [0.5, 2], [-0.5, -2], [1.5, 0.2]];
const t = [0, 0, 1, 0, 1, 1, 0, 1];

describe('logisticRegression', () => {
  it('reproduces the notes\' example step by step: theta = -0.812910, then -0.697118', () => {
    const steps: TrainingStep[] = [];
    logisticRegression({
      solver: 'gradient',
      fitIntercept: false,
      training: { optimizer: sgd({ lr: 0.1 }), epochs: 1, batchSize: 1, shuffle: false, init: [-1], onStep: (s) => steps.push(s) },
    }).fit([2.1, -1.5], [1, 0]);
    expect(steps[0]?.theta[0]).toBeCloseTo(-0.81291, 6);
    expect(steps[1]?.theta[0]).toBeCloseTo(-0.697118, 6);
  });

  it('gives the same θ by Newton and by gradient descent', () => {
    const newton = logisticRegression({ lambda: 0.5 }).fit(x, t);
    const gd = logisticRegression({ lambda: 0.5, solver: 'gradient', training: { optimizer: sgd({ lr: 0.5 }), epochs: 4000 } }).fit(x, t);
    for (let j = 0; j < 3; j++) expect(gd.theta[j]).toBeCloseTo(newton.theta[j] as number, 5);
    expect(newton.iterations).toBeLessThan(20);
    const withAdam = logisticRegression({ lambda: 0.5, solver: 'gradient', training: { optimizer: adam({ lr: 0.05 }), epochs: 3000, batchSize: 4, seed: 1 } }).fit(x, t);
    expect(withAdam.theta[1]).toBeCloseTo(newton.theta[1] as number, 1);
  });

  it('runs SGD with a Robbins-Monro learning-rate schedule towards the Newton solution', () => {
    const newton = logisticRegression({ lambda: 0.5 }).fit(x, t);
    const steps: number[] = [];
    const m = logisticRegression({
      lambda: 0.5,
      solver: 'gradient',
      training: { optimizer: sgd({ lr: robbinsMonro({ lr: 0.5, beta: 0.01, alpha: 0.75 }) }), epochs: 400, batchSize: 1, seed: 3, onStep: (s) => steps.push(s.step) },
    }).fit(x, t);
    expect(steps).toHaveLength(400 * 8);
    for (let j = 0; j < 3; j++) expect(Math.abs((m.theta[j] as number) - (newton.theta[j] as number))).toBeLessThan(0.05);
    expect(m.lossHistory.at(-1)).toBeLessThan(m.lossHistory[0] as number);
  });

  it('sets the gradient of the regularised log-loss to zero', () => {
    const lambda = 0.3;
    const m = logisticRegression({ lambda }).fit(x, t);
    const p = m.predictProba(x);
    const g = [0, 0, 0];
    x.forEach((row, i) => {
      const r = (p.data[i * 2 + 1] as number) - (t[i] as number);
      g[0]! += r;
      g[1]! += r * (row[0] as number);
      g[2]! += r * (row[1] as number);
    });
    g[1]! += 2 * lambda * (m.coef[0] as number);
    g[2]! += 2 * lambda * (m.coef[1] as number);
    for (const v of g) expect(Math.abs(v)).toBeLessThan(1e-10);
  });

  it('gives hard and soft predictions; soft ones are probabilities', () => {
    const m = logisticRegression({ lambda: 0.1 }).fit(x, t);
    const q = m.predictProba(x);
    expect(q.shape).toEqual([8, 2]);
    const y = m.predict(x);
    for (let i = 0; i < 8; i++) {
      expect((q.data[2 * i] as number) + (q.data[2 * i + 1] as number)).toBeCloseTo(1, 14);
      expect(y[i]).toBe((q.data[2 * i + 1] as number) > 0.5 ? 1 : 0);
    }
    expect(m.loss(x, t)).toBeGreaterThan(0);
    expect(m.score(x, t)).toBeGreaterThan(0.7);
  });

  it('fits softmax regression for more than two classes', () => {
    const x3 = [[0, 0], [0.5, 0.2], [4, 0], [4.5, 0.5], [0, 4], [0.4, 4.4], [0.2, -0.3], [4.2, -0.2], [-0.1, 4.1]];
    const t3 = [0, 0, 1, 1, 2, 2, 0, 1, 2];
    const m = logisticRegression({ lambda: 0.1 }).fit(x3, t3);
    expect(m.classes).toBe(3);
    const q = m.predictProba(x3);
    expect(q.shape).toEqual([9, 3]);
    expect(m.score(x3, t3)).toBe(1);
    expect(m.intercept.reduce((a, b) => a + b, 0)).toBeCloseTo(0, 10);
  });

  it('warns when λ = 0 on separable data, where the ML estimate does not exist', () => {
    const onWarning = vi.fn();
    logisticRegression({ onWarning }).fit([-2, -1, 1, 2], [0, 0, 1, 1]);
    expect(onWarning).toHaveBeenCalledTimes(1);
    expect(String(onWarning.mock.calls[0]?.[0])).toMatch(/separable/);
  });

  it('warns on separable data with the gradient solver too', () => {
    const onWarning = vi.fn();
    logisticRegression({ onWarning, solver: 'gradient', training: { optimizer: sgd({ lr: 0.5 }), epochs: 50 } }).fit([-2, -1, 1, 2], [0, 0, 1, 1]);
    expect(onWarning.mock.calls.map((c) => String(c[0])).some((m) => /separable/.test(m))).toBe(true);
  });

  it('warns when gradient training ends while the loss is still falling', () => {
    const onWarning = vi.fn();
    logisticRegression({ onWarning, solver: 'gradient', lambda: 0.1, training: { optimizer: sgd({ lr: 0.001 }), epochs: 3 } }).fit(x, t);
    expect(onWarning).toHaveBeenCalledTimes(1);
    expect(String(onWarning.mock.calls[0]?.[0])).toMatch(/ended after 3 epochs without converging.*Hint: raise epochs or lr/);
    const quiet = vi.fn();
    logisticRegression({ onWarning: quiet, solver: 'gradient', lambda: 0.1, training: { optimizer: sgd({ lr: 0.5 }), epochs: 2000 } }).fit(x, t);
    expect(quiet).not.toHaveBeenCalled();
  });

  it('rejects bad labels, bad λ and predict before fit', () => {
    expect(() => logisticRegression({ multiClass: 'binary' }).fit([1, 2, 3], [0, 1, 2])).toThrow(ValueError);
    expect(() => logisticRegression({ multiClass: 'binary' }).fit([1, 2, 3], [0, 1, 2])).toThrow(/labels in \{0, 1\}/);
    expect(() => logisticRegression().fit([1, 2], [-1, 1])).toThrow(/class indices/);
    expect(() => logisticRegression({ lambda: -1 })).toThrow(ValueError);
    expect(() => logisticRegression().predictProba([1])).toThrow(/not fitted/);
  });
});
