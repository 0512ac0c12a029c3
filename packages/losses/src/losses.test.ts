import { grad, hessian, tensor, ValueError, ShapeError } from '@gradlab/core-tensor';
import type { Tensor } from '@gradlab/core-tensor';
import { describe, expect, it } from 'vitest';
import { absoluteError } from './absolute-error.ts';
import { binaryCrossEntropy } from './binary-cross-entropy.ts';
import { binaryCrossEntropyWithLogits } from './binary-cross-entropy-with-logits.ts';
import { builtinLosses, lossFromSpec } from './builtin-losses.ts';
import { crossEntropy } from './cross-entropy.ts';
import { exponentialLoss } from './exponential-loss.ts';
import { hinge } from './hinge.ts';
import { hingeAtZero } from './hinge-at-zero.ts';
import { logisticLoss } from './logistic-loss.ts';
import { quadratic } from './quadratic.ts';
import { zeroOne } from './zero-one.ts';
import { margin } from './margin.ts';

const t = (v: number[]): Tensor => tensor(v);
const arr = (x: Tensor): number[] => Array.from(x.data);

describe('hard-prediction losses', () => {
  it('quadratic and |t - t^|^k', () => {
    expect(quadratic().forward(t([2.5, 0]), t([3, 1])).item()).toBeCloseTo(0.625, 15);
    expect(quadratic({ reduction: 'sum' }).forward(t([2.5, 0]), t([3, 1])).item()).toBeCloseTo(1.25, 15);
    expect(arr(quadratic({ reduction: 'none' }).forward(t([2.5, 0]), t([3, 1])))).toEqual([0.25, 1]);
    expect(absoluteError().forward(t([1, -1]), t([3, 0])).item()).toBe(1.5);
    expect(absoluteError({ k: 3 }).forward(t([1]), t([3])).item()).toBeCloseTo(8, 12);
    expect(arr(grad((p: Tensor) => absoluteError({ k: 3, reduction: 'sum' }).forward(p, t([3])))(t([1])))).toEqual([-12]);
    expect(() => absoluteError({ k: -1 })).toThrow('Invalid exponent k: -1');
  });

  it('0-1 loss counts errors, from labels or from scores, and refuses to be differentiated', () => {
    expect(zeroOne().forward(t([1, 0, 2]), t([1, 1, 2])).item()).toBeCloseTo(1 / 3, 15);
    expect(zeroOne({ from: 'score' }).forward(t([0.3, 0.2, 0, -4]), t([1, 0, 1, 0])).item()).toBe(0.5);
    expect(zeroOne().differentiable).toBe(false);
    const f = (p: Tensor): Tensor => zeroOne({ from: 'score' }).forward(p, t([1, 0]));
    expect(() => grad(f)(t([0.3, 0.2]))).toThrow(ValueError);
    expect(() => grad(f)(t([0.3, 0.2]))).toThrow('the 0-1 loss is not differentiable');
  });
});

describe('margin losses of y = t± θᵀu(x)', () => {
  const scores = t([2, -0.5, 0.25]);
  const labels = t([1, 1, 0]);
  const y = [2, -0.5, -0.25];
  it('compute e^-y, max(0, 1 - y), max(0, -y) and log(1 + e^-y)', () => {
    const none = { reduction: 'none' } as const;
    expect(arr(exponentialLoss(none).forward(scores, labels))).toEqual(y.map((v) => Math.exp(-v)));
    expect(arr(hinge(none).forward(scores, labels))).toEqual([0, 1.5, 1.25]);
    expect(arr(hingeAtZero(none).forward(scores, labels))).toEqual([0, 0.5, 0.25]);
    const logistic = arr(logisticLoss(none).forward(scores, labels));
    y.forEach((v, i) => expect(logistic[i]).toBeCloseTo(Math.log1p(Math.exp(-v)), 15));
    expect(arr(hinge({ reduction: 'none', labels: 'signed' }).forward(scores, t([1, 1, -1])))).toEqual([0, 1.5, 1.25]);
  });

  it('the notes: a^2 = -2, t = 0 gives log-loss log(1 + e^-2) = 0.126928 and delta = sigmoid(-2) = 0.119203', () => {
    const f = (s: Tensor): Tensor => logisticLoss().forward(s, t([0]));
    expect(f(t([-2])).item()).toBeCloseTo(0.126928, 6);
    expect(grad(f)(t([-2])).item()).toBeCloseTo(0.119203, 6);
    expect(binaryCrossEntropyWithLogits().forward(t([-2]), t([0])).item()).toBeCloseTo(0.126928, 6);
  });

  it('chapter 5 seed: perceptron and logistic-regression gradients give the notes\' SGD steps', () => {
    const samples = [
      { x: 2.1, t: 1 },
      { x: -1.5, t: 0 },
    ];
    const run = (loss: ReturnType<typeof hinge>): number[] => {
      let theta = -1;
      const out: number[] = [];
      for (const s of samples) {
        const g = grad((th: Tensor) => loss.forward(th.mul(s.x), t([s.t])))(t([theta])).item();
        theta -= 0.1 * g;
        out.push(theta);
      }
      return out;
    };
    const perceptron = run(hingeAtZero());
    expect(perceptron[0]).toBeCloseTo(-0.79, 12);
    expect(perceptron[1]).toBeCloseTo(-0.64, 12);
    const logistic = run(logisticLoss());
    expect(logistic[0]).toBeCloseTo(-0.81291, 6);
    expect(logistic[1]).toBeCloseTo(-0.697118, 6);
  });

  it('stay finite and exact at large |y|', () => {
    const big = t([800, -800, 1e6, -1e6]);
    const tg = t([1, 1, 1, 1]);
    expect(arr(logisticLoss({ reduction: 'none' }).forward(big, tg))).toEqual([0, 800, 0, 1e6]);
    expect(arr(grad((s: Tensor) => logisticLoss({ reduction: 'sum' }).forward(s, tg))(big))).toEqual([-0, -1, -0, -1]);
    expect(arr(binaryCrossEntropyWithLogits({ reduction: 'none' }).forward(big, t([0, 0, 1, 0])))).toEqual([800, 0, 0, 0]);
    expect(exponentialLoss().forward(t([800]), t([1])).item()).toBe(0);
    expect(arr(hinge({ reduction: 'none' }).forward(big, tg))).toEqual([0, 801, 0, 1e6 + 1]);
    // The logistic loss is smooth at y = 0: derivative -1/2 and curvature 1/4 there.
    expect(grad((s: Tensor) => logisticLoss().forward(s, t([1])))(t([0])).item()).toBe(-0.5);
    expect(hessian((s: Tensor) => logisticLoss().forward(s, t([1])))(t([0])).item()).toBeCloseTo(0.25, 15);
  });

  it('validate their targets', () => {
    expect(() => hinge().forward(t([1]), t([-1]))).toThrow("for ±1 labels pass { labels: 'signed' }");
    // margin itself, which every margin loss (and a user's own) calls: −1 is not read as t± = −3.
    expect(() => margin(t([1]), t([-1]), 'zero-one')).toThrow(/targets must be 0 or 1.*Hint: pass \{ labels: 'signed' \}/);
    expect(() => margin(t([1]), t([0]), 'signed')).toThrow(/targets must be −1 or \+1/);
    expect(arr(margin(t([2, 2]), t([0, 1]), 'zero-one'))).toEqual([-2, 2]);
    expect(() => hinge().forward(t([1, 2]), t([1]))).toThrow(ShapeError);
    expect(() => hinge({ labels: 'plus' as 'signed' })).toThrow('plus is not a label encoding');
    expect(() => quadratic({ reduction: 'avg' as 'mean' })).toThrow('avg is not a valid value for reduction');
  });
});

