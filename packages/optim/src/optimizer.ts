import type { Tensor } from '@gradlab/core-tensor';
import type { JsonValue } from './schedule.ts';

/**
 * The parameters an optimizer updates: one tensor, an array of tensors, or a record of named
 * tensors. Gradients come in the same structure, and the result keeps it.
 */
export type Params = Tensor | readonly Tensor[] | { readonly [name: string]: Tensor };

/**
 * An optimizer's state: plain JSON (numbers and arrays), so `JSON.stringify(state)` saves it and
 * `JSON.parse` restores it, and a step never mutates it.
 */
export interface OptimizerState {
  /** How many updates were applied; the next one is update `step + 1`. */
  readonly step: number;
  /**
   * Per-parameter buffers by slot name (`momentum_buffer`, `exp_avg`, `exp_avg_sq`, ...): for each
   * slot, one flat array per parameter leaf, in leaf order (array order, or record keys as listed).
   */
  readonly slots: { readonly [slot: string]: readonly (readonly number[])[] };
}

/** What the caller may override for one update. */
export interface StepContext {
  /** Use this learning rate for this update instead of the optimizer's own `lr` or schedule. */
  lr?: number;
  /**
   * The caller promises never to use the `state` it passes again (a training loop that goes on from
   * the returned state): an optimizer may then reuse that state's storage for the new one instead
   * of copying it (the built-ins update their slot buffers in place). Optimizers may ignore it.
   */
  consumeState?: boolean;
}

/** The result of {@link Optimizer.step}: new parameters and new state (the inputs are untouched). */
export interface StepResult<P extends Params = Params> {
  params: P;
  state: OptimizerState;
}

/**
 * The optimizer contract, functional as in optax: `init(params)` makes the state, and
 * `step(params, grads, state)` returns new parameters and a new state without mutating anything.
 * `id` names it in `builtinOptimizers` and the CLI; `config` holds its hyper-parameters under
 * PyTorch's names (`lr`, `momentum`, `betas`, `eps`, `weightDecay`) as JSON.
 *
 * Any object of this shape works with `minimize` and passes `checkOptimizer` from
 * `@gradlab/optim/testing` when it is correct; the built-ins are made the same way.
 */
export interface Optimizer {
  /** The optimizer's name, e.g. `adam`. */
  readonly id: string;
  /** Its hyper-parameters, enough to rebuild it with its factory. */
  readonly config: { readonly [key: string]: JsonValue };
  /**
   * The initial state for these parameters (zeroed buffers, step 0).
   * @param params the parameters to be optimised
   * @returns the state before the first update
   */
  init(params: Params): OptimizerState;
  /**
   * One update.
   * @param params the current parameters
   * @param grads the gradients, in the same structure and shapes as `params`
   * @param state the state from `init` or the previous `step`
   * @param context per-update overrides (a scheduled `lr`)
   * @returns the new parameters and state
   */
  step<P extends Params>(params: P, grads: P, state: OptimizerState, context?: StepContext): StepResult<P>;
}
