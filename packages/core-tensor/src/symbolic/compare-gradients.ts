import { ShapeError, ValueError } from '../errors.ts';
import { grad, numericalGrad, tensor } from '../index.ts';
import type { Tensor } from '../index.ts';
import { compile } from './compile.ts';
import { gradient } from './differentiate.ts';
import type { Point } from './evaluate.ts';
import { evaluate } from './evaluate.ts';
import type { Expr } from './expr.ts';
import { parse } from './parse.ts';
import { variables } from './variables.ts';

/** The three ways to compute a gradient; numerical differentiation comes in two variants. */
export type GradientMethod = 'symbolic' | 'autodiff' | 'central' | 'forward';

/** Options of {@link compareGradients}. */
export interface CompareGradientsOptions {
  /** The variables, in θ's order (default: the expression's own, or theta1..thetaN for a function). */
  vars?: readonly string[];
  /** Step sizes of the finite differences (default: numericalGrad's, about ∛ε and √ε). */
  eps?: { central?: number; forward?: number };
}

/** How far one method's gradient is from another's: the largest absolute difference over θ. */
export interface GradientDifference {
  readonly method: GradientMethod;
  readonly reference: GradientMethod;
  readonly maxAbs: number;
}

/** The gradient of one function at one point, computed every way, and how far apart they are. */
export interface GradientComparison {
  /** The variables, in θ's order. */
  readonly variables: readonly string[];
  /** θ. */
  readonly point: readonly number[];
  /** The function's value at θ. */
  readonly value: number;
  /** The simplified partial derivatives (null when a function, not an expression, was given). */
  readonly derivatives: readonly Expr[] | null;
  /** Each method's gradient (symbolic is null for a function). */
  readonly gradients: {
    readonly symbolic: readonly number[] | null;
    readonly autodiff: readonly number[];
    readonly central: readonly number[];
    readonly forward: readonly number[];
  };
  /** symbolic, central and forward against autodiff; central and forward against symbolic. */
  readonly differences: readonly GradientDifference[];
}

function maxAbsDiff(a: readonly number[], b: readonly number[]): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs((a[i] as number) - (b[i] as number)));
  return m;
}

function pointVector(point: Point | readonly number[], vars: readonly string[]): number[] {
  if (Array.isArray(point)) {
    const values = point as readonly number[];
    if (values.length !== vars.length) {
      throw new ShapeError('the point needs one value per variable', { op: 'compareGradients', arg: 'point', expected: `${vars.length} values (${vars.join(', ')})`, received: `${values.length} values` });
    }
    return [...values];
  }
  const p = point as Point;
  return vars.map((v) => {
    const x = p instanceof Map ? (p as ReadonlyMap<string, number>).get(v) : (p as Readonly<Record<string, number>>)[v];
    if (typeof x !== 'number') {
      throw new ValueError(`no value for variable '${v}'`, { op: 'compareGradients', arg: `point.${v}`, expected: 'a number', received: 'nothing', hint: `pass every variable: ${vars.join(', ')}` });
    }
    return x;
  });
}

/**
 * Computes the gradient of a scalar function at a point in the three ways the course compares —
 * symbolic (the derivative's formula, evaluated), numerical (central and forward finite
 * differences) and automatic (reverse mode) — all in float64, and reports how far apart they are.
 *
 * Finite differences trade truncation against rounding: the forward difference
 * (f(θ + h·eᵢ) − f(θ))/h is off by about (h/2)·|f''| from the Taylor remainder and by about ε·|f|/h
 * from cancellation (ε ≈ 2.2e-16), so its best step is near √ε and its best error near 1e-8; the
 * central difference (f(θ + h·eᵢ) − f(θ − h·eᵢ))/(2h) has truncation error (h²/6)·|f'''|, so its
 * best step is near ∛ε and its best error near 1e-11. Symbolic and automatic differentiation are
 * exact up to rounding, so they agree to about 1e-15 relative.
 *
 * @param target an expression (or its text), or a function of a float64 vector θ returning a scalar
 * @param point θ: values by name, or an array in the order of the variables
 * @param options `vars` (θ's order), `eps` (finite-difference steps)
 * @returns the value, each method's gradient, and the differences between them
 * @throws ParseError for text that does not parse; ValueError or ShapeError for a point that does
 *   not match the variables
 * @example
 * ```ts
 * import { compareGradients } from '@gradlab/core-tensor/symbolic';
 * const c = compareGradients('theta1^2 + 2*theta2^2 - theta3^2', { theta1: 1, theta2: -1, theta3: 1 });
 * c.gradients.autodiff; // [2, -4, -2]
 * c.differences;        // [{ method: 'symbolic', reference: 'autodiff', maxAbs: 0 }, ...]
 * ```
 */
export function compareGradients(
  target: Expr | string | ((theta: Tensor) => Tensor),
  point: Point | readonly number[],
  options: CompareGradientsOptions = {},
): GradientComparison {
  const expr = typeof target === 'string' ? parse(target) : typeof target === 'function' ? undefined : target;
  const fallback = expr === undefined ? (Array.isArray(point) ? (point as readonly number[]).map((_, i) => `theta${i + 1}`) : []) : variables(expr);
  const vars = options.vars ?? fallback;
  const f = expr === undefined ? (target as (theta: Tensor) => Tensor) : compile(expr, vars);
  const theta = pointVector(point, vars);
  const x = tensor(theta, { dtype: 'float64', shape: [theta.length] });
  const value = f(x).item();
  const autodiff = Array.from(grad(f)(x).data);
  const numeric = (method: 'central' | 'forward'): number[] => {
    const eps = options.eps?.[method];
    return Array.from(numericalGrad(f, x, eps === undefined ? { method } : { method, eps }).data);
  };
  const central = numeric('central');
  const forward = numeric('forward');
  let derivatives: Expr[] | null = null;
  let symbolic: number[] | null = null;
  if (expr !== undefined) {
    derivatives = gradient(expr, vars);
    const at = Object.fromEntries(vars.map((v, i) => [v, theta[i] as number]));
    symbolic = derivatives.map((d) => evaluate(d, at));
  }
  const differences: GradientDifference[] = [];
  if (symbolic !== null) differences.push({ method: 'symbolic', reference: 'autodiff', maxAbs: maxAbsDiff(symbolic, autodiff) });
  differences.push({ method: 'central', reference: 'autodiff', maxAbs: maxAbsDiff(central, autodiff) });
  differences.push({ method: 'forward', reference: 'autodiff', maxAbs: maxAbsDiff(forward, autodiff) });
  if (symbolic !== null) {
    differences.push({ method: 'central', reference: 'symbolic', maxAbs: maxAbsDiff(central, symbolic) });
    differences.push({ method: 'forward', reference: 'symbolic', maxAbs: maxAbsDiff(forward, symbolic) });
  }
  return { variables: vars, point: theta, value, derivatives, gradients: { symbolic, autodiff, central, forward }, differences };
}
