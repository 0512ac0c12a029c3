import { requireOptions } from '@gradlab/core-tensor';
import { requireIteration, requireNonNegative } from '../hyperparameters.ts';
import type { Schedule } from '../schedule.ts';
import { geometricTail } from './step-decay.ts';

/** Options of {@link exponentialDecay} (PyTorch's `ExponentialLR`). */
export interface ExponentialDecayOptions {
  /** The initial step size. */
  lr: number;
  /** The factor applied at every iteration. */
  gamma: number;
}

/**
 * Exponential decay, as PyTorch's `ExponentialLR`: γ^(i) = lr · gamma^(i − 1). With gamma < 1,
 * Σγ = lr / (1 − gamma) is finite, so Robbins–Monro fails.
 *
 * @param options `{ lr, gamma }`
 * @returns a {@link Schedule} with id `exponential`
 * @throws ValueError when `lr` or `gamma` is negative or not finite
 * @example
 * ```ts
 * exponentialDecay({ lr: 1, gamma: 0.9 }).at(3); // 0.81
 * ```
 */
export function exponentialDecay(options: ExponentialDecayOptions): Schedule {
  options = requireOptions(options, { pkg: 'optim', op: 'exponentialDecay' }, ['lr', 'gamma']) as typeof options;
  const op = 'exponentialDecay';
  const lr = requireNonNegative(op, 'lr', options.lr, 'learning rate');
  const gamma = requireNonNegative(op, 'gamma', options.gamma, 'gamma');
  return {
    id: 'exponential',
    config: { lr, gamma },
    at(i) {
      requireIteration('exponentialDecay.at', i);
      return lr * gamma ** (i - 1);
    },
    tail: geometricTail(lr, gamma),
  };
}
