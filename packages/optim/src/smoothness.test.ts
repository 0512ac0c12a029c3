import { eigh, hessian, matmul, rng, tensor, ValueError } from '@gradlab/core-tensor';
import type { Tensor } from '@gradlab/core-tensor';
import { compile, parse } from '@gradlab/core-tensor/symbolic';
import { describe, expect, it } from 'vitest';
import { classifyStationaryPoint } from './classify-stationary-point.ts';
import { DivergenceError } from './divergence-error.ts';
import { estimateSmoothness } from './estimate-smoothness.ts';
import { gradientDescent } from './gradient-descent.ts';
import { leastSquaresSmoothness } from './least-squares-smoothness.ts';
import { logisticSmoothness } from './logistic-smoothness.ts';
import { minimize } from './minimize.ts';
import { gd } from './optimizers/gd.ts';
import { suggestStepSize } from './suggest-step-size.ts';

/** g(θ) = 0.5(θ − 2)² + 1.5(θ + 1)²: g'' = 4. */
const g = (t: Tensor): Tensor => t.sub(2).square().mul(0.5).add(t.add(1).square().mul(1.5)).sum();

// A least-squares problem: polynomial features [1, x, x²] of 6 points.
const xs = [-1, -0.5, 0, 0.5, 1, 1.5];
const X = tensor(xs.map((x) => [1, x, x * x]));
const T = tensor(xs.map((x) => 1 - 2 * x + 0.5 * x * x + 0.1 * Math.sin(7 * x)));
const leastSquares = (theta: Tensor): Tensor => matmul(X, theta).sub(T).square().mean();

describe('step sizes you can trust', () => {
  it('finds L = 4 for the quadratic of the notes, exactly', () => {
    const est = estimateSmoothness(g, tensor([0.3]));
    expect(est.converged).toBe(true);
    expect(est.L).toBe(4);
    expect(suggestStepSize(est.L)).toBe(0.25);
  });

  it('finds L of least squares in closed form, and the Hessian-vector estimate agrees', () => {
    const L = leastSquaresSmoothness(X);
    const est = estimateSmoothness(leastSquares, tensor([0.2, -0.1, 0.4]), { rng: rng(3) });
    expect(est.converged).toBe(true);
    expect(est.L).toBeCloseTo(L, 10);
    expect(leastSquaresSmoothness(X, { reduction: 'sum' })).toBeCloseTo(L * xs.length, 10);
    // The Hessian of the loss, by autodiff, has exactly that largest eigenvalue.
    const H = hessian(leastSquares)(tensor([0.2, -0.1, 0.4]));
    const values = eigh(H).values.data;
    expect(values[values.length - 1]).toBeCloseTo(L, 12);
  });

  it('γ = 1/L converges with the guaranteed decrease at every step; γ = 2.5/L diverges and is reported', () => {
    for (const [f, L, start] of [
      [g, 4, tensor([5])],
      [leastSquares, leastSquaresSmoothness(X), tensor([0, 0, 0])],
    ] as const) {
      const good = gradientDescent(f, start, { lr: suggestStepSize(L), steps: 5000, tolerance: 1e-9 });
      expect(good.converged).toBe(true);
      expect(good.violations).toEqual([]);
      expect(() => minimize(f, start, { optimizer: gd({ lr: 2.5 / L }), steps: 5000 })).toThrow(DivergenceError);
      expect(() => gradientDescent(f, start, { lr: 2.5 / L, steps: 5000 })).toThrow(/diverged at step \d+/);
    }
  });

  it('bounds the logistic loss by λ_max(XᵀX)/(4N), attained at θ = 0', () => {
    const Xc = tensor([[2.1], [-1.5]]);
    expect(logisticSmoothness(Xc)).toBeCloseTo((2.1 ** 2 + 1.5 ** 2) / 8, 14);
    const t = [1, -1];
    const logistic = (theta: Tensor): Tensor => matmul(Xc, theta).mul(tensor(t)).neg().exp().log1p().mean();
    expect(estimateSmoothness(logistic, tensor([0])).L).toBeCloseTo(logisticSmoothness(Xc), 12);
    expect(estimateSmoothness(logistic, tensor([1.5])).L).toBeLessThan(logisticSmoothness(Xc));
  });

  it('rejects what it cannot use', () => {
    expect(() => suggestStepSize(0)).toThrow('Invalid smoothness constant: 0');
    expect(() => leastSquaresSmoothness(tensor([1, 2]))).toThrow('the design matrix must be 2-D');
    expect(() => estimateSmoothness(g, tensor(1))).toThrow(ValueError);
  });
});

describe('classifyStationaryPoint', () => {
  it('tells minima, maxima, saddles and degenerate points apart', () => {
    const seed = compile(parse('theta1^2 + 2*theta2^2 - theta3^2'));
    const saddle = classifyStationaryPoint(seed, tensor([0, 0, 0]));
    expect(saddle.kind).toBe('saddle');
    expect(saddle.eigenvalues.map((v) => Math.round(v * 1e9) / 1e9)).toEqual([-2, 2, 4]);
    const away = classifyStationaryPoint(seed, tensor([1, -1, 1]));
    expect(away.kind).toBe('not-stationary');
    expect(away.gradient).toEqual([2, -4, -2]);
    expect(classifyStationaryPoint(g, tensor([-0.25])).kind).toBe('minimum');
    expect(classifyStationaryPoint((t: Tensor) => t.square().sum().neg(), tensor([0, 0])).kind).toBe('maximum');
    expect(classifyStationaryPoint((t: Tensor) => t.pow(4).sum(), tensor([0])).kind).toBe('degenerate');
  });
});
