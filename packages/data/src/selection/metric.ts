import { requireObject, ValueError } from '@gradlab/core-tensor';
import type { Matrix } from '../matrix.ts';
import { accuracy } from '../metrics/accuracy.ts';
import { f1Score } from '../metrics/f1-score.ts';
import { logLoss } from '../metrics/log-loss.ts';
import { meanAbsoluteError } from '../metrics/mean-absolute-error.ts';
import { meanSquaredError } from '../metrics/mean-squared-error.ts';
import { precision } from '../metrics/precision.ts';
import { r2Score } from '../metrics/r2-score.ts';
import { recall } from '../metrics/recall.ts';
import { rocAuc } from '../metrics/roc-auc.ts';
import { zeroOneError } from '../metrics/zero-one-error.ts';

/** A score of predictions against targets, as model selection uses it. */
export interface Metric {
  /** The name used in tables and on the command line, e.g. `mse`. */
  readonly name: string;
  /** What it reads from the estimator: `predict` outputs `[N, 1]`, or `predictProba` outputs `[N, C]`. */
  readonly input: 'prediction' | 'probability';
  /** `true` for losses (MSE, 0-1 error), `false` for scores (R², accuracy). */
  readonly lowerIsBetter: boolean;
  /**
   * @param t targets `[N]`
   * @param y predictions `[N, 1]` or class probabilities `[N, C]`
   * @returns the metric value
   */
  readonly evaluate: (t: Float64Array, y: Matrix) => number;
}

/**
 * Makes a {@link Metric} (frozen) after checking its fields; use it for a metric of your own.
 * @param spec name, input, lowerIsBetter and evaluate
 * @returns the frozen metric
 * @throws ValueError when the name is empty or `input` is not `prediction` or `probability`
 * @example
 * const maxError = defineMetric({ name: 'max', input: 'prediction', lowerIsBetter: true,
 *   evaluate: (t, y) => Math.max(...t.map((v, i) => Math.abs(v - (y.data[i] ?? 0)))) });
 */
export function defineMetric(spec: Metric): Metric {
  requireObject(spec, { pkg: 'data', op: 'defineMetric', arg: 'spec' });
  if (typeof spec.name !== 'string' || spec.name.length === 0) {
    throw new ValueError('a metric needs a name', { pkg: 'data', op: 'defineMetric', arg: 'spec.name', expected: 'a non-empty string', received: spec.name });
  }
  if (spec.input !== 'prediction' && spec.input !== 'probability') {
    throw new ValueError('unknown metric input', { pkg: 'data', op: 'defineMetric', arg: 'spec.input', expected: "'prediction' or 'probability'", received: spec.input });
  }
  return Object.freeze({ name: spec.name, input: spec.input, lowerIsBetter: spec.lowerIsBetter, evaluate: spec.evaluate });
}

/** The probability of class 1 from `[N, 2]` (column 1) or `[N, 1]` probabilities. */
function positiveColumn(q: Matrix): Float64Array {
  const [n, c] = q.shape;
  if (c === 1) return q.data;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = q.data[i * c + 1] as number;
  return out;
}

/** The metrics that can be named by a string (CLI flags, config); frozen. */
export const builtinMetrics = Object.freeze({
  mse: defineMetric({ name: 'mse', input: 'prediction', lowerIsBetter: true, evaluate: (t, y) => meanSquaredError(t, y) }),
  mae: defineMetric({ name: 'mae', input: 'prediction', lowerIsBetter: true, evaluate: (t, y) => meanAbsoluteError(t, y) }),
  r2: defineMetric({ name: 'r2', input: 'prediction', lowerIsBetter: false, evaluate: (t, y) => r2Score(t, y) }),
  accuracy: defineMetric({ name: 'accuracy', input: 'prediction', lowerIsBetter: false, evaluate: (t, y) => accuracy(t, y) }),
  zeroOne: defineMetric({ name: 'zeroOne', input: 'prediction', lowerIsBetter: true, evaluate: (t, y) => zeroOneError(t, y) }),
  precision: defineMetric({ name: 'precision', input: 'prediction', lowerIsBetter: false, evaluate: (t, y) => precision(t, y) }),
  recall: defineMetric({ name: 'recall', input: 'prediction', lowerIsBetter: false, evaluate: (t, y) => recall(t, y) }),
  f1: defineMetric({ name: 'f1', input: 'prediction', lowerIsBetter: false, evaluate: (t, y) => f1Score(t, y) }),
  f1Macro: defineMetric({ name: 'f1Macro', input: 'prediction', lowerIsBetter: false, evaluate: (t, y) => f1Score(t, y, { average: 'macro' }) }),
  logLoss: defineMetric({ name: 'logLoss', input: 'probability', lowerIsBetter: true, evaluate: (t, q) => logLoss(t, q) }),
  rocAuc: defineMetric({ name: 'rocAuc', input: 'probability', lowerIsBetter: false, evaluate: (t, q) => rocAuc(t, positiveColumn(q)) }),
} satisfies Record<string, Metric>);

/** The name of a built-in metric. */
export type BuiltinMetricName = keyof typeof builtinMetrics;

/**
 * Resolves a metric given by name (from `metrics`, default {@link builtinMetrics}) or as an object.
 * @param metric a `Metric` or the name of one
 * @param metrics the map names are looked up in; extend `builtinMetrics` to add your own names
 * @returns the metric
 * @throws ValueError when the name is unknown
 * @example
 * resolveMetric('mse').lowerIsBetter; // true
 */
export function resolveMetric(metric: Metric | string, metrics: Readonly<Record<string, Metric>> = builtinMetrics): Metric {
  if (typeof metric !== 'string') return defineMetric(metric);
  requireObject(metrics, { pkg: 'data', op: 'resolveMetric', arg: 'metrics' });
  if (typeof metric !== 'string') return metric;
  const found = Object.prototype.hasOwnProperty.call(metrics, metric) ? metrics[metric] : undefined;
  if (found === undefined) {
    throw new ValueError('unknown metric', { pkg: 'data', op: 'resolveMetric', arg: 'metric', expected: `one of ${Object.keys(metrics).join(', ')}`, received: metric });
  }
  return found;
}
