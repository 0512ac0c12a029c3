import { ValueError } from '../errors.ts';
import { sym } from './builders.ts';
import type { Call, Expr } from './expr.ts';
import { simplify } from './simplify.ts';
import { dependsOn, variables } from './variables.ts';

/** Options of {@link differentiate} and {@link gradient}. */
export interface DifferentiateOptions {
  /** Simplify the result (default true); false shows the rules as they were applied. */
  simplify?: boolean;
}

/** d/du f(u) for an elementary f, as an expression in u (the chain rule multiplies by u'). */
function outerDerivative(e: Call): Expr {
  const u = e.arg;
  switch (e.fn) {
    case 'exp':
      return e;
    case 'log':
      return sym.div(1, u);
    case 'sqrt':
      return sym.div(1, sym.mul(2, e));
    case 'sin':
      return sym.cos(u);
    case 'cos':
      return sym.neg(sym.sin(u));
    case 'tanh':
      return sym.sub(1, sym.pow(e, 2));
    case 'sigmoid':
      return sym.mul(e, sym.sub(1, e));
    case 'relu':
      return sym.step(u);
    case 'abs':
      return sym.sign(u);
    case 'step':
    case 'sign':
      // Piecewise constant: the derivative is 0 wherever it exists.
      return sym.num(0);
  }
}

function derive(e: Expr, x: string): Expr {
  switch (e.kind) {
    case 'num':
      return sym.num(0);
    case 'var':
      return sym.num(e.name === x ? 1 : 0);
    case 'neg':
      return sym.neg(derive(e.arg, x));
    case 'add':
      return sym.add(derive(e.left, x), derive(e.right, x));
    case 'sub':
      return sym.sub(derive(e.left, x), derive(e.right, x));
    case 'mul':
      // Product rule: (ab)' = a'b + ab'.
      return sym.add(sym.mul(derive(e.left, x), e.right), sym.mul(e.left, derive(e.right, x)));
    case 'div':
      // Quotient rule: (a/b)' = (a'b - ab') / b².
      return sym.div(
        sym.sub(sym.mul(derive(e.left, x), e.right), sym.mul(e.left, derive(e.right, x))),
        sym.pow(e.right, 2),
      );
    case 'pow': {
      const a = e.left;
      const b = e.right;
      if (!dependsOn(b, x)) {
        // Power rule: (a^b)' = b·a^(b-1)·a'.
        return sym.mul(sym.mul(b, sym.pow(a, sym.sub(b, 1))), derive(a, x));
      }
      if (!dependsOn(a, x)) {
        // Exponential: (a^b)' = a^b·log(a)·b'.
        return sym.mul(sym.mul(e, sym.log(a)), derive(b, x));
      }
      // General case, from a^b = exp(b·log a): (a^b)' = a^b·(b'·log a + b·a'/a).
      return sym.mul(e, sym.add(sym.mul(derive(b, x), sym.log(a)), sym.div(sym.mul(b, derive(a, x)), a)));
    }
    case 'call':
      // Chain rule: f(u)' = f'(u)·u'.
      return sym.mul(outerDerivative(e), derive(e.arg, x));
  }
}

/**
 * The partial derivative ∂expr/∂variable, by the rules of calculus (sum, product, quotient,
 * power and chain rules; relu' = step, |u|' = sign(u)), simplified unless asked otherwise.
 *
 * @param expr the expression
 * @param variable the name to differentiate by (need not occur: the result is then 0)
 * @param options `{ simplify: false }` to keep the raw result of the rules
 * @returns the derivative as an expression
 * @throws ValueError when `variable` is not a string
 * @example
 * ```ts
 * import { differentiate, parse, toString } from '@gradlab/core-tensor/symbolic';
 * toString(differentiate(parse('theta1^2 + 2*theta2^2 - theta3^2'), 'theta2')); // '4*theta2'
 * ```
 */
export function differentiate(expr: Expr, variable: string, options: DifferentiateOptions = {}): Expr {
  if (typeof variable !== 'string') {
    throw new ValueError('the variable must be a name', { op: 'differentiate', arg: 'variable', expected: 'string', received: typeof variable });
  }
  const d = derive(expr, variable);
  return options.simplify === false ? d : simplify(d);
}

/**
 * The gradient: one partial derivative per variable, in the order given (by default the
 * expression's own {@link variables}, in natural order).
 *
 * @param expr the expression
 * @param vars the variables, in order
 * @param options as for {@link differentiate}
 * @returns the partial derivatives, `vars.length` of them
 * @example
 * ```ts
 * import { gradient, parse, toString } from '@gradlab/core-tensor/symbolic';
 * gradient(parse('theta1^2 + 2*theta2^2 - theta3^2')).map(toString);
 * // ['2*theta1', '4*theta2', '-2*theta3']
 * ```
 */
export function gradient(expr: Expr, vars: readonly string[] = variables(expr), options: DifferentiateOptions = {}): Expr[] {
  return vars.map((v) => differentiate(expr, v, options));
}
