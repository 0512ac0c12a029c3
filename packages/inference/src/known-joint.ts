import { describeType, requireFunction, requireOptions, ValueError } from '@gradlab/core-tensor';
import { JointTable } from '@gradlab/prob';
import type { Assignment, MultivariateGaussian, Value, Variable } from '@gradlab/prob';

/** A known joint p(x, t): a discrete joint table, or a jointly Gaussian vector. */
export type KnownJoint = JointTable | MultivariateGaussian;

/** Which variable is the target t; every other variable is observed (x). */
export interface TargetOptions {
  /** The target's name in a table (default: the last variable), or its index in a Gaussian (default: the last). */
  target?: string | number;
}

/** A table split into observations x, each with p(x) and the posterior p(t | x). */
export interface PosteriorRows {
  readonly target: Variable;
  readonly observed: readonly Variable[];
  /** p(t). */
  readonly prior: readonly number[];
  readonly rows: readonly {
    readonly x: Assignment;
    readonly px: number;
    /** p(t = values[k] | x); the prior p(t) where p(x) = 0. */
    readonly posterior: readonly number[];
    /** p(x, t = values[k]). */
    readonly joint: readonly number[];
  }[];
}

/**
 * Checks the boundary arguments every inference function shares: the joint (a JointTable or a
 * MultivariateGaussian), the options object (`target` plus `extraKeys`), and, when given, the
 * predictor (a function) and the point loss (a function or a PointLoss object).
 */
export function checkKnownJoint(op: string, joint: unknown, options: unknown, extraKeys: readonly string[] = []): void {
  const isGaussian = joint !== null && typeof joint === 'object' && (joint as { family?: unknown }).family === 'multivariateGaussian';
  if (!(joint instanceof JointTable) && !isGaussian) {
    throw new ValueError('expected a known joint p(x, t)', { pkg: 'inference', op, arg: 'joint', expected: 'a JointTable or a MultivariateGaussian from @gradlab/prob', received: describeType(joint) });
  }
  const o = requireOptions(options as TargetOptions | undefined, { pkg: 'inference', op }, ['target', ...extraKeys]);
  if (o.target !== undefined && typeof o.target !== 'string' && typeof o.target !== 'number') {
    throw new ValueError('target must be a variable name or index', { pkg: 'inference', op, arg: 'options.target', expected: 'a string or an integer', received: describeType(o.target) });
  }
}

/** Checks a predictor argument (hard or soft): a function of x. */
export function checkPredictor(op: string, predictor: unknown): void {
  requireFunction(predictor, { pkg: 'inference', op, arg: 'predictor' });
}

/** Checks a point-loss argument: a function ℓ(t, t̂) or a PointLoss object with `loss`. */
export function checkPointLoss(op: string, loss: unknown): void {
  const ok = typeof loss === 'function' || (loss !== null && typeof loss === 'object' && typeof (loss as { loss?: unknown }).loss === 'function');
  if (!ok) throw new ValueError('expected a point loss', { pkg: 'inference', op, arg: 'loss', expected: 'a function (t, tHat) => number or a PointLoss such as quadraticLoss()', received: describeType(loss) });
}

/** The option keys of the functions that take OptimalHardOptions. */
export const HARD_KEYS: readonly string[] = ['candidates'];

/** True for a JointTable. */
export function isTable(joint: KnownJoint): joint is JointTable {
  return joint instanceof JointTable;
}

/** The name of the target variable of a table. */
export function targetName(joint: JointTable, options: TargetOptions, op: string): string {
  const t = options.target ?? joint.names[joint.names.length - 1];
  if (typeof t !== 'string' || !joint.names.includes(t)) {
    throw new ValueError('unknown target variable', { pkg: 'inference', op, arg: 'options.target', expected: `one of ${joint.names.join(', ')}`, received: t });
  }
  if (joint.names.length < 2) {
    throw new ValueError('the joint needs an observed variable besides the target', { pkg: 'inference', op, arg: 'joint', expected: 'at least 2 variables', received: `${joint.names.length} variable` });
  }
  return t;
}

/** Splits p(x, t) into p(x) and p(t | x) for every value of the observed variables. */
export function posteriorRows(joint: JointTable, options: TargetOptions, op: string): PosteriorRows {
  const t = targetName(joint, options, op);
  const xNames = joint.names.filter((n) => n !== t);
  const ordered = joint.marginal([...xNames, t]);
  const target = ordered.variables[xNames.length] as Variable;
  const observed = ordered.variables.slice(0, xNames.length);
  const k = target.values.length;
  const flat = ordered.probabilities();
  const prior = joint.marginal(t).probabilities();
  const entries = ordered.entries();
  const rows: PosteriorRows['rows'][number][] = [];
  for (let r = 0; r * k < flat.length; r++) {
    const jointRow = flat.slice(r * k, (r + 1) * k);
    const px = jointRow.reduce((s, p) => s + p, 0);
    const full = (entries[r * k] as { assignment: Assignment }).assignment;
    const x = Object.freeze(Object.fromEntries(xNames.map((n) => [n, full[n] as Value])));
    rows.push({ x, px, joint: jointRow, posterior: px > 0 ? jointRow.map((p) => p / px) : prior });
  }
  return { target, observed, prior, rows };
}

/** The lookup key of an observation: its observed values in order. */
export function observationKey(x: Assignment, names: readonly string[]): string {
  return JSON.stringify(names.map((n) => String(x[n])));
}

/** The index of the target in a Gaussian joint, and the observed indices. */
export function gaussianSplit(joint: MultivariateGaussian, options: TargetOptions, op: string): { t: number; xs: number[] } {
  const t = options.target ?? joint.dim - 1;
  if (typeof t !== 'number' || !Number.isInteger(t) || t < 0 || t >= joint.dim) {
    throw new ValueError('the target must be a component index', { pkg: 'inference', op, arg: 'options.target', expected: `an integer in [0, ${joint.dim})`, received: t });
  }
  if (joint.dim < 2) {
    throw new ValueError('the joint needs an observed component besides the target', { pkg: 'inference', op, arg: 'joint', expected: 'dim >= 2', received: `dim ${joint.dim}` });
  }
  return { t, xs: Array.from({ length: joint.dim }, (_v, i) => i).filter((i) => i !== t) };
}
