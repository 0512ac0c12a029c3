import { describe, expect, it } from 'vitest';
import { ValueError } from '../errors.ts';
import { evaluate } from './evaluate.ts';
import { parse } from './parse.ts';
import { variables } from './variables.ts';

describe('evaluate', () => {
  it("evaluates the seed's example at [1, -1, 1]", () => {
    expect(evaluate(parse('theta1^2 + 2*theta2^2 - theta3^2'), { theta1: 1, theta2: -1, theta3: 1 })).toBe(2);
  });

  it('accepts a Map and ignores extra names', () => {
    expect(evaluate(parse('x*y'), new Map([['x', 3], ['y', 4], ['z', 5]]))).toBe(12);
  });

  it('evaluates every function, with relu, step and sign at 0 as autodiff takes them', () => {
    const at = (text: string, x: number): number => evaluate(parse(text), { x });
    expect(at('exp(x)', 1)).toBeCloseTo(Math.E, 15);
    expect(at('log(x)', Math.E)).toBeCloseTo(1, 15);
    expect(at('sqrt(x)', 9)).toBe(3);
    expect(at('sigmoid(x)', 0)).toBe(0.5);
    expect(at('sigmoid(x)', -800)).toBe(0);
    expect(at('sigmoid(x)', 800)).toBe(1);
    expect(at('tanh(x)', 0)).toBe(0);
    expect(at('relu(x)', -2)).toBe(0);
    expect(at('relu(x)', 2)).toBe(2);
    expect(at('step(x)', 0)).toBe(0);
    expect(at('sign(x)', 0)).toBe(0);
    expect(at('sign(x)', -3)).toBe(-1);
    expect(at('abs(x)', -3)).toBe(3);
    expect(at('sin(x) + cos(x)', 0)).toBe(1);
  });

  it('follows IEEE arithmetic outside the domain', () => {
    expect(evaluate(parse('log(x)'), { x: -1 })).toBeNaN();
    expect(evaluate(parse('1/x'), { x: 0 })).toBe(Infinity);
  });

  it('names a variable that has no value', () => {
    expect(() => evaluate(parse('x + y'), { x: 1 })).toThrow(ValueError);
    expect(() => evaluate(parse('x + y'), { x: 1 })).toThrow(/no value for variable 'y'.*Hint: pass a value for every variable: x, y/);
  });
});

describe('variables', () => {
  it('lists each name once, in natural order', () => {
    expect(variables(parse('theta10 + theta2*theta1 + theta2 + a'))).toEqual(['a', 'theta1', 'theta2', 'theta10']);
    expect(variables(parse('3 + 4'))).toEqual([]);
  });
});
