import { describe, expect, it } from 'vitest';
import { grad } from '../autodiff/grad.ts';
import { tensor } from '../creation.ts';
import type { Tensor } from '../tensor.ts';
import { sum } from './reduce.ts';
import { softplus } from './activation.ts';

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));
const dSoftplus = (x: Tensor): Tensor => grad((y: Tensor) => sum(softplus(y)))(x);

describe('softplus', () => {
  it('has gradient sigmoid(x) everywhere, including 1/2 at x = 0', () => {
    const xs = [-800, -30, -1, -1e-9, 0, 1e-9, 1, 30, 800];
    const g = dSoftplus(tensor(xs)).toArray() as number[];
    xs.forEach((x, i) => {
      expect(g[i]).toBeCloseTo(sigmoid(x), 12);
    });
    expect(g[4]).toBe(0.5);
  });

  it('is finite and exact at large |x|', () => {
    const y = softplus(tensor([-800, 0, 800])).toArray() as number[];
    expect(y[0]).toBe(0);
    expect(y[1]).toBeCloseTo(Math.LN2, 15);
    expect(y[2]).toBe(800);
  });

  it('has second derivative sigmoid(x)(1 - sigmoid(x))', () => {
    const d2 = (grad((x: Tensor) => sum(dSoftplus(x)))(tensor([0, 2]))).toArray() as number[];
    expect(d2[0]).toBeCloseTo(0.25, 12);
    expect(d2[1]).toBeCloseTo(sigmoid(2) * (1 - sigmoid(2)), 12);
  });
});
