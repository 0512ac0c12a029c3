import { grad, mean, randNormal, randUniform, rng as makeRng, sum, tensor, ValueError } from '@gradlab/core-tensor';
import type { Rng, Tensor } from '@gradlab/core-tensor';
import { gradCheck } from '@gradlab/core-tensor/testing';
import type { Loss, PredictionKind, TargetKind } from '../loss.ts';

/** A prediction and a target to evaluate a loss on. */
export interface LossInputs {
  prediction: Tensor;
  target: Tensor;
}

/** Options of {@link checkLoss}. */
export interface CheckLossOptions {
  /** The generator of the random inputs (default `rng(0)`). */
  rng?: Rng;
  /** The number of classes for `logits` predictions (default 4). */
  classes?: number;
  /** Your own inputs for a batch shape, when the declared kinds do not describe them. */
  inputs?: (rng: Rng, batchShape: readonly number[]) => LossInputs;
  /** Relative and absolute tolerance of autodiff against central differences (`gradCheck`, default 1e-5). */
  gradientTolerance?: number;
}

/** What {@link checkLoss} verified. */
export interface CheckLossReport {
  /** The loss's id. */
  id: string;
  /** The checks that passed, in order. */
  checks: string[];
}

const PREDICTIONS: readonly PredictionKind[] = ['value', 'score', 'probability', 'logits', 'label'];
const TARGETS: readonly TargetKind[] = ['real', 'binary', 'probability', 'signed', 'class'];

function fail(loss: Loss, check: string, detail: string): never {
  throw new ValueError(`loss '${String(loss.id)}' fails the check "${check}": ${detail}`, { pkg: 'losses', op: 'checkLoss', arg: 'loss' });
}

function randomTarget(r: Rng, kind: TargetKind, shape: readonly number[], classes: number): Tensor {
  const n = shape.reduce((a, b) => a * b, 1);
  const v = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    if (kind === 'real') v[k] = r.normal();
    else if (kind === 'binary') v[k] = k % 2 === 0 ? 1 : 0;
    else if (kind === 'probability') v[k] = r.uniform();
    else if (kind === 'signed') v[k] = k % 2 === 0 ? 1 : -1;
    else v[k] = r.integer(classes);
  }
  return tensor(v, { shape });
}

/** Default inputs for the loss's declared kinds, away from kinks with probability 1. */
function defaultInputs(loss: Loss, r: Rng, batch: readonly number[], classes: number): LossInputs {
  const target = randomTarget(r, loss.target, batch, classes);
  switch (loss.prediction) {
    case 'value':
    case 'score':
      return { prediction: randNormal(r, batch, { std: 2 }), target };
    case 'probability':
      return { prediction: randUniform(r, batch, { low: 0.05, high: 0.95 }), target };
    case 'logits':
      return { prediction: randNormal(r, [...batch, classes], { std: 2 }), target };
    case 'label':
      return { prediction: randomTarget(r, loss.target, batch, classes), target };
  }
}

/** Extreme inputs: probabilities at 0 and 1, everything else at ±1e4. */
function extremeInputs(loss: Loss, base: LossInputs): LossInputs | undefined {
  if (loss.prediction === 'label') return undefined;
  const p = Float64Array.from(base.prediction.data);
  for (let k = 0; k < p.length; k++) p[k] = loss.prediction === 'probability' ? k % 2 : k % 2 === 0 ? 1e4 : -1e4;
  return { prediction: tensor(p, { shape: base.prediction.shape }), target: base.target };
}

function sameValues(a: Tensor, b: Tensor, rtol: number): boolean {
  const x = a.data;
  const y = b.data;
  if (x.length !== y.length) return false;
  for (let k = 0; k < x.length; k++) {
    const u = x[k] as number;
    const v = y[k] as number;
    if (!(Math.abs(u - v) <= rtol * (1 + Math.abs(v)))) return false;
  }
  return true;
}

const shapeText = (s: readonly number[]): string => `[${s.join(', ')}]`;

/**
 * Verifies that an object honours the {@link Loss} contract, the way scikit-learn's
 * `check_estimator` verifies an estimator; run it in your own loss's tests. It checks: the
 * contract's fields and a JSON config; finite per-sample values of the target's shape on random
 * inputs of the declared kinds (batch shapes `[6]` and `[2, 3]`); that `forward` applies the
 * declared reduction to `elementwise`; that it rejects a prediction of the wrong shape; for a
 * differentiable loss, that autodiff matches central finite differences in float64 and that nothing
 * turns into NaN at extreme inputs (±1e4, or probabilities 0 and 1); for a non-differentiable one,
 * that differentiating it throws.
 *
 * @param loss the loss to check
 * @param options `{ rng, classes = 4, inputs, gradientTolerance = 1e-5 }`
 * @returns the list of checks passed
 * @throws ValueError naming the loss, the failed check and what was wrong
 * @example
 * ```ts
 * import { checkLoss } from '@gradlab/losses/testing';
 * expect(checkLoss(myLoss).checks).toContain('gradient matches finite differences');
 * ```
 */
