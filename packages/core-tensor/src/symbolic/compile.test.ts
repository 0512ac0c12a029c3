import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ShapeError, ValueError } from '../errors.ts';
import { grad, scalar, tensor } from '../index.ts';
import type { Tensor } from '../index.ts';
import { smoothExpr, smallPoint } from './arbitraries.test-helpers.ts';
import { compile } from './compile.ts';
import { gradient } from './differentiate.ts';
import { evaluate } from './evaluate.ts';
import { parse } from './parse.ts';

const f64 = (values: number[]): Tensor => tensor(values, { dtype: 'float64' });

describe('compile', () => {
  it("computes the seed's example and its gradient [2, -4, -2] by autodiff", () => {
    const g = compile(parse('theta1^2 + 2*theta2^2 - theta3^2'));
    expect(g.variables).toEqual(['theta1', 'theta2', 'theta3']);
    const theta = f64([1, -1, 1]);
    expect(g(theta).item()).toBe(2);
    expect(g(theta).dtype).toBe('float64');
    expect(grad(g)(theta).toArray()).toEqual([2, -4, -2]);
  });

  it('takes a record of scalars, and gives gradients by name', () => {
    const g = compile(parse('x*y + sin(x)'));
    const p = { x: scalar(0.5, { dtype: 'float64' }), y: scalar(2, { dtype: 'float64' }) };
    const d = grad((r: typeof p) => g(r))(p);
    expect(d.x.item()).toBeCloseTo(2 + Math.cos(0.5), 14);
    expect(d.y.item()).toBe(0.5);
    expect(g({ x: 1, y: 3 }).item()).toBeCloseTo(3 + Math.sin(1), 14);
  });

  it('compiles every function, with relu, abs and step differentiated as the symbolic rules say', () => {
    const e = parse('exp(x) + log(y) + sqrt(y) + cos(x) + tanh(x) + sigmoid(y) + relu(x) + abs(x) + step(x) + sign(y) + 2^x');
    const g = compile(e, ['x', 'y']);
    const at = { x: -0.7, y: 1.3 };
    expect(g(f64([at.x, at.y])).item()).toBeCloseTo(evaluate(e, at), 13);
    const auto = grad(g)(f64([at.x, at.y])).toArray() as number[];
    const symbolic = gradient(e, ['x', 'y']).map((d) => evaluate(d, at));
    for (let i = 0; i < 2; i++) expect(Math.abs((auto[i] as number) - (symbolic[i] as number))).toBeLessThan(1e-12);
  });

  it('returns a tensor for a constant expression', () => {
    const g = compile(parse('2 + 3'), ['x']);
    expect(g(f64([1])).item()).toBe(5);
    expect(grad(g)(f64([1])).toArray()).toEqual([0]);
  });

  it('rejects a θ of the wrong shape, a missing variable, and vars that miss a variable', () => {
    const g = compile(parse('x + y'));
    expect(() => g(f64([1, 2, 3]))).toThrow(ShapeError);
    expect(() => g({ x: 1 })).toThrow(/no value for variable 'y'/);
    expect(() => compile(parse('x + y'), ['x'])).toThrow(ValueError);
  });

  it('agrees with the symbolic gradient to 1e-12 in float64 (property)', () => {
    const seeds = [parse('log((x + 2*y)^2)'), parse('exp(x)*sigmoid(y) - tanh(x*y)^3'), parse('sigmoid(x^2 - y)/(1 + exp(y))')];
    const check = (e: ReturnType<typeof parse>, p: { x: number; y: number }): void => {
      const auto = grad(compile(e, ['x', 'y']))(f64([p.x, p.y])).toArray() as number[];
      const symbolic = gradient(e, ['x', 'y']).map((d) => evaluate(d, p));
      for (let i = 0; i < 2; i++) {
        const s = symbolic[i] as number;
        // Away from singularities (x + 2y = 0 for the logarithm), where both overflow.
        fc.pre(Number.isFinite(s) && Math.abs(s) < 1e6);
        expect(Math.abs((auto[i] as number) - s)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(s)));
      }
    };
    fc.assert(fc.property(fc.constantFrom(...seeds), smallPoint, (e, p) => check(e, p)), { numRuns: 200 });
    fc.assert(fc.property(smoothExpr, smallPoint, (e, p) => check(e, p)), { numRuns: 300 });
  });
});
