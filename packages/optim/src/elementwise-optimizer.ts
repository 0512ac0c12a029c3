import { requireFunction, requireOptions, ShapeError, ValueError } from '@gradlab/core-tensor';
import type { Tensor } from '@gradlab/core-tensor';
import { requireLearningRate } from './hyperparameters.ts';
import { DivergenceError } from './divergence-error.ts';
import type { Optimizer, OptimizerState, Params, StepContext, StepResult } from './optimizer.ts';
import { leafLike, paramLeaves, requireMatchingGrads } from './param-tree.ts';
import type { JsonValue, Schedule } from './schedule.ts';

/** What an element-wise update rule sees for one parameter tensor. */
export interface ElementwiseUpdate {
  /** The parameter's values (float64, row-major); write the new values here. */
  readonly param: Float64Array;
  /** Its gradient (float64, row-major); read only. */
  readonly grad: Float64Array;
  /** The optimizer's buffers for this parameter by slot name, zero at first; update them here. */
  readonly slots: { readonly [slot: string]: Float64Array };
  /** The number of this update, 1 for the first (Adam's bias correction uses it). */
  readonly step: number;
  /** The learning rate of this update (the schedule's γ^(step), or the caller's override). */
  readonly lr: number;
}

/** Options of {@link elementwiseOptimizer}. */
export interface ElementwiseOptimizerOptions {
  /** The optimizer's name. */
  id: string;
  /** Its hyper-parameters other than `lr`, as JSON. */
  config: { readonly [key: string]: JsonValue };
  /** The learning rate: a number or a {@link Schedule} of the update number. */
  lr: number | Schedule;
  /** The names of the per-parameter buffers, e.g. `['exp_avg', 'exp_avg_sq']`. */
  slots: readonly string[];
  /** The rule: updates `param` and `slots` in place for one parameter tensor. */
  update: (u: ElementwiseUpdate) => void;
}

/**
 * Makes an {@link Optimizer} from an element-wise update rule, the way every built-in is made:
 * it handles the parameter structure (tensor, array or record), zero-initialised slots kept as JSON
 * arrays, the step count, a learning-rate schedule, and float32 parameters (updated in float64,
 * rounded back). Use it for your own optimizer; the result passes `checkOptimizer` when the rule
 * descends.
 *
 * @param options `{ id, config, lr, slots, update }`
 * @returns an {@link Optimizer} whose config is `{ lr, ...config }` (`lr` as `{ id, config }` when scheduled)
 * @throws ValueError from `step` when the state does not belong to these parameters
 * @example
 * ```ts
 * const signSgd = elementwiseOptimizer({
 *   id: 'sign-sgd', config: {}, lr: 0.01, slots: [],
 *   update({ param, grad, lr }) { for (let k = 0; k < param.length; k++) param[k]! -= lr * Math.sign(grad[k]!); },
 * });
 * ```
 */
