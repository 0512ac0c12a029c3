import { grad, tensor } from '@gradlab/core-tensor';
import type { Tensor } from '@gradlab/core-tensor';
import { builtinLosses } from '@gradlab/losses';
import type { Loss, LossFactory } from '@gradlab/losses';
import { builtinOptimizers } from '@gradlab/optim';
import type { Optimizer, OptimizerFactory } from '@gradlab/optim';
import type { TourSection } from './section.ts';

/** The notes' samples, taken in order: (x = 2.1, t = 1) then (x = −1.5, t = 0). */
export const CHAPTER5_SAMPLES: readonly { x: number; t: number }[] = [
  { x: 2.1, t: 1 },
  { x: -1.5, t: 0 },
];

/**
 * SGD with batch size 1 on a scalar linear classifier θ·x: each step differentiates `loss` of the
 * score θx with respect to θ by autodiff and lets `optimizer` update θ.
 * @returns θ after each sample
 */
export function sgdSteps(loss: Loss, optimizer: Optimizer, theta0 = -1, samples = CHAPTER5_SAMPLES): number[] {
  let theta = tensor([theta0]);
  let state = optimizer.init(theta);
  const thetas: number[] = [];
  for (const { x, t } of samples) {
    const g = grad((th: Tensor) => loss.forward(th.mul(x), tensor([t])))(theta);
    ({ params: theta, state } = optimizer.step(theta, g, state));
    thetas.push(theta.item());
  }
  return thetas;
}

/**
 * The perceptron and logistic-regression steps of chapter 5, by loss and optimizer name, resolved in
 * the given maps (extend them to try your own).
 */
export function chapter5(lossId: string, optimizerId = 'sgd', losses: Readonly<Record<string, LossFactory>> = builtinLosses, optimizers: Readonly<Record<string, OptimizerFactory>> = builtinOptimizers): number[] {
  const make = losses[lossId];
  const opt = optimizers[optimizerId];
  if (make === undefined) throw new Error(`unknown loss '${lossId}'`);
  if (opt === undefined) throw new Error(`unknown optimizer '${optimizerId}'`);
  return sgdSteps(make({}), opt({ lr: 0.1 }));
}

const fmt = (v: number): string => v.toFixed(6).padStart(10);

export const classification: TourSection = {
  id: 'classification',
  title: 'Binary classification: margins, surrogate losses, perceptron and logistic regression',
  chapter: '5. Binary classification',
  run(print) {
    print('t in {0, 1}, t± = 2t − 1, score θᵀu(x), margin y = t± θᵀu(x). Losses of the margin:');
    const ys = [-2, -1, 0, 1, 2];
    const losses = [
      ['0-1 (detection error)', builtinLosses['zero-one']?.({ from: 'score', reduction: 'none' })],
      ['exponential', builtinLosses.exponential?.({ reduction: 'none' })],
      ['hinge', builtinLosses.hinge?.({ reduction: 'none' })],
      ['hinge-at-zero', builtinLosses['hinge-at-zero']?.({ reduction: 'none' })],
      ['logistic', builtinLosses.logistic?.({ reduction: 'none' })],
    ] as const;
    print(`  ${'y ='.padEnd(22)}${ys.map((y) => String(y).padStart(10)).join('')}`);
    for (const [name, loss] of losses) {
      if (loss === undefined) continue;
      // With t = 1 the margin is the score itself.
      const values = Array.from(loss.forward(tensor(ys), tensor(ys.map(() => 1))).data);
      print(`  ${name.padEnd(22)}${values.map(fmt).join('')}`);
    }
    print();
    print('SGD, γ = 0.1, batch size 1, θ = −1, samples (x=2.1, t=1) then (x=−1.5, t=0):');
    const perceptron = chapter5('hinge-at-zero');
    const logistic = chapter5('logistic');
    print(`  perceptron (hinge-at-zero loss):  θ = ${perceptron.map((v) => v.toFixed(6)).join(', then ')}`);
    print(`  logistic regression (log-loss):   θ = ${logistic.map((v) => v.toFixed(6)).join(', then ')}`);
    print('  The logistic gradient is (σ(θx) − t)x; the perceptron moves only on a mistake (y < 0).');
  },
};
