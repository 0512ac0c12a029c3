import { describe, expect, it } from 'vitest';
import { tensor } from '../creation.ts';
import { DTypeError, ShapeError, ValueError } from '../errors.ts';
import { rng } from '../random.ts';
import { eigh } from './eigh.ts';
import { maxAbsDiff, randomSpd } from './kernels/test-matrices.ts';
import { powerIteration } from './power-iteration.ts';

describe('powerIteration', () => {
  it('finds the dominant eigenpair with the default start', () => {
    const res = powerIteration(tensor([[2, 1], [1, 2]]), { tol: 1e-12 });
    expect(res.converged).toBe(true);
    expect(res.value).toBeCloseTo(3, 11);
    expect(res.vector.shape).toEqual([2]);
    expect(maxAbsDiff(res.vector.data, [Math.SQRT1_2, Math.SQRT1_2])).toBeLessThan(1e-10);
  });

  it('agrees with eigh from a seeded random start, and from a given start', () => {
    const n = 8;
    const a = tensor(randomSpd(rng(30), n), { shape: [n, n] });
    const top = eigh(a).values.data[n - 1]!;
    const fromRng = powerIteration(a, { rng: rng(31), maxIter: 10_000 });
    expect(fromRng.converged).toBe(true);
    expect(Math.abs(fromRng.value - top)).toBeLessThan(1e-8 * top);
    const fromInit = powerIteration(a, { init: tensor(new Float64Array(n).fill(1)), maxIter: 10_000 });
    expect(Math.abs(fromInit.value - top)).toBeLessThan(1e-8 * top);
    expect(fromInit.iterations).toBeGreaterThan(1);
  });

  it('reports converged: false when it runs out of iterations', () => {
    const res = powerIteration(tensor([[1, 0], [0, -1]]), { maxIter: 20 });
    expect(res.converged).toBe(false);
    expect(res.iterations).toBe(20);
  });

  it('validates its options and input', () => {
    const a = tensor([[1, 0], [0, 2]]);
    expect(() => powerIteration(a, { tol: 0 })).toThrow(/tol must be a finite number > 0/);
    expect(() => powerIteration(a, { maxIter: 1.5 })).toThrow(ValueError);
    expect(() => powerIteration(a, { init: tensor([1, 2, 3]) })).toThrow(ShapeError);
    expect(() => powerIteration(a, { init: tensor([0, 0]) })).toThrow(/must not be all zeros/);
    expect(() => powerIteration(a, { init: tensor([true, false]) })).toThrow(DTypeError);
    expect(() => powerIteration(tensor([[1, 2, 3]]))).toThrow(/powerIteration: a must be square/);
    expect(() => powerIteration(tensor(new Float64Array(0), { shape: [0, 0] }))).toThrow(ShapeError);
  });
});
