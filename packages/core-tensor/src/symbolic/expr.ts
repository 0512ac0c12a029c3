/**
 * The expression tree of `@gradlab/core-tensor/symbolic`: scalar functions of named variables.
 *
 * Nodes are plain frozen objects discriminated by `kind`, so a `switch` on `kind` is exhaustive
 * and an expression can be logged, compared or serialised as it is. Subtraction, division and
 * negation are nodes of their own (not sugar for `+` and `*`) so that what was parsed prints back
 * the way it was written.
 */

/**
 * The elementary functions an expression may call, by the name used in text.
 * @example
 * FUNCTION_NAMES.includes('sigmoid'); // true
 */
export const FUNCTION_NAMES = [
  'exp',
  'log',
  'sqrt',
  'sin',
  'cos',
  'tanh',
  'sigmoid',
  'relu',
  'abs',
  'step',
  'sign',
] as const;

/**
 * An elementary function: `step(x)` is 1 for x > 0 and 0 otherwise (the derivative of `relu`),
 * `sign(x)` is −1, 0 or 1 (the derivative of `abs`).
 */
export type FunctionName = (typeof FUNCTION_NAMES)[number];

/** The binary operators, by their node kind. */
export type BinaryKind = 'add' | 'sub' | 'mul' | 'div' | 'pow';

/** A number literal (finite or not; `simplify` never folds into a non-finite one). */
export interface Num {
  readonly kind: 'num';
  readonly value: number;
}

/** A named variable such as `theta1` or `x_2`. */
export interface Var {
  readonly kind: 'var';
  readonly name: string;
}

/** Unary minus: `-arg`. */
export interface Neg {
  readonly kind: 'neg';
  readonly arg: Expr;
}

/** A binary operation `left op right`; `pow` is `left^right`. */
export interface Binary {
  readonly kind: BinaryKind;
  readonly left: Expr;
  readonly right: Expr;
}

/** A call of an elementary function: `fn(arg)`. */
export interface Call {
  readonly kind: 'call';
  readonly fn: FunctionName;
  readonly arg: Expr;
}

/** A scalar expression: an immutable tree of numbers, variables, operators and function calls. */
export type Expr = Num | Var | Neg | Binary | Call;

/**
 * Whether `name` is one of the {@link FUNCTION_NAMES}.
 * @param name any string
 * @returns true for `exp`, `log`, ..., `sign`
 * @example
 * isFunctionName('tanh'); // true
 */
export function isFunctionName(name: string): name is FunctionName {
  return (FUNCTION_NAMES as readonly string[]).includes(name);
}

/** Whether `e` is a number literal, optionally with the given value. */
export function isNum(e: Expr, value?: number): e is Num {
  return e.kind === 'num' && (value === undefined || e.value === value);
}

/** Whether `e` is a binary node. */
export function isBinary(e: Expr): e is Binary {
  return e.kind === 'add' || e.kind === 'sub' || e.kind === 'mul' || e.kind === 'div' || e.kind === 'pow';
}

/**
 * Structural equality: the same tree with the same numbers (compared with `Object.is`, so
 * `0` and `-0` differ and `NaN` equals `NaN`). Equal values need not be equal trees:
 * `x + y` and `y + x` are not.
 * @param a an expression
 * @param b another
 * @returns whether they are the same tree
 * @example
 * exprEquals(parse('x + 1'), sym.add(sym.variable('x'), 1));     // true
 */
export function exprEquals(a: Expr, b: Expr): boolean {
  if (a === b) return true;
  switch (a.kind) {
    case 'num':
      return b.kind === 'num' && Object.is(a.value, b.value);
    case 'var':
      return b.kind === 'var' && a.name === b.name;
    case 'neg':
      return b.kind === 'neg' && exprEquals(a.arg, b.arg);
    case 'call':
      return b.kind === 'call' && a.fn === b.fn && exprEquals(a.arg, b.arg);
    default:
      return b.kind === a.kind && isBinary(b) && exprEquals(a.left, b.left) && exprEquals(a.right, b.right);
  }
}
