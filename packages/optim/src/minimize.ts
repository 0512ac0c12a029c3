import { requireFunction, requireObject, requireOptions, valueAndGrad, ValueError } from '@gradlab/core-tensor';
import type { Rng, Tensor } from '@gradlab/core-tensor';
import { DivergenceError } from './divergence-error.ts';
import type { Optimizer, OptimizerState, Params } from './optimizer.ts';
import { gradientNorm } from './gradient-norm.ts';
import { notFiniteAtStart } from './not-finite-at-start.ts';
import type { BatchSizeSchedule, Schedule } from './schedule.ts';

/** Mini-batches for stochastic gradient descent: which samples each update sees. */
export interface MiniBatches {
  /** N, the number of samples; indices run over 0..N−1. */
  size: number;
  /** S^(i): a fixed batch size or a batch-size schedule. */
  batchSize: number | BatchSizeSchedule;
  /** Shuffle every epoch with this generator; without it, samples are taken in order, cyclically. */
  rng?: Rng;
}

/** What `onStep` receives after each evaluation. */
export interface MinimizeStep<P extends Params> {
  /** The number of updates applied so far (0 at the start). */
  step: number;
  /** The objective at `params` (on this update's mini-batch when batched). */
  value: number;
  /** ‖∇g‖ at `params`. */
  gradNorm: number;
  /** The learning rate of the next update, when known. */
  lr: number | undefined;
  /** The current parameters. */
  params: P;
  /** The samples of this evaluation, when batched. */
  batch?: Int32Array;
}

/** Options of {@link minimize}. */
export interface MinimizeOptions<P extends Params> {
  /** The optimizer (`gd`, `sgd`, `adam`, ... or your own). */
  optimizer: Optimizer;
  /** A learning-rate schedule that overrides the optimizer's lr: update i uses `schedule.at(i)`. */
  schedule?: Schedule;
  /** The largest number of updates (default 1000). */
  steps?: number;
  /** Stop when ‖∇g‖ <= tolerance (default 1e-8); full-batch only, 0 to never stop early. */
  tolerance?: number;
  /** A loss above this counts as divergence (default 1e10 · max(1, |g(θ^(0))|)). */
  divergenceThreshold?: number;
  /** Mini-batches: `f` then receives the batch's sample indices as its second argument. */
  batches?: MiniBatches;
  /** The optimizer state to resume from (default `optimizer.init(θ0)`). */
  state?: OptimizerState;
  /** Called after each evaluation; return `false` to stop. */
  onStep?: (info: MinimizeStep<P>) => boolean | undefined | void;
}

/** The result of {@link minimize}. */
export interface MinimizeResult<P extends Params> {
  /** The final parameters. */
  params: P;
  /** The objective there. */
  value: number;
  /** ‖∇g‖ there. */
  gradNorm: number;
  /** The number of updates applied. */
  steps: number;
  /** Why it stopped: the gradient tolerance, the step budget, or `onStep` returning false. */
  reason: 'converged' | 'max-steps' | 'stopped';
  /** `reason === 'converged'`. */
  converged: boolean;
  /** One entry per evaluation: step, value, gradient norm. */
  history: { step: number; value: number; gradNorm: number }[];
  /** The optimizer state, to resume. */
  state: OptimizerState;
}

/** Draws successive mini-batches of indices, epoch after epoch. */
function batchStream(b: MiniBatches): (i: number) => Int32Array {
  const n = b.size;
  if (!Number.isInteger(n) || n < 1) {
    throw new ValueError('the number of samples must be a positive integer', { pkg: 'optim', op: 'minimize', arg: 'batches.size', expected: 'an integer >= 1', received: n });
  }
  let order: ArrayLike<number> = b.rng === undefined ? Int32Array.from({ length: n }, (_, k) => k) : b.rng.permutation(n);
  let pos = 0;
  return (i) => {
    const s = Math.min(n, typeof b.batchSize === 'number' ? b.batchSize : b.batchSize.at(i));
    if (!Number.isInteger(s) || s < 1) {
      throw new ValueError(`Invalid batch size: ${s}`, { pkg: 'optim', op: 'minimize', arg: 'batches.batchSize', expected: 'an integer >= 1', received: s });
    }
    const out = new Int32Array(s);
    for (let k = 0; k < s; k++) {
      if (pos === n) {
        if (b.rng !== undefined) order = b.rng.permutation(n);
        pos = 0;
      }
      out[k] = order[pos++] as number;
    }
    return out;
  };
}

