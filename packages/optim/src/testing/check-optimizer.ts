import { ValueError, tensor } from '@gradlab/core-tensor';
import type { Tensor } from '@gradlab/core-tensor';
import type { Optimizer, OptimizerState, Params } from '../optimizer.ts';
import { paramLeaves } from '../param-tree.ts';

/** Options of {@link checkOptimizer}. */
export interface CheckOptimizerOptions {
  /** How many updates the descent check runs (default 200). */
  steps?: number;
}

/** What {@link checkOptimizer} verified. */
export interface CheckOptimizerReport {
  /** The optimizer's id. */
  id: string;
  /** The checks that passed, in order. */
  checks: string[];
  /** The quadratic's value before and after the descent check. */
  descent: { before: number; after: number };
}

function fail(opt: Optimizer, check: string, detail: string): never {
  throw new ValueError(`optimizer '${String(opt.id)}' fails the check "${check}": ${detail}`, { pkg: 'optim', op: 'checkOptimizer', arg: 'optimizer' });
}

/** The fixed test problem: g(θ) = ½ Σ_i a_i (θ_i − c_i)², convex with minimum 0 at c. */
const CURVATURE = [1, 2, 0.5, 1.5, 1, 0.75];
const CENTRE = [0.5, -1, 2, 0, 1.5, -0.5];

function quadratic(params: { w: Tensor; b: Tensor }): number {
  const v = [...params.w.data, ...params.b.data];
  return v.reduce((s, x, i) => s + 0.5 * (CURVATURE[i] ?? 1) * (x - (CENTRE[i] ?? 0)) ** 2, 0);
}

function quadraticGrad(params: { w: Tensor; b: Tensor }): { w: Tensor; b: Tensor } {
  const v = [...params.w.data, ...params.b.data].map((x, i) => (CURVATURE[i] ?? 1) * (x - (CENTRE[i] ?? 0)));
  return { w: tensor(v.slice(0, 4), { shape: [2, 2], dtype: params.w.dtype }), b: tensor(v.slice(4), { dtype: params.b.dtype }) };
}

function snapshot(p: Params): string {
  const { leaves, names } = paramLeaves(p, 'checkOptimizer', 'params');
  return JSON.stringify(leaves.map((t, i) => [names[i], t.dtype, t.shape, Array.from(t.data)]));
}

/**
 * Verifies that an object honours the {@link Optimizer} contract, the way scikit-learn's
 * `check_estimator` does for estimators; run it in your own optimizer's tests. It checks: `id` and
 * a JSON `config`; `init` gives step 0 and JSON state; `step` keeps the parameters' structure
 * (records and arrays), shapes and dtypes (float32 too), advances the step count, returns finite
 * values, mutates none of its inputs, and is deterministic; a state saved with `JSON.stringify` and
 * restored resumes identically; gradients of the wrong shape are refused; and `steps` updates on
 * a convex quadratic with its own learning rate lower the objective.
 *
 * @param optimizer the optimizer to check (configured with a learning rate that descends)
 * @param options `{ steps = 200 }`
 * @returns the checks passed and the quadratic's value before and after
 * @throws ValueError naming the optimizer, the failed check and what was wrong
 * @example
 * ```ts
 * import { checkOptimizer } from '@gradlab/optim/testing';
 * expect(checkOptimizer(myOptimizer).descent.after).toBeLessThan(1e-3);
 * ```
 */
