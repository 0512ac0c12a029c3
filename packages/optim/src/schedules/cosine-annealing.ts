import { requireOptions, ValueError } from '@gradlab/core-tensor';
import { requireIteration, requireNonNegative, requirePositiveInteger } from '../hyperparameters.ts';
import type { Schedule } from '../schedule.ts';

/** Options of {@link cosineAnnealing} (PyTorch's `CosineAnnealingLR`). */
export interface CosineAnnealingOptions {
  /** The initial (largest) step size. */
  lr: number;
  /** The number of iterations of the half cosine (PyTorch's `T_max`). */
  tMax: number;
  /** The final step size (PyTorch's `eta_min`, default 0). */
  etaMin?: number;
}

/**
 * Cosine annealing: γ^(i) = etaMin + (lr − etaMin)(1 + cos(π (i − 1) / tMax)) / 2 for
 * i − 1 <= tMax (PyTorch's closed form), then etaMin. Finite-horizon: with etaMin = 0 the step size
 * reaches 0 and Σγ < ∞.
 *
 * @param options `{ lr, tMax, etaMin = 0 }`
 * @returns a {@link Schedule} with id `cosine`
 * @throws ValueError when `lr` or `etaMin` is negative, `etaMin > lr`, or `tMax` is not a positive integer
 * @example
 * ```ts
 * const s = cosineAnnealing({ lr: 1, tMax: 10 });
 * [s.at(1), s.at(6), s.at(11)]; // [1, 0.5, 0]
 * ```
 */
export function cosineAnnealing(options: CosineAnnealingOptions): Schedule {
  options = requireOptions(options, { pkg: 'optim', op: 'cosineAnnealing' }, ['lr', 'tMax', 'etaMin']) as typeof options;
  const op = 'cosineAnnealing';
  const lr = requireNonNegative(op, 'lr', options.lr, 'learning rate');
  const tMax = requirePositiveInteger(op, 'tMax', options.tMax, 'T_max');
  const etaMin = requireNonNegative(op, 'etaMin', options.etaMin ?? 0, 'eta_min');
  if (etaMin > lr) {
    throw new ValueError(`Invalid eta_min: ${etaMin}`, {
      pkg: 'optim',
      op,
      arg: 'etaMin',
      expected: `etaMin <= lr (${lr})`,
      received: etaMin,
    });
  }
  return {
    id: 'cosine',
    config: { lr, tMax, etaMin },
    at(i) {
      requireIteration('cosineAnnealing.at', i);
      const t = i - 1;
      if (t >= tMax) return etaMin;
      return etaMin + ((lr - etaMin) * (1 + Math.cos((Math.PI * t) / tMax))) / 2;
    },
    tail: etaMin > 0 ? { kind: 'power', exponent: 0 } : { kind: 'zero' },
  };
}
