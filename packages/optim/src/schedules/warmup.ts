import { requireOptions, ValueError } from '@gradlab/core-tensor';
import { requireIteration, requirePositiveInteger, requireUnitInterval } from '../hyperparameters.ts';
import type { Schedule } from '../schedule.ts';

/** Options of {@link warmup} (PyTorch's `LinearLR` chained before another schedule). */
export interface WarmupOptions {
  /** The number of warm-up iterations (PyTorch's `total_iters`). */
  steps: number;
  /** The factor at the first iteration, in [0, 1) (PyTorch's `start_factor`, default 1/3). */
  startFactor?: number;
}

/**
 * Linear warm-up: multiplies `schedule` by a factor rising linearly from `startFactor` at i = 1 to 1
 * at i = steps + 1, then leaves it alone; large early steps on a freshly initialised model are what
 * it avoids. The asymptotics (and so the Robbins–Monro verdict) are those of `schedule`.
 *
 * @param schedule the schedule to warm up
 * @param options `{ steps, startFactor = 1/3 }`
 * @returns a {@link Schedule} with id `warmup` whose config nests the inner schedule
 * @throws ValueError when `steps` is not a positive integer or `startFactor` is outside [0, 1)
 * @example
 * ```ts
 * const s = warmup(constantSchedule({ lr: 0.1 }), { steps: 4, startFactor: 0 });
 * [s.at(1), s.at(3), s.at(5)]; // [0, 0.05, 0.1]
 * ```
 */
export function warmup(schedule: Schedule, options: WarmupOptions): Schedule {
  options = requireOptions(options, { pkg: 'optim', op: 'warmup' }, ['steps', 'startFactor']) as typeof options;
  const op = 'warmup';
  if (typeof schedule !== 'object' || schedule === null || typeof schedule.at !== 'function') {
    throw new ValueError('expected a Schedule to warm up', {
      pkg: 'optim',
      op,
      arg: 'schedule',
      expected: 'an object with at(i)',
      received: typeof schedule,
    });
  }
  const steps = requirePositiveInteger(op, 'steps', options.steps, 'total_iters');
  const startFactor = requireUnitInterval(op, 'startFactor', options.startFactor ?? 1 / 3, 'start_factor');
  const warmed: Schedule = {
    id: 'warmup',
    config: { steps, startFactor, schedule: { id: schedule.id, config: schedule.config } },
    at(i) {
      requireIteration('warmup.at', i);
      const factor = startFactor + ((1 - startFactor) * Math.min(i - 1, steps)) / steps;
      return factor * schedule.at(i);
    },
  };
  return schedule.tail === undefined ? warmed : { ...warmed, tail: schedule.tail };
}