describe('log-losses', () => {
  it('binary cross-entropy from probabilities clamps the log at -100 like torch', () => {
    expect(binaryCrossEntropy().forward(t([0.8]), t([1])).item()).toBeCloseTo(-Math.log(0.8), 15);
    expect(arr(binaryCrossEntropy({ reduction: 'none' }).forward(t([0, 1, 0.5]), t([1, 1, 0.25]))).map((v) => v + 0)).toEqual([100, 0, Math.LN2]);
    expect(() => binaryCrossEntropy().forward(t([1.5]), t([1]))).toThrow('all elements of the prediction should be between 0 and 1');
  });

  it('binary cross-entropy from logits equals the logistic loss and has gradient sigmoid(s) - t', () => {
    const s = t([1.3, -0.4, 3]);
    const target = t([1, 0, 0]);
    expect(binaryCrossEntropyWithLogits().forward(s, target).item()).toBeCloseTo(logisticLoss().forward(s, target).item(), 15);
    const g = arr(grad((x: Tensor) => binaryCrossEntropyWithLogits({ reduction: 'sum' }).forward(x, target))(s));
    [1.3, -0.4, 3].forEach((v, i) => expect(g[i]).toBeCloseTo(1 / (1 + Math.exp(-v)) - [1, 0, 0][i]!, 15));
  });

  it('categorical cross-entropy from logits is stable and has gradient softmax - onehot', () => {
    expect(crossEntropy().forward(tensor([[2, 0, 0]]), t([0])).item()).toBeCloseTo(Math.log(Math.exp(2) + 2) - 2, 15);
    expect(arr(crossEntropy({ reduction: 'none' }).forward(tensor([[1000, 0, -1000], [0, 0, 0]]), t([1, 2])))).toEqual([1000, Math.log(3)]);
    const g = grad((z: Tensor) => crossEntropy({ reduction: 'sum' }).forward(z, t([0])))(tensor([[1, 2, 3]]));
    const e = [1, 2, 3].map(Math.exp);
    const z = e.reduce((a, b) => a + b);
    arr(g).forEach((v, i) => expect(v).toBeCloseTo(e[i]! / z - (i === 0 ? 1 : 0), 15));
    expect(() => crossEntropy().forward(tensor([[1, 2]]), t([2]))).toThrow('class indices 0..1');
    expect(() => crossEntropy().forward(tensor([[1, 2]]), tensor([[0, 1]]))).toThrow("target must be the logits' shape without the class axis");
  });
});

describe('builtinLosses', () => {
  it('is frozen and rebuilds every loss from its saved config', () => {
    expect(Object.isFrozen(builtinLosses)).toBe(true);
    for (const [id, make] of Object.entries(builtinLosses)) {
      const loss = make({ reduction: 'sum' });
      expect(loss.id).toBe(id);
      const again = lossFromSpec(JSON.parse(JSON.stringify({ id: loss.id, config: loss.config })) as { id: string });
      expect(again.config).toEqual(loss.config);
      expect(again.reduction).toBe('sum');
    }
    expect(() => lossFromSpec('cubic')).toThrow("unknown loss 'cubic'");
  });
});
