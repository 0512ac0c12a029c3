import { abs, pow, sub, ValueError } from '@gradlab/core-tensor';
import { checkLossOptions, defineLoss } from './define-loss.ts';
import type { Loss } from './loss.ts';
import type { ReductionOptions } from './quadratic.ts';

/** Options of {@link absoluteError}. */
export interface AbsoluteErrorOptions extends ReductionOptions {
  /** The exponent k > 0 in |t − t̂|^k (default 1; k = 2 is the quadratic loss). */
  k?: number;
}

/**
 * The loss ℓ_k(t, t̂) = |t − t̂|^k of the notes; k = 1 (absolute error, minimised by the posterior
 * median) and k = 2 (quadratic) are the common cases.
 *
 * @param options `{ k = 1, reduction = 'mean' }`
 * @returns a {@link Loss} with id `absolute-error`
 * @throws ValueError when k is not a positive finite number
 * @example
 * ```ts
 * absoluteError({ k: 3 }).forward(tensor([1]), tensor([3])).item(); // 8
 * ```
 */
export function absoluteError(options: AbsoluteErrorOptions = {}): Loss {
  options = checkLossOptions('absoluteError', options, ['k']);
  const k = options.k ?? 1;
  if (typeof k !== 'number' || !Number.isFinite(k) || k <= 0) {
    throw new ValueError(`Invalid exponent k: ${String(k)}`, { pkg: 'losses', op: 'absoluteError', arg: 'k', expected: 'a finite k > 0', received: k });
  }
  return defineLoss({
    id: 'absolute-error',
    config: { k },
    reduction: options.reduction ?? 'mean',
    prediction: 'value',
    target: 'real',
    elementwise: (p, t) => (k === 1 ? abs(sub(t, p)) : pow(abs(sub(t, p)), k)),
  });
}