export function checkLoss(loss: Loss, options: CheckLossOptions = {}): CheckLossReport {
  const r = options.rng ?? makeRng(0);
  const classes = options.classes ?? 4;
  const tol = options.gradientTolerance ?? 1e-5;
  const checks: string[] = [];

  const contract = 'contract fields';
  if (typeof loss !== 'object' || loss === null) fail({ id: '?' } as Loss, contract, 'not an object');
  if (typeof loss.id !== 'string' || loss.id === '') fail(loss, contract, 'id must be a non-empty string');
  if (!['mean', 'sum', 'none'].includes(loss.reduction)) fail(loss, contract, `reduction is ${String(loss.reduction)}`);
  if (!PREDICTIONS.includes(loss.prediction)) fail(loss, contract, `prediction kind is ${String(loss.prediction)}`);
  if (!TARGETS.includes(loss.target)) fail(loss, contract, `target kind is ${String(loss.target)}`);
  if (typeof loss.forward !== 'function' || typeof loss.elementwise !== 'function') fail(loss, contract, 'forward and elementwise must be functions');
  if (typeof loss.differentiable !== 'boolean') fail(loss, contract, 'differentiable must be a boolean');
  checks.push(contract);

  const json = JSON.stringify(loss.config);
  if (json === undefined || JSON.stringify(JSON.parse(json)) !== json) fail(loss, 'config is JSON', 'config does not survive JSON.stringify/parse');
  if (loss.config.reduction !== loss.reduction) fail(loss, 'config is JSON', `config.reduction is ${JSON.stringify(loss.config.reduction)}, not ${loss.reduction}`);
  checks.push('config is JSON');

  const make = (batch: readonly number[]): LossInputs => (options.inputs ?? ((g, b) => defaultInputs(loss, g, b, classes)))(r, batch);
  let first: LossInputs | undefined;
  for (const batch of [[6], [2, 3]]) {
    const inputs = make(batch);
    first ??= inputs;
    const { prediction, target } = inputs;
    const per = loss.elementwise(prediction, target);
    if (per.shape.length !== target.shape.length || per.shape.some((d, i) => d !== target.shape[i])) {
      fail(loss, 'per-sample shape', `elementwise gave ${shapeText(per.shape)} for targets ${shapeText(target.shape)}`);
    }
    if (Array.from(per.data).some((v) => !Number.isFinite(v))) fail(loss, 'finite values', `elementwise gave [${Array.from(per.data).join(', ')}]`);
    const out = loss.forward(prediction, target);
    const expected = loss.reduction === 'none' ? per : loss.reduction === 'sum' ? sum(per) : mean(per);
    if (out.shape.length !== expected.shape.length || !sameValues(out, expected, 1e-12)) {
      fail(loss, 'reduction', `forward gave ${out.toString()}, the ${loss.reduction} of elementwise is ${expected.toString()}`);
    }
  }
  checks.push('per-sample shape', 'finite values', 'reduction');

  const base = first as LossInputs;
  const wrong = loss.prediction === 'logits' ? randNormal(r, [7, classes]) : randNormal(r, [7]);
  let rejected = false;
  try {
    loss.forward(wrong, base.target);
  } catch {
    rejected = true;
  }
  if (!rejected) fail(loss, 'rejects mismatched shapes', `forward accepted a prediction of shape ${shapeText(wrong.shape)} for targets ${shapeText(base.target.shape)}`);
  checks.push('rejects mismatched shapes');

  const scalarLoss = (p: Tensor): Tensor => {
    const out = loss.forward(p, base.target);
    return out.rank === 0 ? out : sum(out);
  };
  if (!loss.differentiable) {
    let threw = false;
    try {
      grad(scalarLoss)(base.prediction);
    } catch {
      threw = true;
    }
    if (!threw) fail(loss, 'refuses differentiation', 'it is marked differentiable: false but grad() returned a gradient');
    checks.push('refuses differentiation');
    return { id: loss.id, checks };
  }

  const report = gradCheck(scalarLoss, [base.prediction], { rtol: tol, atol: tol, throwOnFailure: false });
  if (!report.passed) {
    const worst = report.inputs[0]?.worst;
    fail(loss, 'gradient matches finite differences', worst === undefined ? 'the gradient is missing' : `at element ${worst.index} autodiff gives ${worst.analytic}, central differences ${worst.numeric}`);
  }
  checks.push('gradient matches finite differences');

  const extreme = extremeInputs(loss, base);
  if (extreme !== undefined) {
    const f = (p: Tensor): Tensor => {
      const out = loss.forward(p, extreme.target);
      return out.rank === 0 ? out : sum(out);
    };
    const value = f(extreme.prediction).item();
    const g = Array.from(grad(f)(extreme.prediction).data);
    if (Number.isNaN(value) || g.some(Number.isNaN)) {
      fail(loss, 'no NaN at extreme inputs', `value ${value}, gradient [${g.join(', ')}] at prediction ${extreme.prediction.toString()}`);
    }
    checks.push('no NaN at extreme inputs');
  }
  return { id: loss.id, checks };
}
