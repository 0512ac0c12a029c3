import { UsageError } from './cli-error.ts';

/**
 * Parses a count flag (steps, epochs, folds, samples): an integer in `[min, max]`. The upper bound
 * keeps a typo such as `--steps 1e308` from running for ever; it is said in the message.
 * @param flag the flag, e.g. `--steps`
 * @param text what the user typed, or undefined for the default
 * @param fallback the default
 * @param range the allowed range (default 0 to 10 000 000)
 * @returns the integer
 * @throws UsageError when the text is not an integer in range
 * @example
 * integerFlag('--steps', '100', 100, { min: 0, max: 1e6 }); // 100
 */
export function integerFlag(flag: string, text: string | undefined, fallback: number, range: { min?: number; max?: number } = {}): number {
  if (text === undefined) return fallback;
  const min = range.min ?? 0;
  const max = range.max ?? 10_000_000;
  const v = Number(text);
  if (text.trim() === '' || !Number.isInteger(v) || v < min || v > max) {
    throw new UsageError(`${flag} must be an integer from ${min} to ${max}, got '${text}'`);
  }
  return v;
}
