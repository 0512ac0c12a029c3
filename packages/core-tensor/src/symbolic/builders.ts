import { ValueError } from '../errors.ts';
import type { Binary, BinaryKind, Call, Expr, FunctionName, Neg, Num, Var } from './expr.ts';
import { isFunctionName } from './expr.ts';

/** An expression, or a number that stands for the literal. */
export type ExprLike = Expr | number;

const IDENTIFIER = /^[\p{L}_][\p{L}\p{N}_]*$/u;

function lift(e: ExprLike): Expr {
  return typeof e === 'number' ? num(e) : e;
}

function num(value: number): Num {
  if (typeof value !== 'number') {
    throw new ValueError('a number literal must be a number', { op: 'sym.num', arg: 'value', expected: 'number', received: typeof value });
  }
  return Object.freeze({ kind: 'num', value });
}

function variable(name: string): Var {
  if (!IDENTIFIER.test(name) || isFunctionName(name)) {
    throw new ValueError('not a valid variable name', {
      op: 'sym.variable',
      arg: 'name',
      expected: 'a letter or _ followed by letters, digits or _, and not a function name',
      received: JSON.stringify(name),
    });
  }
  return Object.freeze({ kind: 'var', name });
}

function binary(kind: BinaryKind, operands: readonly ExprLike[]): Expr {
  if (operands.length < 2) {
    throw new ValueError('needs at least two operands', { op: `sym.${kind}`, arg: 'operands', expected: '>= 2', received: operands.length });
  }
  let acc = lift(operands[0] as ExprLike);
  for (const next of operands.slice(1)) {
    const node: Binary = { kind, left: acc, right: lift(next) };
    acc = Object.freeze(node);
  }
  return acc;
}

function neg(arg: ExprLike): Neg {
  return Object.freeze({ kind: 'neg', arg: lift(arg) });
}

function call(fn: FunctionName, arg: ExprLike): Call {
  if (!isFunctionName(fn)) {
    throw new ValueError('unknown function', { op: 'sym.call', arg: 'fn', expected: 'one of FUNCTION_NAMES', received: String(fn) });
  }
  return Object.freeze({ kind: 'call', fn, arg: lift(arg) });
}

/**
 * Builders for expressions in code; each returns a frozen {@link Expr}. Numbers stand for
 * literals, and `add`, `mul`, `sub` and `div` take two or more operands (folded to the left).
 *
 * @example
 * ```ts
 * import { sym, toString } from '@gradlab/core-tensor/symbolic';
 * const [t1, t2, t3] = ['theta1', 'theta2', 'theta3'].map(sym.variable);
 * const g = sym.sub(sym.add(sym.pow(t1, 2), sym.mul(2, sym.pow(t2, 2))), sym.pow(t3, 2));
 * toString(g); // 'theta1^2 + 2*theta2^2 - theta3^2'
 * ```
 */
export const sym = Object.freeze({
  /**
   * A number literal.
   * @param value the number
   * @returns the literal node
   * @throws ValueError when value is not a number
   */
  num,
  /**
   * A named variable.
   * @param name a letter or `_` followed by letters, digits or `_`; not a function name
   * @returns the variable node
   * @throws ValueError when the name is not a valid identifier
   */
  variable,
  /** `a + b + ...` */
  add: (...operands: ExprLike[]): Expr => binary('add', operands),
  /** `a - b - ...` */
  sub: (...operands: ExprLike[]): Expr => binary('sub', operands),
  /** `a * b * ...` */
  mul: (...operands: ExprLike[]): Expr => binary('mul', operands),
  /** `a / b / ...` */
  div: (...operands: ExprLike[]): Expr => binary('div', operands),
  /** `base ^ exponent` */
  pow: (base: ExprLike, exponent: ExprLike): Expr => binary('pow', [base, exponent]),
  /** `-a` */
  neg,
  /** `fn(arg)` for any of the {@link FunctionName}s. */
  call,
  /** `exp(a)` */
  exp: (a: ExprLike): Call => call('exp', a),
  /** `log(a)`, the natural logarithm. */
  log: (a: ExprLike): Call => call('log', a),
  /** `sqrt(a)` */
  sqrt: (a: ExprLike): Call => call('sqrt', a),
  /** `sin(a)` */
  sin: (a: ExprLike): Call => call('sin', a),
  /** `cos(a)` */
  cos: (a: ExprLike): Call => call('cos', a),
  /** `tanh(a)` */
  tanh: (a: ExprLike): Call => call('tanh', a),
  /** `sigmoid(a)` = 1 / (1 + exp(-a)) */
  sigmoid: (a: ExprLike): Call => call('sigmoid', a),
  /** `relu(a)` = max(0, a) */
  relu: (a: ExprLike): Call => call('relu', a),
  /** `abs(a)` = |a| */
  abs: (a: ExprLike): Call => call('abs', a),
  /** `step(a)`: 1 for a > 0, else 0 (the derivative of relu). */
  step: (a: ExprLike): Call => call('step', a),
  /** `sign(a)`: −1, 0 or 1 (the derivative of abs). */
  sign: (a: ExprLike): Call => call('sign', a),
});
