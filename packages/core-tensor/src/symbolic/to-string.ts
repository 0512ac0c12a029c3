import type { Expr } from './expr.ts';

/** Binding strength of a printed node: parentheses are added only where a weaker node sits. */
const Prec = { Sum: 1, Product: 2, Unary: 3, Power: 4, Atom: 5 } as const;

/** The literal as text: shortest round-trip decimal, `-0` kept. */
export function formatNumber(v: number): string {
  return Object.is(v, -0) ? '-0' : String(v);
}

/** How strongly `e` binds when printed (a negative literal prints with its minus sign). */
export function precedence(e: Expr): number {
  switch (e.kind) {
    case 'add':
    case 'sub':
      return Prec.Sum;
    case 'mul':
    case 'div':
      return Prec.Product;
    case 'neg':
      return Prec.Unary;
    case 'pow':
      return Prec.Power;
    case 'num':
      return e.value < 0 || Object.is(e.value, -0) ? Prec.Unary : Prec.Atom;
    default:
      return Prec.Atom;
  }
}

function wrap(e: Expr, min: number): string {
  const s = toString(e);
  return precedence(e) < min ? `(${s})` : s;
}

/**
 * Prints an expression as plain text with the fewest parentheses that keep its structure, so that
 * `parse(toString(e))` gives back `e` (left-associative `+ - * /`, right-associative `^`).
 *
 * @param expr the expression
 * @returns text such as `theta1^2 + 2*theta2^2 - theta3^2`
 * @example
 * ```ts
 * import { sym, toString } from '@gradlab/core-tensor/symbolic';
 * const x = sym.variable('x');
 * toString(sym.mul(sym.add(x, 1), sym.pow(x, 2))); // '(x + 1)*x^2'
 * ```
 */
export function toString(expr: Expr): string {
  switch (expr.kind) {
    case 'num':
      return formatNumber(expr.value);
    case 'var':
      return expr.name;
    case 'call':
      return `${expr.fn}(${toString(expr.arg)})`;
    case 'neg': {
      // `-3` would read back as the literal −3, so a negated literal keeps its parentheses.
      const inner = expr.arg.kind === 'num' ? `(${toString(expr.arg)})` : wrap(expr.arg, Prec.Power);
      return `-${inner}`;
    }
    case 'add':
      return `${wrap(expr.left, Prec.Sum)} + ${wrap(expr.right, Prec.Product)}`;
    case 'sub':
      return `${wrap(expr.left, Prec.Sum)} - ${wrap(expr.right, Prec.Product)}`;
    case 'mul':
      return `${wrap(expr.left, Prec.Product)}*${wrap(expr.right, Prec.Unary)}`;
    case 'div':
      return `${wrap(expr.left, Prec.Product)}/${wrap(expr.right, Prec.Unary)}`;
    case 'pow':
      return `${wrap(expr.left, Prec.Atom)}^${wrap(expr.right, Prec.Power)}`;
  }
}
