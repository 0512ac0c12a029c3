import { describe, expect, it } from 'vitest';
import { sym } from './builders.ts';
import { parse } from './parse.ts';
import { toString } from './to-string.ts';

const x = sym.variable('x');
const y = sym.variable('y');

describe('toString', () => {
  it('prints with the fewest parentheses that keep the structure', () => {
    expect(toString(sym.mul(sym.add(x, 1), sym.pow(x, 2)))).toBe('(x + 1)*x^2');
    expect(toString(sym.sub(x, sym.sub(y, 1)))).toBe('x - (y - 1)');
    expect(toString(sym.sub(sym.sub(x, y), 1))).toBe('x - y - 1');
    expect(toString(sym.div(x, sym.mul(y, 2)))).toBe('x/(y*2)');
    expect(toString(sym.pow(sym.pow(x, 2), 3))).toBe('(x^2)^3');
    expect(toString(sym.pow(x, sym.pow(y, 2)))).toBe('x^y^2');
    expect(toString(sym.pow(-2, x))).toBe('(-2)^x');
    expect(toString(sym.pow(x, -1))).toBe('x^(-1)');
    expect(toString(sym.neg(sym.add(x, y)))).toBe('-(x + y)');
    expect(toString(sym.neg(sym.pow(x, 2)))).toBe('-x^2');
    expect(toString(sym.neg(3))).toBe('-(3)');
    expect(toString(sym.mul(x, sym.neg(y)))).toBe('x*-y');
    expect(toString(sym.num(-0))).toBe('-0');
  });

  it("prints the seed's example as it is usually written", () => {
    const s = 'theta1^2 + 2*theta2^2 - theta3^2';
    expect(toString(parse(s))).toBe(s);
    expect(toString(parse('log( (x1+2*x2) ^ 2 )'))).toBe('log((x1 + 2*x2)^2)');
  });
});
