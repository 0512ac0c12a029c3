import { describe, expect, it } from 'vitest';
import { differentiate } from './differentiate.ts';
import { parse } from './parse.ts';
import { toLatex } from './to-latex.ts';

const tex = (text: string): string => toLatex(parse(text));

describe('toLatex', () => {
  it("prints the seed's example with Greek letters and subscripts", () => {
    expect(tex('theta1^2 + 2*theta2^2 - theta3^2')).toBe('\\theta_{1}^{2} + 2 \\theta_{2}^{2} - \\theta_{3}^{2}');
  });

  it('prints fractions, functions and products', () => {
    expect(toLatex(differentiate(parse('log((x1 + 2*x2)^2)'), 'x1'))).toBe('\\frac{2}{x_{1} + 2 x_{2}}');
    expect(tex('sqrt(x) * exp(-y)')).toBe('\\sqrt{x} \\cdot \\exp\\left(-y\\right)');
    expect(tex('sigmoid(x)^2')).toBe('\\left(\\sigma\\left(x\\right)\\right)^{2}');
    expect(tex('abs(x - 1)')).toBe('\\left|x - 1\\right|');
    expect(tex('2*3')).toBe('2 \\cdot 3');
    expect(tex('(x + 1)*y')).toBe('\\left(x + 1\\right) \\cdot y');
  });

  it('prints names and numbers', () => {
    expect(tex('w_i + rate + alpha + Omega2')).toBe('w_{i} + \\mathrm{rate} + \\alpha + \\Omega_{2}');
    expect(tex('1e-7 * x')).toBe('1 \\times 10^{-7} x');
  });
});
