import { grad, hessian, sigmoid, tensor } from '@gradlab/core-tensor';
import type { Tensor } from '@gradlab/core-tensor';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stableSoftplus } from './stable-softplus.ts';

/** log(1 + e^z) in double precision by cases, as a reference. */
function softplusReference(z: number): number {
  return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
}

describe('stableSoftplus', () => {
  it('matches log(1 + e^z) with derivative sigmoid(z) and curvature σ(1 − σ) for any z (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), (z) => {
        const x = tensor([z]);
        const value = stableSoftplus(x).item();
        expect(Number.isFinite(value)).toBe(true);
        const ref = softplusReference(z);
        expect(Math.abs(value - ref)).toBeLessThanOrEqual(4 * Number.EPSILON * Math.max(1, Math.abs(ref)));
        const d = grad((t: Tensor) => stableSoftplus(t).sum())(x).item();
        const s = sigmoid(x).item();
        expect(Math.abs(d - s)).toBeLessThanOrEqual(4 * Number.EPSILON);
        const h = hessian((t: Tensor) => stableSoftplus(t).sum())(x).item();
        expect(Math.abs(h - s * (1 - s))).toBeLessThanOrEqual(4 * Number.EPSILON);
      }),
    );
  });

  it('has derivative exactly 1/2 at 0', () => {
    expect(grad((t: Tensor) => stableSoftplus(t).sum())(tensor([0])).item()).toBe(0.5);
  });
});
