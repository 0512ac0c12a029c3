import { ValueError } from '@gradlab/core-tensor';

/**
 * Checks a layer factory's option object: a plain object whose keys are all known, with a
 * "did you mean" hint for a misspelt one.
 * @returns the options (an empty object for `undefined`)
 */
export function checkLayerOptions<T extends object>(op: string, options: T | undefined, known: readonly string[]): T {
  if (options === undefined) return {} as T;
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new ValueError('options must be an object', { pkg: 'models-nn', op, arg: 'options', expected: `{ ${known.join(', ')} }`, received: options === null ? 'null' : Array.isArray(options) ? 'an array' : typeof options });
  }
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) {
      const near = known.find((k) => k.toLowerCase() === key.toLowerCase() || k.startsWith(key.slice(0, 3)));
      throw new ValueError(`unknown option '${key}'`, { pkg: 'models-nn', op, arg: `options.${key}`, expected: `one of ${known.join(', ')}`, received: key, ...(near !== undefined ? { hint: `did you mean '${near}'?` } : {}) });
    }
  }
  return options;
}

/** Checks a size argument: a positive integer. */
export function checkSize(op: string, arg: string, n: unknown): number {
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > 2 ** 24) {
    throw new ValueError(`${arg} must be a positive integer`, { pkg: 'models-nn', op, arg, expected: 'an integer in [1, 2^24]', received: typeof n === 'number' ? n : typeof n });
  }
  return n;
}

/** Checks a probability-like rate in [0, 1) (dropout). */
export function checkRate(op: string, arg: string, p: unknown): number {
  if (typeof p !== 'number' || !(p >= 0 && p < 1)) {
    throw new ValueError(`${arg} must be in [0, 1)`, { pkg: 'models-nn', op, arg, expected: 'a number in [0, 1)', received: typeof p === 'number' ? p : typeof p });
  }
  return p;
}
