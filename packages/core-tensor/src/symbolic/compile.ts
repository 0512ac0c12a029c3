import { ShapeError, ValueError } from '../errors.ts';
import { Tensor, add, div, mul, pow, scalar, sub } from '../index.ts';
import { applyFunction } from './apply-function.ts';
import type { Expr, FunctionName } from './expr.ts';
import { variables } from './variables.ts';

/** The arguments a compiled expression takes: a vector θ in the order of its variables, or a record by name. */
export type CompiledInput = Tensor | Readonly<Record<string, Tensor | number>>;

/** An expression compiled to a core-tensor function: returns a scalar tensor, differentiable by `grad`. */
export interface CompiledExpr {
  /** θ as a record of scalar tensors (or numbers) by variable name. */
  (theta: Readonly<Record<string, Tensor | number>>): Tensor;
  /** θ as a float vector, one element per variable (last, so that `grad(f)` sees this form). */
  (theta: Tensor): Tensor;
  /** The variables, in the order of θ's elements. */
  readonly variables: readonly string[];
}

type Value = Tensor | number;

function callTensor(fn: FunctionName, x: Tensor): Tensor {
  switch (fn) {
    case 'exp':
      return x.exp();
    case 'log':
      return x.log();
    case 'sqrt':
      return x.sqrt();
    case 'sin':
      return x.sin();
    case 'cos':
      return x.cos();
    case 'tanh':
      return x.tanh();
    case 'sigmoid':
      return x.sigmoid();
    case 'relu':
      return x.relu();
    case 'abs':
      return x.abs();
    case 'sign':
      return x.sign();
    case 'step':
      // A comparison carries no gradient, which is the derivative of a step almost everywhere.
      return x.greater(0).astype(x.dtype);
  }
}

function build(e: Expr, leaf: (name: string) => Tensor): Value {
  switch (e.kind) {
    case 'num':
      return e.value;
    case 'var':
      return leaf(e.name);
    case 'neg': {
      const a = build(e.arg, leaf);
      return typeof a === 'number' ? -a : a.neg();
    }
    case 'call': {
      const a = build(e.arg, leaf);
      return typeof a === 'number' ? applyFunction(e.fn, a) : callTensor(e.fn, a);
    }
    case 'pow': {
      const a = build(e.left, leaf);
      const b = build(e.right, leaf);
      if (typeof a === 'number' && typeof b === 'number') return Math.pow(a, b);
      // x^2 is the square op, as a computational graph usually draws it.
      if (typeof a !== 'number' && b === 2) return a.square();
      return pow(a, b);
    }
    default: {
      const a = build(e.left, leaf);
      const b = build(e.right, leaf);
      if (typeof a === 'number' && typeof b === 'number') {
        return e.kind === 'add' ? a + b : e.kind === 'sub' ? a - b : e.kind === 'mul' ? a * b : a / b;
      }
      return e.kind === 'add' ? add(a, b) : e.kind === 'sub' ? sub(a, b) : e.kind === 'mul' ? mul(a, b) : div(a, b);
    }
  }
}

function vectorLeaves(theta: Tensor, vars: readonly string[]): (name: string) => Tensor {
  if (theta.rank !== 1 || theta.shape[0] !== vars.length) {
    throw new ShapeError('θ must be a vector with one element per variable', {
      op: 'compile',
      arg: 'theta',
      expected: `shape [${vars.length}] (${vars.join(', ')})`,
      received: `shape [${theta.shape.join(', ')}]`,
    });
  }
  const cache = new Map<string, Tensor>();
  return (name) => {
    let t = cache.get(name);
    if (t === undefined) {
      t = theta.slice([vars.indexOf(name)], [1]).reshape([]);
      cache.set(name, t);
    }
    return t;
  };
}

function recordLeaves(theta: Readonly<Record<string, Tensor | number>>, vars: readonly string[]): (name: string) => Tensor {
  const leaves = new Map<string, Tensor>();
  for (const name of vars) {
    const v = Object.prototype.hasOwnProperty.call(theta, name) ? theta[name] : undefined;
    if (v === undefined) {
      throw new ValueError(`no value for variable '${name}'`, { op: 'compile', arg: `theta.${name}`, expected: 'a Tensor or a number', received: 'nothing', hint: `pass every variable: ${vars.join(', ')}` });
    }
    leaves.set(name, v instanceof Tensor ? v : scalar(v, { dtype: 'float64' }));
  }
  return (name) => leaves.get(name) as Tensor;
}

/**
 * Compiles an expression to a function of core-tensor tensors, so that the same expression can
 * be differentiated automatically (`grad`) and traced into a computational graph. The function
 * takes θ as a float vector (one element per variable, in the order of `vars`) or as a record of
 * scalar tensors by name; it returns a scalar tensor of θ's dtype. `x^2` becomes the `square` op.
 *
 * @param expr the expression
 * @param vars the variables in θ's order (default: the expression's own, in natural order); may
 *   include names the expression does not use
 * @returns the compiled function, with its `variables`
 * @throws ValueError when `expr` uses a variable missing from `vars`; the returned function throws
 *   ShapeError for a θ of the wrong shape and ValueError for a record that lacks a variable
 * @example
 * ```ts
 * import { grad, tensor } from '@gradlab/core-tensor';
 * import { compile, parse } from '@gradlab/core-tensor/symbolic';
 * const g = compile(parse('theta1^2 + 2*theta2^2 - theta3^2'));
 * grad(g)(tensor([1, -1, 1], { dtype: 'float64' })).toArray(); // [2, -4, -2]
 * ```
 */
export function compile(expr: Expr, vars: readonly string[] = variables(expr)): CompiledExpr {
  const missing = variables(expr).filter((v) => !vars.includes(v));
  if (missing.length > 0) {
    throw new ValueError('the expression uses variables that are not in vars', { op: 'compile', arg: 'vars', expected: `to include ${missing.join(', ')}`, received: `[${vars.join(', ')}]` });
  }
  const order = Object.freeze([...vars]);
  const f = (theta: CompiledInput): Tensor => {
    const leaf = theta instanceof Tensor ? vectorLeaves(theta, order) : recordLeaves(theta, order);
    const out = build(expr, leaf);
    if (typeof out !== 'number') return out;
    // A constant expression still returns a tensor, of θ's dtype.
    const dtype = theta instanceof Tensor ? theta.dtype : 'float64';
    return scalar(out, { dtype });
  };
  return Object.assign(f, { variables: order });
}
