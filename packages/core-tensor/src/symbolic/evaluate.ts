import { ValueError } from '../errors.ts';
import { applyFunction } from './apply-function.ts';
import type { Expr } from './expr.ts';
import { variables } from './variables.ts';

/** Values of the variables: a record by name, or a `Map`. */
export type Point = Readonly<Record<string, number>> | ReadonlyMap<string, number>;

function lookup(point: Point, name: string): number | undefined {
  if (point instanceof Map) return (point as ReadonlyMap<string, number>).get(name);
  const rec = point as Readonly<Record<string, number>>;
  return Object.prototype.hasOwnProperty.call(rec, name) ? rec[name] : undefined;
}

/**
 * Evaluates an expression in float64 at a point. Domain errors follow IEEE arithmetic
 * (`log(-1)` is NaN, `1/0` is Infinity), as the tensor ops do.
 *
 * @param expr the expression
 * @param point a value for every variable of `expr` (extra names are ignored)
 * @returns the value
 * @throws ValueError when a variable has no value, or a value is not a number
 * @example
 * ```ts
 * import { evaluate, parse } from '@gradlab/core-tensor/symbolic';
 * evaluate(parse('theta1^2 + 2*theta2^2 - theta3^2'), { theta1: 1, theta2: -1, theta3: 1 }); // 2
 * ```
 */
export function evaluate(expr: Expr, point: Point): number {
  for (const name of variables(expr)) {
    const v = lookup(point, name);
    if (typeof v !== 'number') {
      throw new ValueError(`no value for variable '${name}'`, {
        op: 'evaluate',
        arg: `point.${name}`,
        expected: 'a number',
        received: v === undefined ? 'nothing' : typeof v,
        hint: `pass a value for every variable: ${variables(expr).join(', ')}`,
      });
    }
  }
  const ev = (e: Expr): number => {
    switch (e.kind) {
      case 'num':
        return e.value;
      case 'var':
        return lookup(point, e.name) as number;
      case 'neg':
        return -ev(e.arg);
      case 'call':
        return applyFunction(e.fn, ev(e.arg));
      case 'add':
        return ev(e.left) + ev(e.right);
      case 'sub':
        return ev(e.left) - ev(e.right);
      case 'mul':
        return ev(e.left) * ev(e.right);
      case 'div':
        return ev(e.left) / ev(e.right);
      case 'pow':
        return Math.pow(ev(e.left), ev(e.right));
    }
  };
  return ev(expr);
}
