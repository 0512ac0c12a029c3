import { abs, customGrad, pow, square, sub } from '@gradlab/core-tensor';
import type { Tensor } from '@gradlab/core-tensor';
import { describe, expect, it } from 'vitest';
import { builtinLosses } from '../builtin-losses.ts';
import { defineLoss } from '../define-loss.ts';
import type { Loss } from '../loss.ts';
import { checkLoss } from './check-loss.ts';

describe('checkLoss', () => {
  it('passes every built-in loss, with every reduction', () => {
    for (const [id, make] of Object.entries(builtinLosses)) {
      for (const reduction of ['mean', 'sum', 'none'] as const) {
        const report = checkLoss(make({ reduction }));
        expect(report.id).toBe(id);
        const loss = make({ reduction });
        expect(report.checks).toContain(loss.differentiable ? 'gradient matches finite differences' : 'refuses differentiation');
      }
    }
  });

  it('catches a loss whose gradient is wrong, or whose forward disagrees with its elementwise', () => {
    // (p - t)^2 with a hand-written gradient that forgot the factor 2.
    const forgetful = customGrad((d: Tensor) => square(d), (g, _out, [d]) => [g.mul(d)]);
    const wrong = defineLoss({ id: 'wrong', prediction: 'value', target: 'real', elementwise: (p, t) => forgetful(sub(p, t)) });
    expect(() => checkLoss(wrong)).toThrow('fails the check "gradient matches finite differences"');
    const honest = defineLoss({ id: 'cubic', prediction: 'value', target: 'real', elementwise: (p, t) => pow(abs(sub(p, t)), 3) });
    expect(checkLoss(honest).checks).toContain('gradient matches finite differences');
    // A hand-made loss whose elementwise is |d|^3 but whose forward uses d^2: the reduction check fails.
    const inconsistent: Loss = { ...honest, forward: (p: Tensor, t: Tensor) => sub(p, t).square().mean() };
    expect(() => checkLoss(inconsistent)).toThrow('fails the check "reduction"');
  });

  it('catches a loss that accepts mismatched shapes, or hides NaN', () => {
    const lax: Loss = { ...defineLoss({ id: 'lax', prediction: 'value', target: 'real', elementwise: (p, t) => sub(p, t).square() }), forward: (p, t) => sub(p.sum(), t.sum()).square() };
    expect(() => checkLoss(lax)).toThrow('fails the check');
    const nan = defineLoss({ id: 'nan', prediction: 'value', target: 'real', elementwise: (p, t) => sub(p, t).mul(0).div(sub(p, t).mul(0)) });
    expect(() => checkLoss(nan)).toThrow('fails the check "finite values"');
    const bad = defineLoss({ id: 'x', differentiable: false, prediction: 'value', target: 'real', elementwise: (p, t) => sub(p, t).square() });
    expect(() => checkLoss(bad)).toThrow('fails the check "refuses differentiation"');
  });
});
