import { requireOptions } from '@gradlab/core-tensor';
import { requireIteration, requireNonNegative, requirePositive } from '../hyperparameters.ts';
import type { Schedule } from '../schedule.ts';

/** Options of {@link robbinsMonro}. */
export interface RobbinsMonroOptions {
  /** γ^(0) > 0, the step size the decay starts from. */
  lr: number;
  /** β > 0, how fast the decay sets in. */
  beta: number;
  /** α, the decay exponent; the Robbins–Monro conditions hold for α in (0.5, 1]. */
  alpha: number;
}

/**
 * The polynomial schedule of the notes, γ^(i) = γ^(0) / (1 + β i)^α with β > 0, γ^(0) > 0 and
 * α in (0.5, 1]: then Σγ^(i) = ∞ (the iterates can travel anywhere) and Σ(γ^(i))² < ∞ (the
 * gradient noise they accumulate stays finite), so SGD converges. Other α are accepted and
 * {@link checkRobbinsMonro} says why they fail.
 *
 * @param options `{ lr, beta, alpha }`
 * @returns a {@link Schedule} with id `robbins-monro`
 * @throws ValueError when `lr` or `beta` is not positive, or `alpha` is negative
 * @example
 * ```ts
 * const s = robbinsMonro({ lr: 0.5, beta: 0.1, alpha: 0.75 });
 * s.at(10); // 0.5 / 2 ** 0.75 = 0.2973...
 * ```
 */
export function robbinsMonro(options: RobbinsMonroOptions): Schedule {
  options = requireOptions(options, { pkg: 'optim', op: 'robbinsMonro' }, ['lr', 'beta', 'alpha']) as typeof options;
  const op = 'robbinsMonro';
  const lr = requirePositive(op, 'lr', options.lr, 'learning rate');
  const beta = requirePositive(op, 'beta', options.beta, 'beta');
  const alpha = requireNonNegative(op, 'alpha', options.alpha, 'alpha');
  return {
    id: 'robbins-monro',
    config: { lr, beta, alpha },
    at(i) {
      requireIteration('robbinsMonro.at', i);
      return lr / (1 + beta * i) ** alpha;
    },
    tail: { kind: 'power', exponent: alpha },
  };
}
