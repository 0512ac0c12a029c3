import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ShapeError, ValueError } from '../errors.ts';
import type { Tensor } from '../index.ts';
import { smoothExpr, smallPoint } from './arbitraries.test-helpers.ts';
import { compareGradients } from './compare-gradients.ts';
import { parse } from './parse.ts';
import { ParseError } from './parse-error.ts';
import { toString } from './to-string.ts';

const diff = (c: ReturnType<typeof compareGradients>, method: string, reference: string): number =>
  c.differences.find((d) => d.method === method && d.reference === reference)?.maxAbs ?? NaN;

describe('compareGradients', () => {
  it("gives [2, -4, -2] three ways for the seed's example at [1, -1, 1]", () => {
    const c = compareGradients('theta1^2 + 2*theta2^2 - theta3^2', { theta1: 1, theta2: -1, theta3: 1 });
    expect(c.variables).toEqual(['theta1', 'theta2', 'theta3']);
    expect(c.point).toEqual([1, -1, 1]);
    expect(c.value).toBe(2);
    expect(c.derivatives?.map(toString)).toEqual(['2*theta1', '4*theta2', '-2*theta3']);
    expect(c.gradients.symbolic).toEqual([2, -4, -2]);
    expect(c.gradients.autodiff).toEqual([2, -4, -2]);
    c.gradients.central.forEach((g, i) => expect(g).toBeCloseTo([2, -4, -2][i] as number, 9));
    c.gradients.forward.forEach((g, i) => expect(g).toBeCloseTo([2, -4, -2][i] as number, 6));
    expect(diff(c, 'symbolic', 'autodiff')).toBe(0);
    expect(diff(c, 'central', 'autodiff')).toBeLessThan(1e-9);
    expect(diff(c, 'forward', 'autodiff')).toBeLessThan(1e-6);
    // Forward differences have a first-order truncation error (h/2)·g'' = h·2 for θ2: visible.
    expect(diff(c, 'forward', 'autodiff')).toBeGreaterThan(diff(c, 'central', 'autodiff'));
    expect(diff(c, 'central', 'symbolic')).toBe(diff(c, 'central', 'autodiff'));
  });

  it('takes a function of θ and an array point (no symbolic column then)', () => {
    const f = (t: Tensor): Tensor => t.square().mul(2).sum();
    const c = compareGradients(f, [1, -3]);
    expect(c.variables).toEqual(['theta1', 'theta2']);
    expect(c.gradients.symbolic).toBeNull();
    expect(c.derivatives).toBeNull();
    expect(c.gradients.autodiff).toEqual([4, -12]);
    expect(c.differences.map((d) => `${d.method}-${d.reference}`)).toEqual(['central-autodiff', 'forward-autodiff']);
  });

  it('uses the given steps and variable order', () => {
    const c = compareGradients(parse('x^3 + y'), { x: 1, y: 0 }, { vars: ['y', 'x'], eps: { central: 1e-3, forward: 1e-3 } });
    expect(c.gradients.autodiff).toEqual([1, 3]);
    // Truncation errors of the larger step: h²·g'''/6 = 1e-6 (central), h·g''/2 = 3e-3 (forward).
    expect(diff(c, 'central', 'autodiff')).toBeCloseTo(1e-6, 9);
    expect(diff(c, 'forward', 'autodiff')).toBeCloseTo(3e-3, 5);
  });

  it('rejects bad text and points that miss a variable', () => {
    expect(() => compareGradients('x +', { x: 1 })).toThrow(ParseError);
    expect(() => compareGradients('x + y', { x: 1 })).toThrow(ValueError);
    expect(() => compareGradients('x + y', [1])).toThrow(ShapeError);
  });

  it('numerical gradients stay within their expected error of autodiff, which matches symbolic (property)', () => {
    const exprs = [parse('log((x + 2*y)^2)'), parse('exp(x)*sigmoid(y) + tanh(x*y)^2'), parse('sigmoid(x)^3 - exp(-y^2)')];
    fc.assert(
      fc.property(fc.oneof(fc.constantFrom(...exprs), smoothExpr), smallPoint, (e, p) => {
        const c = compareGradients(e, p, { vars: ['x', 'y'] });
        const scale = Math.max(1, ...c.gradients.autodiff.map(Math.abs), Math.abs(c.value));
        fc.pre(Number.isFinite(scale) && scale < 1e4 && Math.abs(p.x + 2 * p.y) > 0.1);
        expect(diff(c, 'symbolic', 'autodiff')).toBeLessThanOrEqual(1e-12 * scale);
        expect(diff(c, 'central', 'autodiff')).toBeLessThanOrEqual(1e-6 * scale);
        expect(diff(c, 'forward', 'autodiff')).toBeLessThanOrEqual(1e-4 * scale);
      }),
      { numRuns: 200 },
    );
  });
});
