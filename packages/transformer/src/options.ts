import { ValueError } from '@gradlab/core-tensor';

/** Refuses option keys outside `known`, with a did-you-mean hint (typos fail loudly). */
export function checkKeys(op: string, options: unknown, known: readonly string[]): void {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new ValueError('options must be an object', { pkg: 'transformer', op, arg: 'options', expected: `{ ${known.join(', ')} }`, received: options === null ? 'null' : Array.isArray(options) ? 'an array' : typeof options });
  }
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) {
      const near = known.find((k) => k.toLowerCase() === key.toLowerCase() || k.startsWith(key.slice(0, 3)));
      throw new ValueError(`unknown option '${key}'`, { pkg: 'transformer', op, arg: `options.${key}`, expected: `one of ${known.join(', ')}`, received: key, ...(near !== undefined ? { hint: `did you mean '${near}'?` } : {}) });
    }
  }
}

/** A positive integer option (a size). */
export function positiveInt(op: string, arg: string, n: unknown): number {
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > 2 ** 24) {
    throw new ValueError(`${arg} must be a positive integer`, { pkg: 'transformer', op, arg, expected: 'an integer in [1, 2^24]', received: typeof n === 'number' ? n : typeof n });
  }
  return n;
}

/** A dropout rate in [0, 1). */
export function rate(op: string, arg: string, p: unknown): number {
  if (typeof p !== 'number' || !(p >= 0 && p < 1)) {
    throw new ValueError(`${arg} must be in [0, 1)`, { pkg: 'transformer', op, arg, expected: 'a number in [0, 1)', received: typeof p === 'number' ? p : typeof p });
  }
  return p;
}

/** One of a few strings. */
export function oneOf<T extends string>(op: string, arg: string, v: unknown, allowed: readonly T[]): T {
  if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) {
    throw new ValueError(`${arg} must be one of ${allowed.map((a) => `'${a}'`).join(', ')}`, { pkg: 'transformer', op, arg, expected: allowed.join(' | '), received: typeof v === 'string' ? v : typeof v });
  }
  return v as T;
}

/** A boolean option. */
export function bool(op: string, arg: string, v: unknown): boolean {
  if (typeof v !== 'boolean') throw new ValueError(`${arg} must be a boolean`, { pkg: 'transformer', op, arg, expected: 'true or false', received: typeof v });
  return v;
}

/** The parameters' dtype, float32 (default) or float64. */
export function floatDType(op: string, v: unknown): 'float32' | 'float64' {
  if (v === undefined) return 'float32';
  return oneOf(op, 'options.dtype', v, ['float32', 'float64'] as const);
}

/** A seed: an integer >= 0 (default 0). */
export function seedOf(op: string, v: unknown): number {
  if (v === undefined) return 0;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) {
    throw new ValueError('the seed must be an integer >= 0', { pkg: 'transformer', op, arg: 'options.seed', expected: 'an integer >= 0', received: typeof v === 'number' ? v : typeof v });
  }
  return v;
}
