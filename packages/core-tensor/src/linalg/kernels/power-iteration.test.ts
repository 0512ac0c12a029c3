import { describe, expect, it } from 'vitest';
import { rng } from '../../random.ts';
import { jacobiEigh } from './jacobi-eigh.ts';
import { powerIterate } from './power-iteration.ts';
import { matmul } from './row-major.ts';
import { maxAbsDiff, randomSpd } from './test-matrices.ts';

const ones = (n: number): Float64Array => new Float64Array(n).fill(1);

describe('powerIterate', () => {
  it('finds the dominant eigenpair of a hand-made matrix', () => {
    // [[2, 1], [1, 2]]: dominant λ = 3 with (1, 1)/√2; start off the eigenvector
    const res = powerIterate(Float64Array.from([2, 1, 1, 2]), 2, {
      tol: 1e-12,
      maxIter: 500,
      start: Float64Array.from([1, 0]),
    });
    expect(res.converged).toBe(true);
    expect(res.value).toBeCloseTo(3, 12);
    expect(maxAbsDiff(res.vector, [Math.SQRT1_2, Math.SQRT1_2])).toBeLessThan(1e-11);
    expect(res.iterations).toBeGreaterThan(1);
  });

  it('agrees with eigh on a random SPD matrix, with A·v ≈ λ·v', () => {
    const n = 10;
    const a = randomSpd(rng(15), n);
    const { values } = jacobiEigh(a, n);
    const res = powerIterate(a, n, { tol: 1e-11, maxIter: 10_000, start: ones(n) });
    expect(res.converged).toBe(true);
    expect(Math.abs(res.value - values[n - 1]!)).toBeLessThan(1e-9 * values[n - 1]!);
    const av = matmul(a, res.vector, n, n, 1);
    expect(maxAbsDiff(av, Float64Array.from(res.vector, (x) => x * res.value))).toBeLessThan(1e-10 * res.value);
  });

  it('finds a negative dominant eigenvalue (the iterate flips sign every step)', () => {
    const res = powerIterate(Float64Array.from([-5, 0, 0, 0, 2, 0, 0, 0, 1]), 3, {
      tol: 1e-12,
      maxIter: 1000,
      start: ones(3),
    });
    expect(res.converged).toBe(true);
    expect(res.value).toBeCloseTo(-5, 10);
    expect(Math.abs(res.vector[0]!)).toBeCloseTo(1, 10);
  });

  it('reports no convergence when |λ₁| = |λ₂| with opposite signs, after maxIter steps', () => {
    const res = powerIterate(Float64Array.from([1, 0, 0, -1]), 2, {
      tol: 1e-10,
      maxIter: 50,
      start: Float64Array.from([1, 1]),
    });
    expect(res.converged).toBe(false);
    expect(res.iterations).toBe(50);
  });

  it('stops when the start vector is in the null space; converged only for the zero matrix', () => {
    const nil = powerIterate(Float64Array.from([0, 1, 0, 0]), 2, { tol: 1e-10, maxIter: 10, start: Float64Array.from([1, 0]) });
    expect(nil.value).toBe(0);
    expect(nil.converged).toBe(false);
    expect(nil.iterations).toBe(1);
    const zero = powerIterate(new Float64Array(4), 2, { tol: 1e-10, maxIter: 10, start: Float64Array.from([1, 0]) });
    expect(zero.converged).toBe(true);
  });
});
