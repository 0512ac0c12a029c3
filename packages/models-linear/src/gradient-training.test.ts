import { describe, expect, it } from 'vitest';
import { absoluteError, crossEntropy, hingeAtZero, logisticLoss, quadratic } from '@gradlab/losses';
import { sgd } from '@gradlab/optim';
import { trainByGradient } from './gradient-training.ts';
import type { TrainingStep } from './gradient-training.ts';
import { linearRegression } from './linear-regression.ts';
import { logisticRegression } from './logistic-regression.ts';

const notesX = { data: new Float64Array([2.1, -1.5]), shape: [2, 1] as const };
const notesT = new Float64Array([1, 0]);
const inOrder = (steps: TrainingStep[]) => ({ optimizer: sgd({ lr: 0.1 }), epochs: 1, batchSize: 1, shuffle: false, init: [-1], onStep: (s: TrainingStep) => steps.push(s) });

describe('trainByGradient with the losses of @gradlab/losses (autodiff)', () => {
  it('hinge-at-zero + SGD is the perceptron: -0.79, then -0.64', () => {
    const steps: TrainingStep[] = [];
    trainByGradient('perceptron', notesX, notesT, false, 0, { ...inOrder(steps), loss: hingeAtZero() }, 'test');
    expect(steps.map((s) => s.theta[0])).toEqual([expect.closeTo(-0.79, 12), expect.closeTo(-0.64, 12)]);
  });

  it('the logistic loss + SGD is logistic regression: -0.812910, then -0.697118', () => {
    const viaLoss: TrainingStep[] = [];
    const builtin: TrainingStep[] = [];
    trainByGradient('logistic', notesX, notesT, false, 0, { ...inOrder(viaLoss), loss: logisticLoss() }, 'test');
    trainByGradient('logistic', notesX, notesT, false, 0, inOrder(builtin), 'test');
    expect(viaLoss[0]?.theta[0]).toBeCloseTo(-0.81291, 6);
    expect(viaLoss[1]?.theta[0]).toBeCloseTo(-0.697118, 6);
    // the written-out gradient (σ(θᵀu) − t)u agrees with autodiff of the loss
    for (let i = 0; i < 2; i++) expect(builtin[i]?.theta[0]).toBeCloseTo(viaLoss[i]?.theta[0] as number, 14);
  });

  it('written-out and autodiff gradients agree for quadratic, softmax and penalised problems', () => {
    const x = { data: new Float64Array([0.5, -1, 1.5, 2, -0.5, 0.3, 1, 1]), shape: [4, 2] as const };
    const tReal = new Float64Array([1, -2, 0.5, 3]);
    const opts = { optimizer: sgd({ lr: 0.05 }), epochs: 3, batchSize: 2, seed: 4 };
    const a = trainByGradient('quadratic', x, tReal, true, 0.3, opts, 'test');
    const b = trainByGradient('quadratic', x, tReal, true, 0.3, { ...opts, loss: quadratic() }, 'test');
    for (let j = 0; j < 2; j++) expect(a.coef[j]).toBeCloseTo(b.coef[j] as number, 12);
    expect(a.lossHistory.at(-1)).toBeCloseTo(b.lossHistory.at(-1) as number, 12);
    const tClass = new Float64Array([0, 2, 1, 2]);
    const c = trainByGradient('softmax', x, tClass, true, 0.2, opts, 'test', 3);
    const e = trainByGradient('softmax', x, tClass, true, 0.2, { ...opts, loss: crossEntropy() }, 'test', 3);
    for (let j = 0; j < 6; j++) expect(c.coef[j]).toBeCloseTo(e.coef[j] as number, 12);
    for (let j = 0; j < 3; j++) expect(c.intercept[j]).toBeCloseTo(e.intercept[j] as number, 12);
  });

  it('lets a model train on another loss: absolute error resists an outlier', () => {
    const x = [0, 1, 2, 3, 4, 5, 6, 7];
    const t = [0, 1, 2, 3, 4, 5, 6, 40];
    const ls = linearRegression().fit(x, t);
    const robust = linearRegression({ solver: 'gradient', training: { loss: absoluteError(), optimizer: sgd({ lr: 0.05 }), epochs: 2000 } }).fit(x, t);
    expect(Math.abs((robust.coef[0] as number) - 1)).toBeLessThan(0.2);
    expect(Math.abs((ls.coef[0] as number) - 1)).toBeGreaterThan(2);
  });

  it('rejects bad epochs, batch sizes and initial θ', () => {
    expect(() => trainByGradient('quadratic', notesX, notesT, true, 0, { epochs: 0 }, 'test')).toThrow(/epochs/);
    expect(() => trainByGradient('quadratic', notesX, notesT, true, 0, { batchSize: 1.5 }, 'test')).toThrow(/batch size/);
    expect(() => trainByGradient('quadratic', notesX, notesT, true, 0, { init: [1] }, 'test')).toThrow(/initial θ/);
    expect(() => logisticRegression({ solver: 'gradient', training: { epochs: -1 } }).fit([1, 2], [0, 1])).toThrow(/epochs/);
  });
});
