import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { smoothExpr, smallPoint } from './arbitraries.test-helpers.ts';
import { differentiate, gradient } from './differentiate.ts';
import { evaluate } from './evaluate.ts';
import { parse } from './parse.ts';
import { toString } from './to-string.ts';

const d = (text: string, x: string): string => toString(differentiate(parse(text), x));

describe('differentiate', () => {
  it("gives the seed's gradient [2, -4, -2] of theta1^2 + 2*theta2^2 - theta3^2 at [1, -1, 1]", () => {
    const g = parse('theta1^2 + 2*theta2^2 - theta3^2');
    const grad = gradient(g);
    expect(grad.map(toString)).toEqual(['2*theta1', '4*theta2', '-2*theta3']);
    expect(grad.map((e) => evaluate(e, { theta1: 1, theta2: -1, theta3: 1 }))).toEqual([2, -4, -2]);
  });

  it('differentiates log((x1 + 2*x2)^2) by the chain rule', () => {
    expect(gradient(parse('log((x1 + 2*x2)^2)')).map(toString)).toEqual(['2/(x1 + 2*x2)', '4/(x1 + 2*x2)']);
  });

  it('knows the derivative of every elementary function', () => {
    expect(d('exp(x)', 'x')).toBe('exp(x)');
    expect(d('log(x)', 'x')).toBe('1/x');
    expect(d('sqrt(x)', 'x')).toBe('1/(2*sqrt(x))');
    expect(d('sin(x)', 'x')).toBe('cos(x)');
    expect(d('cos(x)', 'x')).toBe('-sin(x)');
    expect(d('tanh(x)', 'x')).toBe('1 - tanh(x)^2');
    expect(d('sigmoid(x)', 'x')).toBe('sigmoid(x)*(1 - sigmoid(x))');
    expect(d('relu(x)', 'x')).toBe('step(x)');
    expect(d('abs(x)', 'x')).toBe('sign(x)');
    expect(d('step(x)', 'x')).toBe('0');
    expect(d('sign(x)', 'x')).toBe('0');
  });

  it('applies the product, quotient and power rules', () => {
    expect(d('x*y', 'x')).toBe('y');
    expect(d('x/y', 'y')).toBe('-x/y^2');
    expect(d('x^3', 'x')).toBe('3*x^2');
    expect(d('2^x', 'x')).toBe('2^x*log(2)');
    expect(d('x^x', 'x')).toBe('x^x*(log(x) + 1)');
  });

  it('gives 0 for a variable that does not occur, and keeps the raw rules on request', () => {
    expect(d('x^2', 'z')).toBe('0');
    expect(toString(differentiate(parse('x^2'), 'x', { simplify: false }))).toBe('2*x^(2 - 1)*1');
  });

  it('orders the gradient by the variables given', () => {
    expect(gradient(parse('x*y^2'), ['y', 'x']).map(toString)).toEqual(['2*x*y', 'y^2']);
  });

  it('agrees with central differences (property)', () => {
    const h = 1e-5;
    fc.assert(
      fc.property(smoothExpr, smallPoint, fc.constantFrom('x', 'y'), (e, p, v) => {
        const f = (t: number): number => evaluate(e, { ...p, [v]: t });
        const numeric = (f(p[v] + h) - f(p[v] - h)) / (2 * h);
        const symbolic = evaluate(differentiate(e, v), p);
        expect(Math.abs(symbolic - numeric)).toBeLessThanOrEqual(1e-5 * (1 + Math.abs(symbolic) + Math.abs(f(p[v]))));
      }),
      { numRuns: 300 },
    );
  });
});
