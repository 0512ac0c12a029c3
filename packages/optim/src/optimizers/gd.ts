import { requireOptions, ValueError } from '@gradlab/core-tensor';
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
  // A saved gd config holds the SGD fields it was built with (all at their plain-GD values), so a
  // rebuild passes them back; any other value would be silently ignored, so it is refused.
  const given = requireOptions(options as GdOptions & Record<string, unknown>, { pkg: 'optim', op: 'gd' }, ['lr', 'momentum', 'dampening', 'weightDecay', 'nesterov', 'maximize']);
  for (const [key, plain] of [['momentum', 0], ['dampening', 0], ['weightDecay', 0], ['nesterov', false], ['maximize', false]] as const) {
    const v = given[key];
    if (v !== undefined && v !== plain) {
      throw new ValueError(`gd is plain gradient descent: ${key} must be ${String(plain)}`, { pkg: 'optim', op: 'gd', arg: `options.${key}`, expected: String(plain), received: v, hint: `use sgd({ lr, ${key} }) for that variant` });
    }
  }
  return sgdNamed('gd', 'gd', { lr: given.lr as number });
}
