import type { Optimizer } from '../optimizer.ts';
import type { Schedule } from '../schedule.ts';
import { sgdNamed } from './sgd.ts';

/** Options of {@link gd}. */
export interface GdOptions {
  /** The step size γ, or a schedule of it (required: take γ <= 1/L, see `suggestStepSize`). */
  lr: number | Schedule;
}

/**
 * Plain gradient descent, θ^(i+1) = θ^(i) − γ ∇g(θ^(i)), as in the notes: for an L-smooth g and
 * γ <= 1/L each step decreases g by at least (γ/2)‖∇g‖² (`gradientDescent` verifies it).
 *
 * @param options `{ lr }`
 * @returns an {@link Optimizer} with id `gd` and no state besides the step count
 * @throws ValueError `Invalid learning rate: -0.1`
 * @example
 * ```ts
 * const opt = gd({ lr: 0.25 });
 * ```
 */
export function gd(options: GdOptions): Optimizer {
  return sgdNamed('gd', 'gd', { lr: options.lr });
}
