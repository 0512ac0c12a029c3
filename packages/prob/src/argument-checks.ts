import { requireFiniteArray, requireObject, requireOptions, ValueError } from '@gradlab/core-tensor';
import type { AnyDistribution } from './kl-divergence.ts';

/** Checks that `d` is a distribution (a support plus prob/logProb), so a wrong argument is a typed error. */
export function checkDistribution(d: unknown, op: string, arg: string): AnyDistribution {
  const obj = requireObject<{ support?: unknown }>(d, { pkg: 'prob', op, arg }, ['prob', 'logProb']);
  const support = obj.support as { kind?: unknown } | null | undefined;
  if (support === null || typeof support !== 'object' || (support.kind !== 'finite' && support.kind !== 'interval' && support.kind !== 'vector')) {
    throw new ValueError('must be a distribution', { pkg: 'prob', op, arg, expected: 'a Distribution (with support, prob, logProb)', received: 'an object without a support' });
  }
  return d as AnyDistribution;
}

/** Checks a probability-options object: only normalize and tolerance. */
export function checkProbabilityOptions(options: unknown, op: string, extra: readonly string[] = []): ProbabilityOptions {
  return requireOptions(options as ProbabilityOptions | undefined, { pkg: 'prob', op }, ['normalize', 'tolerance', ...extra]);
}

/** Checks a list of finite sample values. */
export function checkSamples(samples: unknown, op: string, arg: string): ArrayLike<number> {
  return requireFiniteArray(samples, { pkg: 'prob', op, arg });
}

/** Default tolerance on "sums to 1" and on symmetry checks. */
export const DEFAULT_TOLERANCE = 1e-9;

/** Throws a ValueError unless `x` is a finite number; returns it. */
export function checkFinite(x: unknown, op: string, arg: string): number {
  if (typeof x !== 'number' || !Number.isFinite(x)) {
    throw new ValueError('must be a finite number', { pkg: 'prob', op, arg, expected: 'a finite number', received: x });
  }
  return x;
}

/** Throws a ValueError unless `x` is a finite number > 0; returns it. */
export function checkPositive(x: unknown, op: string, arg: string): number {
  const v = checkFinite(x, op, arg);
  if (v <= 0) throw new ValueError('must be positive', { pkg: 'prob', op, arg, expected: '> 0', received: v });
  return v;
}

/** Throws a ValueError unless `p` is a probability in [0, 1]; returns it. */
export function checkProbability(p: unknown, op: string, arg: string): number {
  if (typeof p !== 'number' || !(p >= 0 && p <= 1)) {
    throw new ValueError('must be a probability', { pkg: 'prob', op, arg, expected: 'a number in [0, 1]', received: p });
  }
  return p;
}

/** Throws a ValueError unless `n` is a non-negative integer sample count; returns it. */
export function checkSampleCount(n: unknown, op: string): number {
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0) {
    throw new ValueError('the number of samples must be a non-negative integer', { pkg: 'prob', op, arg: 'n', expected: 'integer >= 0', received: n });
  }
  return n;
}

/** Options shared by every factory that takes a probability vector or table. */
export interface ProbabilityOptions {
  /** Divide by the sum instead of rejecting a vector that does not sum to 1 (default false). */
  normalize?: boolean;
  /** How far from 1 the sum may be (default 1e-9). */
  tolerance?: number;
}

/**
 * Validates a pmf: every entry a finite number >= 0 and the sum 1 within the tolerance (or, with
 * `normalize`, a positive sum that is divided out). Returns a fresh Float64Array.
 */
export function checkProbabilities(probs: ArrayLike<number>, op: string, arg: string, options: ProbabilityOptions = {}): Float64Array {
  const list: unknown = probs;
  if (!Array.isArray(list) && !(ArrayBuffer.isView(list) && !(list instanceof DataView))) {
    throw new ValueError('must be a list of probabilities', { pkg: 'prob', op, arg, expected: 'number[] or a typed array', received: list === null ? 'null' : typeof list });
  }
  const tolerance = options.tolerance ?? DEFAULT_TOLERANCE;
  if (options.tolerance !== undefined && !(typeof tolerance === 'number' && tolerance >= 0 && Number.isFinite(tolerance))) {
    throw new ValueError('tolerance must be a finite number >= 0', { pkg: 'prob', op, arg: 'options.tolerance', expected: 'a finite number >= 0', received: tolerance });
  }
  if (probs.length === 0) {
    throw new ValueError('needs at least one probability', { pkg: 'prob', op, arg, expected: 'a non-empty list', received: '[]' });
  }
  const out = new Float64Array(probs.length);
  let total = 0;
  for (let i = 0; i < probs.length; i++) {
    const p = probs[i];
    if (typeof p !== 'number' || !Number.isFinite(p)) {
      throw new ValueError('probabilities must be finite numbers', { pkg: 'prob', op, arg: `${arg}[${i}]`, expected: 'a finite number >= 0', received: p });
    }
    if (p < 0) {
      throw new ValueError('probabilities must be non-negative', { pkg: 'prob', op, arg: `${arg}[${i}]`, expected: '>= 0', received: p });
    }
    out[i] = p;
    total += p;
  }
  if (options.normalize === true) {
    if (!(total > 0)) {
      throw new ValueError('cannot normalize probabilities that sum to 0', { pkg: 'prob', op, arg, expected: 'a positive sum', received: `sum ${total}` });
    }
    for (let i = 0; i < out.length; i++) out[i] = (out[i] as number) / total;
    return out;
  }
  if (Math.abs(total - 1) > tolerance) {
    throw new ValueError('probabilities must sum to 1', {
      pkg: 'prob',
      op,
      arg,
      expected: `sum 1 (within ${tolerance})`,
      received: `sum ${total}`,
      hint: 'pass { normalize: true } to divide by the sum',
    });
  }
  return out;
}

/** x·log(x), with the convention 0·log 0 = 0 used by entropies. */
export function xlogx(x: number): number {
  return x > 0 ? x * Math.log(x) : 0;
}
