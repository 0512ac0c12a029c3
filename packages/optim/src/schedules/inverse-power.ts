import { requireOptions } from '@gradlab/core-tensor';
import { requireIteration, requireNonNegative, requirePositive } from '../hyperparameters.ts';
import type { Schedule } from '../schedule.ts';

/** Options of {@link inversePower}. */
export interface InversePowerOptions {
  /** The decay exponent α (`>= 0`); Robbins–Monro holds for α in (0.5, 1]. */
  alpha: number;
  /** The scale γ^(1) (default 1). */
  lr?: number;
}

/**
 * The schedule γ^(i) = lr / i^α of the notes (with lr = 1: γ^(i) = 1/i^α). For α in (0.5, 1] it
 * satisfies the Robbins–Monro conditions Σγ = ∞ and Σγ² < ∞.
 *
 * @param options `{ alpha, lr = 1 }`
 * @returns a {@link Schedule} with id `inverse-power`
 * @throws ValueError when `alpha` is negative or `lr` is not positive
 * @example
 * ```ts
 * const s = inversePower({ alpha: 1 });
 * s.at(1); // 1
 * s.at(4); // 0.25
 * ```
 */
export function inversePower(options: InversePowerOptions): Schedule {
  options = requireOptions(options, { pkg: 'optim', op: 'inversePower' }, ['alpha', 'lr']) as typeof options;
  const alpha = requireNonNegative('inversePower', 'alpha', options.alpha, 'alpha');
  const lr = requirePositive('inversePower', 'lr', options.lr ?? 1, 'learning rate');
  return {
    id: 'inverse-power',
    config: { alpha, lr },
    at(i) {
      requireIteration('inversePower.at', i);
      return lr / i ** alpha;
    },
    tail: { kind: 'power', exponent: alpha },
  };
}