/**
 * Minimises g(θ) from θ^(0) with any {@link Optimizer}: evaluates g and ∇g by autodiff, steps,
 * reports progress through `onStep`, and stops when ‖∇g‖ <= tolerance, after `steps` updates, or
 * when `onStep` returns false. A NaN, infinite or exploding loss throws a {@link DivergenceError}
 * naming the step. With `batches`, each update sees a mini-batch S^(i) (SGD): `f(θ, indices)`.
 *
 * @param f the objective: `(θ) => scalar tensor`, or `(θ, batch) => scalar tensor` with `batches`
 * @param theta0 the starting parameters: a tensor, an array or a record of tensors
 * @param options `{ optimizer, schedule, steps = 1000, tolerance = 1e-8, divergenceThreshold, batches, state, onStep }`
 * @returns the final parameters, value, gradient norm, reason, history and optimizer state
 * @throws DivergenceError when the loss is NaN, infinite or above the threshold
 * @throws ValueError for bad options
 * @example
 * ```ts
 * const g = (t: Tensor) => t.sub(2).square().mul(0.5).add(t.add(1).square().mul(1.5)).sum();
 * minimize(g, tensor([5]), { optimizer: gd({ lr: 0.25 }) }).params.item(); // -0.25
 * ```
 */
/** The rate a schedule gives for update i, refused unless a finite number >= 0 (a schedule is user code). */
function scheduledLr(op: string, schedule: { at(i: number): number }, i: number): number {
  const lr = schedule.at(i);
  if (typeof lr !== 'number' || !Number.isFinite(lr) || lr < 0) {
    throw new ValueError(`Invalid learning rate: ${String(lr)}`, { pkg: 'optim', op, arg: 'options.schedule', expected: `a finite rate >= 0 at update ${i}`, received: lr, hint: 'the schedule returned a negative or non-finite rate' });
  }
  return lr;
}

export function minimize<P extends Params>(f: (params: P, batch?: Int32Array) => Tensor, theta0: P, options: MinimizeOptions<P>): MinimizeResult<P> {
  requireFunction(f, { pkg: 'optim', op: 'minimize', arg: 'f' });
  options = requireOptions(options, { pkg: 'optim', op: 'minimize' }, ['optimizer', 'schedule', 'steps', 'tolerance', 'divergenceThreshold', 'batches', 'state', 'onStep']) as typeof options;
  const op = 'minimize';
  const { optimizer, schedule, onStep } = options;
  if (schedule !== undefined) requireObject(schedule, { pkg: 'optim', op, arg: 'options.schedule' }, ['at']);
  if (onStep !== undefined) requireFunction(onStep, { pkg: 'optim', op, arg: 'options.onStep' });
  const steps = options.steps ?? 1000;
  const tolerance = options.tolerance ?? 1e-8;
  if (!Number.isInteger(steps) || steps < 0) throw new ValueError('steps must be a non-negative integer', { pkg: 'optim', op, arg: 'steps', expected: 'an integer >= 0', received: steps });
  if (!(tolerance >= 0)) throw new ValueError('tolerance must be >= 0', { pkg: 'optim', op, arg: 'tolerance', expected: '>= 0', received: tolerance });
  if (typeof optimizer !== 'object' || optimizer === null || typeof optimizer.step !== 'function') {
    throw new ValueError('expected an Optimizer', { pkg: 'optim', op, arg: 'optimizer', expected: '{ id, init, step }', received: typeof optimizer, hint: 'e.g. gd({ lr: 0.1 }) or adam({ lr: 1e-3 })' });
  }
  const nextBatch = options.batches === undefined ? undefined : batchStream(options.batches);
  let params = theta0;
  let state = options.state ?? optimizer.init(theta0);
  const history: { step: number; value: number; gradNorm: number }[] = [];
  let limit = options.divergenceThreshold ?? Number.POSITIVE_INFINITY;
  const configuredLr = typeof optimizer.config.lr === 'number' ? optimizer.config.lr : undefined;
  for (let k = 0; ; k++) {
    const update = state.step + 1;
    const batch = nextBatch?.(update);
    const [v, g] = valueAndGrad((p: P) => f(p, batch))(params) as unknown as [Tensor, P];
    const value = v.item();
    const gradNorm = gradientNorm(g);
    if (k === 0 && options.divergenceThreshold === undefined) limit = 1e10 * Math.max(1, Math.abs(value));
    const lr = schedule === undefined ? configuredLr : scheduledLr(op, schedule, update);
    if (!Number.isFinite(value) || value > limit || !Number.isFinite(gradNorm)) {
      if (k === 0) throw notFiniteAtStart(op, value, gradNorm);
      throw new DivergenceError(op, k, value, limit, lr, gradNorm);
    }
    history.push({ step: k, value, gradNorm });
    const stop = onStep?.({ step: k, value, gradNorm, lr, params, ...(batch === undefined ? {} : { batch }) }) === false;
    const done = (reason: MinimizeResult<P>['reason']): MinimizeResult<P> => ({ params, value, gradNorm, steps: k, reason, converged: reason === 'converged', history, state });
    if (batch === undefined && gradNorm <= tolerance) return done('converged');
    if (stop) return done('stopped');
    if (k === steps) return done('max-steps');
    ({ params, state } = optimizer.step(params, g, state, schedule === undefined ? {} : { lr: scheduledLr(op, schedule, update) }));
  }
}