export function checkOptimizer(optimizer: Optimizer, options: CheckOptimizerOptions = {}): CheckOptimizerReport {
  const steps = options.steps ?? 200;
  const checks: string[] = [];
  const opt = optimizer;
  if (typeof opt !== 'object' || opt === null) fail({ id: '?' } as Optimizer, 'contract fields', 'not an object');
  if (typeof opt.id !== 'string' || opt.id === '') fail(opt, 'contract fields', 'id must be a non-empty string');
  if (typeof opt.init !== 'function' || typeof opt.step !== 'function') fail(opt, 'contract fields', 'init and step must be functions');
  const config = JSON.stringify(opt.config);
  if (config === undefined || JSON.stringify(JSON.parse(config)) !== config) fail(opt, 'config is JSON', 'config does not survive JSON.stringify/parse');
  checks.push('contract fields', 'config is JSON');

  const params = { w: tensor([[0, 0.5], [1, -1]]), b: tensor([2, 0]) };
  const state0 = opt.init(params);
  if (state0.step !== 0) fail(opt, 'init', `init gave step ${state0.step}, expected 0`);
  const saved = JSON.stringify(state0);
  if (saved === undefined || JSON.stringify(JSON.parse(saved)) !== saved) fail(opt, 'state is JSON', 'init state does not survive JSON.stringify/parse');
  checks.push('init', 'state is JSON');

  const grads = quadraticGrad(params);
  const before = { p: snapshot(params), g: snapshot(grads), s: JSON.stringify(state0) };
  const r1 = opt.step(params, grads, state0);
  if (snapshot(params) !== before.p || snapshot(grads) !== before.g || JSON.stringify(state0) !== before.s) {
    fail(opt, 'pure step', 'step mutated its parameters, gradients or state');
  }
  checks.push('pure step');

  const out = r1.params as unknown as { w?: Tensor; b?: Tensor };
  const keys = Object.keys(out).sort().join(',');
  if (keys !== 'b,w' || out.w === undefined || out.b === undefined) fail(opt, 'keeps structure', `a record { w, b } came back with keys [${keys}]`);
  for (const [name, t, like] of [['w', out.w, params.w], ['b', out.b, params.b]] as const) {
    if (t.dtype !== like.dtype || t.shape.join(',') !== like.shape.join(',')) {
      fail(opt, 'keeps structure', `${name} came back as ${t.dtype} [${t.shape.join(', ')}], was ${like.dtype} [${like.shape.join(', ')}]`);
    }
    if (Array.from(t.data).some((v) => !Number.isFinite(v))) fail(opt, 'finite values', `${name} = ${t.toString()}`);
  }
  if (r1.state.step !== 1) fail(opt, 'counts steps', `state.step is ${r1.state.step} after one step`);
  const asArray = opt.step([params.w, params.b], [grads.w, grads.b], opt.init([params.w, params.b]));
  if (!Array.isArray(asArray.params) || asArray.params.length !== 2) fail(opt, 'keeps structure', 'an array of two tensors did not come back as an array of two');
  const f32 = { w: params.w.astype('float32'), b: params.b.astype('float32') };
  const r32 = opt.step(f32, quadraticGrad(f32), opt.init(f32)).params;
  if (r32.w.dtype !== 'float32' || r32.b.dtype !== 'float32') fail(opt, 'keeps structure', `float32 parameters came back as ${r32.w.dtype}, ${r32.b.dtype}`);
  checks.push('keeps structure', 'finite values', 'counts steps');

  const again = opt.step(params, grads, state0);
  if (snapshot(again.params) !== snapshot(r1.params) || JSON.stringify(again.state) !== JSON.stringify(r1.state)) {
    fail(opt, 'deterministic', 'the same step gave different results');
  }
  checks.push('deterministic');

  const g1 = quadraticGrad(r1.params);
  const live = opt.step(r1.params, g1, r1.state);
  const restored = opt.step(r1.params, g1, JSON.parse(JSON.stringify(r1.state)) as OptimizerState);
  if (snapshot(live.params) !== snapshot(restored.params) || JSON.stringify(live.state) !== JSON.stringify(restored.state)) {
    fail(opt, 'resumes from saved state', 'a state restored from JSON gave a different step than the live one');
  }
  checks.push('resumes from saved state');

  let refused = false;
  try {
    opt.step(params, { w: tensor([1, 2, 3]), b: grads.b }, state0);
  } catch {
    refused = true;
  }
  if (!refused) fail(opt, 'refuses mismatched gradients', 'a gradient of shape [3] for a parameter of shape [2, 2] was accepted');
  checks.push('refuses mismatched gradients');

  let p: { w: Tensor; b: Tensor } = params;
  let s = opt.init(p);
  const start = quadratic(p);
  for (let i = 0; i < steps; i++) ({ params: p, state: s } = opt.step(p, quadraticGrad(p), s));
  const end = quadratic(p);
  if (!(end < start)) fail(opt, 'descends', `${steps} steps on a convex quadratic went from ${start} to ${end}`);
  checks.push('descends');
  return { id: opt.id, checks, descent: { before: start, after: end } };
}
