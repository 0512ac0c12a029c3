import { rng, ValueError } from '@gradlab/core-tensor';
import { describe, expect, it } from 'vitest';
import { absoluteLoss, pointLoss, powerLoss, quadraticLoss, zeroOneLoss } from '../src/index.ts';
import type { PointLoss } from '../src/index.ts';
import { checkPointLoss } from '../src/testing/index.ts';

describe('checkPointLoss', () => {
  it('passes every built-in, with its declared minimiser', () => {
    const values = [0, 1, 2, 5];
    for (const loss of [quadraticLoss(), absoluteLoss(), powerLoss(2), powerLoss(1), powerLoss(3), zeroOneLoss()]) {
      expect(checkPointLoss(loss, { values, rng: rng(1) }).failures).toEqual([]);
    }
    expect(checkPointLoss(zeroOneLoss(), { values: ['sun', 'rain', 'snow'], rng: rng(2) }).passed).toBe(true);
  });

  it('catches a wrong minimiser and a negative loss', () => {
    const wrong: PointLoss = { ...absoluteLoss(), minimizer: 'mean' };
    const report = checkPointLoss(wrong, { values: [0, 1, 10], rng: rng(3) });
    expect(report.passed).toBe(false);
    expect(report.failures[0]).toMatch(/^declared minimiser 'mean'/);
    const negative = checkPointLoss(pointLoss('neg', (t, u) => (t === u ? 0 : -1)), { values: [0, 1], rng: rng(4) });
    expect(negative.failures).toContain('loss(0, 1) = -1 is not a finite number >= 0');
  });

  it('names a forgotten option instead of throwing a TypeError', () => {
    const call = (o: unknown) => () => checkPointLoss(quadraticLoss(), o as Parameters<typeof checkPointLoss>[1]);
    expect(call(undefined)).toThrow(ValueError);
    expect(call({ rng: rng(0) })).toThrow(/argument options.values/);
    expect(call({ values: [0, 1] })).toThrow(/argument options.rng.*Hint: pass \{ values, rng: rng\(0\) \}/);
  });
});
