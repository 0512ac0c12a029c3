import { describe, expect, it } from 'vitest';
import { detectAnomaly, grad, log, sqrt, sum, tensor, ValueError } from '../index.ts';
import type { Tensor } from '../index.ts';

describe('detectAnomaly', () => {
  it('names the first op whose output turned non-finite in the forward pass', () => {
    expect(() => detectAnomaly(() => log(tensor([0, 1])))).toThrow(/log turned finite inputs into -Infinity/);
    expect(log(tensor([0, 1])).toArray()).toEqual([-Infinity, 0]); // off outside the scope (IEEE)
  });
  it('names the gradient rule that turned non-finite in the backward pass', () => {
    const f = (x: Tensor): Tensor => sum(sqrt(x));
    expect(grad(f)(tensor([0, 1])).data[0]).toBe(Infinity);
    try {
      detectAnomaly(() => grad(f)(tensor([0, 1])));
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ValueError);
      expect((e as ValueError).arg).toBe('sqrt (backward)');
    }
  });
  it('lets non-finite values that came in pass (NaN propagation is not an anomaly)', () => {
    const x = tensor([Number.NaN], { allowNonFinite: true });
    expect(Number.isNaN(detectAnomaly(() => log(x)).item())).toBe(true);
  });
});
