import type { LinearClassifier, LinearRegressor } from '@gradlab/models-linear';
import type { OnnxExportContext } from './onnx-graph.ts';

/** A fitted model of `@gradlab/models-linear`: a regressor (`intercept` a number) or a classifier. */
export type LinearModel = LinearRegressor | LinearClassifier;

/** Whether `m` looks like a fitted linear model of `@gradlab/models-linear` (duck-typed on `coef`/`intercept`). */
export function isLinearModel(m: unknown): m is LinearModel {
  if (typeof m !== 'object' || m === null) return false;
  const o = m as { coef?: unknown; intercept?: unknown };
  return o.coef instanceof Float64Array && (typeof o.intercept === 'number' || o.intercept instanceof Float64Array);
}

/** The number of input features of a fitted linear model. */
export function linearModelFeatures(m: LinearModel): number {
  const k = typeof m.intercept === 'number' ? 1 : m.intercept.length;
  return k === 0 ? 0 : m.coef.length / k;
}

/**
 * The graph of a linear model on `x: [batch, D]`:
 * - a regressor (linear, ridge, LASSO): `predict`, t̂ = x w + b, `[batch]`;
 * - logistic regression: `predictProba`, `[batch, 2]` = [1 − σ(s), σ(s)];
 * - softmax regression: `predictProba`, `[batch, C]` = softmax(x Wᵀ + b);
 * - any other linear classifier (perceptron): `decisionFunction`, `[batch, 1 or C]`.
 */
export function exportLinearModel(m: LinearModel, input: string, ctx: OnnxExportContext): string {
  const d = linearModelFeatures(m);
  if (typeof m.intercept === 'number') {
    const w = ctx.parameter('coef', { data: m.coef, shape: [d] });
    const b = ctx.parameter('intercept', { data: [m.intercept], shape: [] });
    return ctx.op('Add', [ctx.op('MatMul', [input, w]), b]);
  }
  const k = m.intercept.length;
  const w = ctx.parameter('coef', { data: m.coef, shape: [k, d] });
  const b = ctx.parameter('intercept', { data: m.intercept, shape: [k] });
  const s = ctx.op('Gemm', [input, w, b], { transB: { type: 'int', value: 1 } });
  if (!('predictProba' in m)) return s;
  if (k > 1) return ctx.op('Softmax', [s], { axis: { type: 'int', value: -1 } });
  const p = ctx.op('Sigmoid', [s]);
  const one = ctx.constant('one', { data: [1], shape: [] });
  return ctx.op('Concat', [ctx.op('Sub', [one, p]), p], { axis: { type: 'int', value: 1 } });
}
