import { describe, expect, it } from 'vitest';
import { absoluteLoss, builtinPointLosses, pointLoss, powerLoss, quadraticLoss, toPointLoss, zeroOneLoss } from './point-loss.ts';

describe('point losses', () => {
  it('compute |t - t̂|^k and the 0-1 loss', () => {
    expect(quadraticLoss().loss(3, 1)).toBe(4);
    expect(absoluteLoss().loss(1, 3.5)).toBe(2.5);
    expect(powerLoss(3).loss(3, 1)).toBe(8);
    expect(powerLoss(2).minimizer).toBe('mean');
    expect(powerLoss(1).minimizer).toBe('median');
    expect(powerLoss(0.5).minimizer).toBeUndefined();
    expect(zeroOneLoss().loss('rain', 'sun')).toBe(1);
    expect(zeroOneLoss().loss(1, '1')).toBe(0);
  });

  it('wrap user functions and resolve built-in names', () => {
    const l = toPointLoss((t, u) => ((t as number) - (u as number)) ** 4);
    expect(l.loss(2, 0)).toBe(16);
    expect(l.minimizer).toBeUndefined();
    expect(pointLoss('mine', () => 7).name).toBe('mine');
    expect(Object.keys(builtinPointLosses)).toEqual(['quadratic', 'absolute', 'zero-one']);
    expect(builtinPointLosses['zero-one']().name).toBe('zero-one');
    expect(Object.isFrozen(builtinPointLosses)).toBe(true);
  });

  it('reject bad exponents and labels where numbers are needed', () => {
    expect(() => powerLoss(0)).toThrow('[gradlab/inference] powerLoss: the exponent must be positive (argument k; expected a finite number > 0; received 0)');
    expect(() => quadraticLoss().loss('a', 1)).toThrow(/needs numeric targets.*Hint: use zeroOneLoss\(\) for labels/);
  });
});