export function elementwiseOptimizer(options: ElementwiseOptimizerOptions): Optimizer {
  options = requireOptions(options, { pkg: 'optim', op: 'elementwiseOptimizer' }, ['id', 'config', 'lr', 'slots', 'update']) as typeof options;
  const { id, lr, slots, update } = options;
  if (typeof id !== 'string') throw new ValueError('id must be a string', { pkg: 'optim', op: 'elementwiseOptimizer', arg: 'options.id', expected: 'a name', received: typeof id });
  const slotList: unknown = slots;
  if (!Array.isArray(slotList)) throw new ValueError('slots must be an array of names', { pkg: 'optim', op: 'elementwiseOptimizer', arg: 'options.slots', expected: 'string[]', received: typeof slotList });
  requireFunction(update, { pkg: 'optim', op: 'elementwiseOptimizer', arg: 'options.update' });
  requireLearningRate('elementwiseOptimizer', lr);
  const config = { lr: typeof lr === 'number' ? lr : { id: lr.id, config: lr.config }, ...options.config };
  // The float64 slot buffers behind each state this optimizer's step made (one buffer per slot,
  // cut into one view per leaf): the next step copies them instead of converting JSON arrays both
  // ways (most of a small model's step). The state's JSON `slots` are built only when read.
  const packed = new WeakMap<OptimizerState, PackedSlots>();
  // The parameters and gradients in float64, reused from step to step (tensor() copies them out).
  let scratch: { sizes: readonly number[]; param: Float64Array[]; grad: Float64Array[] } | undefined;
  const takeSlots = blockAllocator();
  return {
    id,
    config,
    init(params: Params): OptimizerState {
      const { leaves } = paramLeaves(params, `${id}.init`, 'params');
      const buffers: { [slot: string]: number[][] } = {};
      for (const s of slots) buffers[s] = leaves.map((t) => new Array<number>(t.size).fill(0));
      return { step: 0, slots: buffers };
    },
    step<P extends Params>(params: P, grads: P, state: OptimizerState, context: StepContext = {}): StepResult<P> {
      const op = `${id}.step`;
      const p = paramLeaves(params, op, 'params');
      const g = paramLeaves(grads, op, 'grads');
      requireMatchingGrads(op, p, g);
      if (typeof state !== 'object' || state === null || !Number.isInteger(state.step) || state.step < 0) {
        throw new ValueError('expected the state from init() or a previous step()', { pkg: 'optim', op, arg: 'state', expected: '{ step, slots }', received: state });
      }
      const sizes = p.leaves.map((t) => t.size);
      let prev = packed.get(state);
      if (prev !== undefined && !sameSizes(prev.sizes, sizes)) prev = undefined;
      if (prev === undefined) requireMatchingSlots(op, slots, state, p.leaves);
      const step = state.step + 1;
      const rate = context.lr ?? (typeof lr === 'number' ? lr : lr.at(step));
      if (typeof rate !== 'number' || !Number.isFinite(rate) || rate < 0) {
        throw new ValueError(`Invalid learning rate: ${String(rate)}`, { pkg: 'optim', op, arg: context.lr === undefined ? 'lr' : 'context.lr', expected: `a finite rate >= 0 at step ${step}`, received: rate, hint: 'a schedule must return finite rates >= 0' });
      }
      if (scratch === undefined || !sameSizes(scratch.sizes, sizes)) {
        scratch = { sizes, param: leafViews(new Float64Array(total(sizes)), sizes), grad: leafViews(new Float64Array(total(sizes)), sizes) };
      }
      const { param, grad } = scratch;
      // A copy (one allocation for every slot), so the input state stays as it was, unless the
      // caller gives that state up (context.consumeState): its buffers are then updated in place.
      let next: PackedSlots;
      if (prev !== undefined && context.consumeState === true) {
        packed.delete(state);
        next = prev;
      } else {
        const n = total(sizes);
        const all = takeSlots(n * slots.length);
        if (prev !== undefined) all.set(prev.all);
        next = { sizes, all, views: slots.map((_, k) => leafViews(all.subarray(k * n, (k + 1) * n), sizes)) };
      }
      if (prev === undefined) slots.forEach((s, k) => next.views[k]?.forEach((v, i) => v.set(state.slots[s]?.[i] ?? [])));
      const owns = next.owns ?? (next.owns = p.leaves.map((_, i) => Object.fromEntries(slots.map((s, k) => [s, next.views[k]?.[i] as Float64Array]))));
      const newLeaves = p.leaves.map((leaf, i) => {
        const pi = param[i] as Float64Array;
        const gi = grad[i] as Float64Array;
        pi.set(leaf.data);
        const gd = (g.leaves[i] ?? leaf).data;
        // Copy and check in one pass (x − x is 0 exactly when x is finite).
        for (let k = 0; k < gi.length; k++) {
          const v = gd[k] as number;
          if (v - v !== 0) throw nonFinite(op, step, rate, `the gradient of parameter ${i}`, k, v);
          gi[k] = v;
        }
        update({ param: pi, grad: gi, slots: owns[i] as { [slot: string]: Float64Array }, step, lr: rate });
        for (let k = 0; k < pi.length; k++) {
          const v = pi[k] as number;
          if (v - v !== 0) throw nonFinite(op, step, rate, `parameter ${i}`, k, v);
        }
        return leafLike(pi, leaf, true);
      });
      return { params: p.rebuild(newLeaves), state: packedState(packed, step, slots, next) };
    },
  };
}

