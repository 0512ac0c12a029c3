import { rng, tensor, ValueError } from '@gradlab/core-tensor';
import type { Tensor } from '@gradlab/core-tensor';
import { describe, expect, it } from 'vitest';
import { DivergenceError } from './divergence-error.ts';
import { gradientDescent } from './gradient-descent.ts';
import { minimize } from './minimize.ts';
import { adam } from './optimizers/adam.ts';
import { gd } from './optimizers/gd.ts';
import { sgd } from './optimizers/sgd.ts';
import { growingBatchSize } from './schedules/batch-size.ts';
import { checkRobbinsMonro } from './schedules/check-robbins-monro.ts';
import { robbinsMonro } from './schedules/robbins-monro.ts';

/** g(θ) = 0.5(θ − 2)² + 1.5(θ + 1)²: L = 4, minimum at θ = −0.25. */
const g = (t: Tensor): Tensor => t.sub(2).square().mul(0.5).add(t.add(1).square().mul(1.5)).sum();

describe('minimize', () => {
  it('converges with gd at 1/L and reports every step', () => {
    const seen: number[] = [];
    const r = minimize(g, tensor([5]), { optimizer: gd({ lr: 0.1 }), onStep: ({ value }) => void seen.push(value) });
    expect(r.converged).toBe(true);
    expect(r.reason).toBe('converged');
    expect(r.params.item()).toBeCloseTo(-0.25, 8);
    expect(seen.length).toBe(r.history.length);
    expect(seen[0]).toBeCloseTo(0.5 * 9 + 1.5 * 36, 12);
    expect(r.history.every((h, i) => i === 0 || h.value <= (r.history[i - 1]?.value ?? Infinity) + 1e-12)).toBe(true);
    expect(minimize(g, tensor([5]), { optimizer: gd({ lr: 0.25 }) }).steps).toBe(1);
  });

  it('throws a DivergenceError naming the step when the loss explodes', () => {
    let error: unknown;
    try {
      minimize(g, tensor([5]), { optimizer: gd({ lr: 2.5 / 4 }), steps: 500 });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DivergenceError);
    const d = error as DivergenceError;
    expect(d.step).toBeGreaterThan(10);
    expect(d.message).toContain(`diverged at step ${d.step}`);
    expect(d.message).toContain('lower the learning rate (0.625)');
    expect(() => minimize((t: Tensor) => t.log().sum(), tensor([1]), { optimizer: gd({ lr: 2 }) })).toThrow(/diverged at step 1: the loss is NaN/);
    expect(() => minimize((t: Tensor) => t.sub(t.log()).sum(), tensor([0]), { optimizer: gd({ lr: 0.1 }) })).toThrow(
      'the objective or its gradient is not finite at the starting point',
    );
    expect(() => gradientDescent((t: Tensor) => t.sub(t.log()).sum(), tensor([0]), { lr: 0.1 })).toThrow(ValueError);
  });

  it('stops when onStep says so, after the budget, and validates its options', () => {
    const r = minimize(g, tensor([5]), { optimizer: adam({ lr: 0.1 }), onStep: ({ step }) => step < 3 });
    expect(r).toMatchObject({ reason: 'stopped', steps: 3, converged: false });
    expect(minimize(g, tensor([5]), { optimizer: adam({ lr: 0.01 }), steps: 7 })).toMatchObject({ reason: 'max-steps', steps: 7 });
    expect(() => minimize(g, tensor([5]), { optimizer: gd({ lr: 0.1 }), steps: -1 })).toThrow(ValueError);
  });

  it('runs mini-batch SGD with a Robbins–Monro schedule and growing batches', () => {
    // Least squares on t_n = 3 x_n: the SGD iterates approach θ = 3.
    const xs = Array.from({ length: 40 }, (_, n) => (n - 20) / 10);
    const f = (theta: Tensor, batch?: Int32Array): Tensor => {
      const idx = Array.from(batch ?? []);
      const x = tensor(idx.map((i) => xs[i] ?? 0));
      return x.mul(theta).sub(x.mul(3)).square().mean();
    };
    const schedule = robbinsMonro({ lr: 0.5, beta: 0.1, alpha: 0.75 });
    expect(checkRobbinsMonro(schedule).satisfied).toBe(true);
    const sizes: number[] = [];
    const r = minimize(f, tensor([0]), {
      optimizer: sgd(),
      schedule,
      steps: 60,
      batches: { size: xs.length, batchSize: growingBatchSize({ initial: 2, every: 10, max: 40 }), rng: rng(1) },
      onStep: ({ batch }) => void sizes.push(batch?.length ?? 0),
    });
    expect(r.params.item()).toBeCloseTo(3, 6);
    expect(sizes.slice(0, 3)).toEqual([2, 2, 2]);
    expect(sizes[59]).toBe(40);
  });

  it('takes samples in order without an rng (the notes\' examples)', () => {
    const batches: number[][] = [];
    minimize((t: Tensor) => t.square().sum(), tensor([1]), {
      optimizer: sgd({ lr: 0.1 }),
      steps: 4,
      batches: { size: 3, batchSize: 2 },
      onStep: ({ batch }) => void batches.push(Array.from(batch ?? [])),
    });
    expect(batches).toEqual([[0, 1], [2, 0], [1, 2], [0, 1], [2, 0]]);
  });
});

describe('gradientDescent with the guaranteed decrease', () => {
  it('at γ = 1/L holds at every step and converges', () => {
    const r = gradientDescent(g, tensor([5]), { lr: 1 / 4 });
    expect(r.violations).toEqual([]);
    expect(r.converged).toBe(true);
    expect(r.params.item()).toBe(-0.25);
    const slow = gradientDescent(g, tensor([5]), { lr: 0.1, tolerance: 1e-10 });
    expect(slow.violations).toEqual([]);
    expect(slow.steps).toBeGreaterThan(5);
  });

  it('at γ = 2.5/L reports the violations, then the divergence', () => {
    const early = gradientDescent(g, tensor([5]), { lr: 2.5 / 4, steps: 10 });
    expect(early.violations.map((v) => v.step)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(early.history.map((h) => h.value).every((v, i, a) => i === 0 || v > (a[i - 1] ?? 0))).toBe(true);
    let error: unknown;
    try {
      gradientDescent(g, tensor([5]), { lr: 2.5 / 4, steps: 500 });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DivergenceError);
    expect((error as DivergenceError).message).toMatch(/^\[gradlab\/optim\] gradientDescent: diverged at step \d+: the loss .* exceeds/);
  });

  it('at γ = 2.5/L with backtracking shrinks γ until the decrease holds', () => {
    const r = gradientDescent(g, tensor([5]), { lr: 2.5 / 4, check: 'backtrack' });
    expect(r.converged).toBe(true);
    expect(r.lr).toBeLessThanOrEqual(1 / 4);
    expect(r.params.item()).toBeCloseTo(-0.25, 8);
    const report = gradientDescent(g, tensor([5]), { lr: 0.4, steps: 3, check: 'report' });
    expect(report.violations.map((v) => v.step)).toEqual([1, 2, 3]);
    expect(report.violations[0]?.after).toBeGreaterThan(report.violations[0]?.bound ?? Infinity);
  });
});
