import { requireFunction, requireOptions, ShapeError, ValueError } from '@gradlab/core-tensor';
import { requireLearningRate } from './hyperparameters.ts';
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
      for (const s of slots) {
        const buf = state.slots[s];
        if (buf?.length !== p.leaves.length || buf.some((b, i) => b.length !== p.leaves[i]?.size)) {
          throw new ShapeError(`state slot '${s}' does not match the parameters`, {
            pkg: 'optim',
            op,
            arg: `state.slots.${s}`,
            expected: `${p.leaves.length} buffers of sizes [${p.leaves.map((t) => t.size).join(', ')}]`,
            received: buf === undefined ? 'missing' : `${buf.length} buffers`,
            hint: 'make the state with init(params) for these parameters',
          });
        }
      }
      const step = state.step + 1;
      const rate = context.lr ?? (typeof lr === 'number' ? lr : lr.at(step));
      if (typeof rate !== 'number' || !Number.isFinite(rate) || rate < 0) {
        throw new ValueError(`Invalid learning rate: ${String(rate)}`, { pkg: 'optim', op, arg: context.lr === undefined ? 'lr' : 'context.lr', expected: `a finite rate >= 0 at step ${step}`, received: rate, hint: 'a schedule must return finite rates >= 0' });
      }
      const newSlots: { [slot: string]: number[][] } = {};
      for (const s of slots) newSlots[s] = [];
      const newLeaves = p.leaves.map((leaf, i) => {
        const param = Float64Array.from(leaf.data);
        const grad = Float64Array.from((g.leaves[i] ?? leaf).data);
        const own: { [slot: string]: Float64Array } = {};
        for (const s of slots) own[s] = Float64Array.from(state.slots[s]?.[i] ?? []);
        update({ param, grad, slots: own, step, lr: rate });
        for (const s of slots) newSlots[s]?.push(Array.from(own[s] ?? []));
        return leafLike(param, leaf);
      });
      return { params: p.rebuild(newLeaves), state: { step, slots: newSlots } };
    },
  };
}