/** An optimizer state's slots in float64: one buffer for them all, and its views by slot, then leaf. */
interface PackedSlots {
  readonly sizes: readonly number[];
  readonly all: Float64Array;
  readonly views: Float64Array[][];
  /** Per leaf, its views by slot name (what `update` receives), made once. */
  owns?: { [slot: string]: Float64Array }[];
}

/** Float64 buffers handed out in turn from 1 MB blocks, zeroed. */
const BLOCK = 1 << 17;

/**
 * Cuts each step's new slot buffer from a larger block: allocating an ArrayBuffer per step costs
 * far more than the copy (about a tenth of a 64-64-10 MLP's fit step). A block is never reused; the
 * garbage collector frees it once no state viewing it is alive.
 */
function blockAllocator(): (n: number) => Float64Array {
  let block: Float64Array | undefined;
  let at = 0;
  return (n) => {
    if (block === undefined || at + n > block.length) {
      block = new Float64Array(Math.max(n, BLOCK));
      at = 0;
    }
    return block.subarray(at, (at += n));
  };
}

const total = (sizes: readonly number[]): number => sizes.reduce((a, b) => a + b, 0);

const sameSizes = (a: readonly number[], b: readonly number[]): boolean => a.length === b.length && a.every((n, i) => n === b[i]);

/** Consecutive views of `whole`, one per leaf size. */
function leafViews(whole: Float64Array, sizes: readonly number[]): Float64Array[] {
  let at = 0;
  return sizes.map((n) => whole.subarray(at, (at += n)));
}

/** @throws ShapeError when a slot of a JSON state does not have one buffer per leaf of its size */
function requireMatchingSlots(op: string, slots: readonly string[], state: OptimizerState, leaves: readonly Tensor[]): void {
  for (const s of slots) {
    const buf = state.slots[s];
    if (buf?.length !== leaves.length || buf.some((b, i) => b.length !== leaves[i]?.size)) {
      throw new ShapeError(`state slot '${s}' does not match the parameters`, {
        pkg: 'optim',
        op: op,
        arg: `state.slots.${s}`,
        expected: `${leaves.length} buffers of sizes [${leaves.map((t) => t.size).join(', ')}]`,
        received: buf === undefined ? 'missing' : `${buf.length} buffers`,
        hint: 'make the state with init(params) for these parameters',
      });
    }
  }
}

/**
 * The state `{ step, slots }` after a step, whose JSON `slots` are made from the float64 buffers on
 * first read (then it is a plain object like any other, and the buffers are forgotten, so a state
 * that someone has read, and may have edited, is taken at its word by the next step).
 */
function packedState(packed: WeakMap<OptimizerState, PackedSlots>, step: number, names: readonly string[], buffers: PackedSlots): OptimizerState {
  const state = { step } as { step: number; slots: OptimizerState['slots'] };
  Object.defineProperty(state, 'slots', {
    enumerable: true,
    configurable: true,
    get() {
      const slots: { [slot: string]: number[][] } = {};
      names.forEach((s, k) => (slots[s] = (buffers.views[k] ?? []).map(toNumbers)));
      packed.delete(state);
      Object.defineProperty(state, 'slots', { value: slots, enumerable: true, writable: true, configurable: true });
      return slots;
    },
  });
  packed.set(state, buffers);
  return state;
}

function toNumbers(b: Float64Array): number[] {
  const out = new Array<number>(b.length);
  for (let k = 0; k < b.length; k++) out[k] = b[k] as number;
  return out;
}

/** The DivergenceError of a step whose gradient or result is not finite, naming the leaf and element. */
function nonFinite(op: string, step: number, lr: number, what: string, element: number, value: number): DivergenceError {
  const e = new DivergenceError(op, step, value, Infinity, lr);
  e.message = `[gradlab/optim] ${op}: diverged at step ${step}: ${what} is ${value} at element ${element}. Hint: lower the learning rate (${lr}), or look for the op that made it with detectAnomaly`;
  return e;
}
