import { ValueError } from '../errors.ts';
import { scalar } from '../index.ts';
import type { Tensor } from '../index.ts';
import { compile } from '../symbolic/compile.ts';
import type { Expr } from '../symbolic/expr.ts';
import { variables } from '../symbolic/variables.ts';
import type { ComputationalGraph } from './computational-graph.ts';
import { traceGraph } from './trace-graph.ts';

/**
 * The computational graph of a symbolic expression at a point: each variable is a scalar float64
 * input node named after it, and the expression is compiled to core-tensor ops (`x^2` as
 * `square`), so the graph is the one autodiff walks.
 *
 * @param expr the expression (from `parse` or `sym` in `@gradlab/core-tensor/symbolic`)
 * @param point a value for every variable, by name
 * @param vars the input order (default: the expression's variables, in natural order)
 * @returns the traced graph, with forward values and backward gradients
 * @throws ValueError when a variable has no value
 * @example
 * ```ts
 * import { parse } from '@gradlab/core-tensor/symbolic';
 * import { toMermaid, traceExpression } from '@gradlab/core-tensor/graph';
 * toMermaid(traceExpression(parse('theta1^2 + 2*theta2^2 - theta3^2'), { theta1: 1, theta2: -1, theta3: 1 }));
 * ```
 */
export function traceExpression(expr: Expr, point: Readonly<Record<string, number>>, vars: readonly string[] = variables(expr)): ComputationalGraph {
  const inputs = vars.map((v) => {
    const x = Object.prototype.hasOwnProperty.call(point, v) ? point[v] : undefined;
    if (typeof x !== 'number') {
      throw new ValueError(`no value for variable '${v}'`, { op: 'traceExpression', arg: `point.${v}`, expected: 'a number', received: 'nothing', hint: `pass every variable: ${vars.join(', ')}` });
    }
    return scalar(x, { dtype: 'float64' });
  });
  const f = compile(expr, vars);
  const byName = (xs: readonly Tensor[]): Record<string, Tensor> => Object.fromEntries(vars.map((v, i) => [v, xs[i] as Tensor]));
  return traceGraph((...xs: Tensor[]) => f(byName(xs)), inputs, { names: vars });
}
