import { requireOptions } from '@gradlab/core-tensor';
import { requireIteration, requireNonNegative } from '../hyperparameters.ts';
import type { Schedule } from '../schedule.ts';

/** Options of {@link constantSchedule}. */
export interface ConstantScheduleOptions {
  /** The step size γ used at every iteration (`>= 0`). */
  lr: number;
}

/**
 * A constant step size γ^(i) = lr. Fine for full-batch gradient descent on an L-smooth function
 * (take lr <= 1/L); for SGD it fails Robbins–Monro (Σγ² = ∞), so the iterates keep jittering.
 *
 * @param options `{ lr }`
 * @returns a {@link Schedule} with id `constant`
 * @throws ValueError `Invalid learning rate: -0.1` when `lr` is negative or not finite
 * @example
 * ```ts
 * constantSchedule({ lr: 0.1 }).at(7); // 0.1
 * ```
 */
export function constantSchedule(options: ConstantScheduleOptions): Schedule {
  options = requireOptions(options, { pkg: 'optim', op: 'constantSchedule' }, ['lr']) as typeof options;
  const lr = requireNonNegative('constantSchedule', 'lr', options.lr, 'learning rate');
  return {
    id: 'constant',
    config: { lr },
    at(i) {
      requireIteration('constantSchedule.at', i);
      return lr;
    },
    tail: lr > 0 ? { kind: 'power', exponent: 0 } : { kind: 'zero' },
  };
}
