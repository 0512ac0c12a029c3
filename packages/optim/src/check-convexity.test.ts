import { ValueError } from '@gradlab/core-tensor';
import { describe, expect, it } from 'vitest';
import { checkConvexity } from './check-convexity.ts';

describe('checkConvexity', () => {
  it('accepts convex 1-D functions and finds where others curve down', () => {
    expect(checkConvexity((x) => x ** 4, { interval: [-2, 2] }).convex).toBe(true);
    expect(checkConvexity((x) => 0.5 * (x - 2) ** 2 + 1.5 * (x + 1) ** 2, { interval: [-5, 5] })).toMatchObject({ convex: true });
    expect(checkConvexity((x) => 0.5 * (x - 2) ** 2 + 1.5 * (x + 1) ** 2, { interval: [-5, 5] }).minCurvature).toBeCloseTo(4, 6);
    const sin = checkConvexity(Math.sin, { interval: [0, Math.PI] });
    expect(sin.convex).toBe(false);
    expect(sin.at[0]).toBeCloseTo(Math.PI / 2, 1);
    expect(sin.minCurvature).toBeCloseTo(-1, 3);
    expect(checkConvexity(Math.sin, { interval: [Math.PI, 2 * Math.PI] }).convex).toBe(true);
    expect(checkConvexity((x) => 3 * x + 1, { interval: [-1e3, 1e3] }).convex).toBe(true);
  });

  it('checks the Hessian of 2-D functions on a box', () => {
    expect(checkConvexity((x, y) => x * x + x * y + y * y, { box: [[-1, 1], [-1, 1]] })).toMatchObject({ convex: true });
    const saddle = checkConvexity((x, y) => x * x - y * y, { box: [[-1, 1], [-1, 1]] });
    expect(saddle.convex).toBe(false);
    expect(saddle.minCurvature).toBeCloseTo(-2, 6);
    // x^2 + 3xy + y^2 has Hessian eigenvalues 5 and -1: not convex although both diagonals are positive.
    expect(checkConvexity((x, y) => x * x + 3 * x * y + y * y, { box: [[-1, 1], [-1, 1]] }).minCurvature).toBeCloseTo(-1, 6);
    expect(checkConvexity((x, y) => Math.log(Math.exp(x) + Math.exp(y)), { box: [[-3, 3], [-3, 3]] }).convex).toBe(true);
  });

  it('rejects empty regions and non-finite values', () => {
    expect(() => checkConvexity((x) => x, { interval: [1, 1] })).toThrow(ValueError);
    expect(() => checkConvexity((x) => 1 / x, { interval: [-1, 1], points: 3 })).toThrow('the function is not finite on the region');
  });
});
