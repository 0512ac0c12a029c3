import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValueError } from '../errors.ts';
import { anyExpr } from './arbitraries.test-helpers.ts';
import { sym } from './builders.ts';
import { exprEquals } from './expr.ts';
import { parse } from './parse.ts';
import { ParseError } from './parse-error.ts';
import { toString } from './to-string.ts';

const x = sym.variable('x');
const y = sym.variable('y');

function parseError(source: string): ParseError {
  try {
    parse(source);
  } catch (e) {
    if (e instanceof ParseError) return e;
    throw e;
  }
  throw new Error(`parse(${JSON.stringify(source)}) did not throw`);
}

describe('parse', () => {
  it("reads the seed's example", () => {
    const t = (n: number) => sym.variable(`theta${n}`);
    const expected = sym.sub(sym.add(sym.pow(t(1), 2), sym.mul(2, sym.pow(t(2), 2))), sym.pow(t(3), 2));
    expect(exprEquals(parse('theta1^2 + 2*theta2^2 - theta3^2'), expected)).toBe(true);
  });

  it('gives * and / precedence over + and -, and ^ over both', () => {
    expect(exprEquals(parse('x + 2*y'), sym.add(x, sym.mul(2, y)))).toBe(true);
    expect(exprEquals(parse('x - y - 1'), sym.sub(sym.sub(x, y), 1))).toBe(true);
    expect(exprEquals(parse('x / y / 2'), sym.div(sym.div(x, y), 2))).toBe(true);
    expect(exprEquals(parse('2*x^3'), sym.mul(2, sym.pow(x, 3)))).toBe(true);
  });

  it('reads ^ (and **) right-associatively', () => {
    expect(exprEquals(parse('x^y^2'), sym.pow(x, sym.pow(y, 2)))).toBe(true);
    expect(exprEquals(parse('x**2'), sym.pow(x, 2))).toBe(true);
  });

  it('binds unary minus below ^ and above *, and reads -3 as a literal', () => {
    expect(exprEquals(parse('-x^2'), sym.neg(sym.pow(x, 2)))).toBe(true);
    expect(exprEquals(parse('-x*y'), sym.mul(sym.neg(x), y))).toBe(true);
    expect(exprEquals(parse('2^-1'), sym.pow(2, -1))).toBe(true);
    expect(exprEquals(parse('-3'), sym.num(-3))).toBe(true);
    expect(exprEquals(parse('-(3)'), sym.neg(3))).toBe(true);
    expect(exprEquals(parse('-3^2'), sym.neg(sym.pow(3, 2)))).toBe(true);
    expect(exprEquals(parse('+x'), x)).toBe(true);
  });

  it('reads numbers with fractions and exponents, and names with digits and underscores', () => {
    expect(exprEquals(parse('.5 + 2.25e-3 + 6E+2 + 7.'), sym.add(0.5, 0.00225, 600, 7))).toBe(true);
    expect(exprEquals(parse('w_1 * θ2'), sym.mul(sym.variable('w_1'), sym.variable('θ2')))).toBe(true);
  });

  it('reads function calls', () => {
    expect(exprEquals(parse('log((x1 + 2*x2)^2)'), sym.log(sym.pow(sym.add(sym.variable('x1'), sym.mul(2, sym.variable('x2'))), 2)))).toBe(true);
    expect(exprEquals(parse('sigmoid(tanh(x))'), sym.sigmoid(sym.tanh(x)))).toBe(true);
  });

  it('returns frozen nodes', () => {
    const e = parse('x + 1');
    expect(Object.isFrozen(e)).toBe(true);
  });

  it.each([
    ['theta1 +', 9, /unexpected end of input at column 9/],
    ['2x', 2, /Hint: products need an explicit \*/],
    ['x y', 3, /unexpected 'y' at column 3/],
    ['foo(x)', 1, /unknown function 'foo' at column 1/],
    ['exp + 1', 4, /'exp' is a function and needs an argument/],
    ['(x + 1', 7, /missing '\)' for the '\(' in column 1 at column 7/],
    ['x $ y', 3, /unexpected character '\$' at column 3/],
    ['x + )', 5, /unexpected '\)' at column 5/],
    ['', 1, /empty expression/],
  ])('rejects %j at column %i', (source, column, message) => {
    const err = parseError(source);
    expect(err).toBeInstanceOf(ValueError);
    expect(err.column).toBe(column);
    expect(err.message).toMatch(message);
    expect(err.message).toContain('[gradlab/core-tensor] parse:');
    expect(err.caret).toBe(`  ${source}\n  ${' '.repeat(column - 1)}^`);
    expect(err.message.endsWith(err.caret)).toBe(true);
  });

  it('rejects a non-string', () => {
    expect(() => parse(42 as unknown as string)).toThrow(ValueError);
  });

  it('parses back what toString prints (property)', () => {
    fc.assert(
      fc.property(anyExpr, (e) => {
        expect(exprEquals(parse(toString(e)), e)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
