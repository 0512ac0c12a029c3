import { ValueError } from '../errors.ts';
import type { ArgRef } from './arg-ref.ts';
import { checkRef, receivedValue } from './arg-ref.ts';

/** Bounds for {@link requireFinite} and {@link requireInteger}. */
export interface NumberRange {
  /** The smallest accepted value (inclusive). */
  min?: number;
  /** The largest accepted value (inclusive). */
  max?: number;
  /** Also reject `min` itself (e.g. a scale must be > 0). */
  exclusiveMin?: boolean;
}

function checkRangeArg(r: unknown, helper: string): void {
  if (r === undefined) return;
  const bad = r === null || typeof r !== 'object' || [(r as NumberRange).min, (r as NumberRange).max].some((v) => v !== undefined && typeof v !== 'number');
  if (bad) throw new ValueError('range must be { min?, max?, exclusiveMin? }', { op: helper, arg: 'range', expected: '{ min?: number, max?: number, exclusiveMin?: boolean }', received: typeof r });
}

function rangeText(r: NumberRange, what: string): string {
  const lo = r.min === undefined ? '' : `${r.exclusiveMin === true ? '>' : '>='} ${r.min}`;
  const hi = r.max === undefined ? '' : `<= ${r.max}`;
  return [what, [lo, hi].filter((s) => s !== '').join(' and ')].filter((s) => s !== '').join(' ');
}

function checkRange(v: number, at: ArgRef, r: NumberRange | undefined, what: string): number {
  if (r === undefined) return v;
  const low = r.min !== undefined && (r.exclusiveMin === true ? !(v > r.min) : !(v >= r.min));
  const high = r.max !== undefined && !(v <= r.max);
  if (low || high) {
    throw new ValueError('value out of range', { pkg: at.pkg, op: at.op, arg: at.arg, expected: rangeText(r, what), received: v });
  }
  return v;
}

/**
 * Checks that `value` is a finite number (not NaN, not ±Infinity, not a string), optionally in a range.
 * @param value the argument as received
 * @param at the package, function and argument name for the message
 * @param range optional bounds
 * @returns the number
 * @throws ValueError naming the function, the argument, what was expected and what was received
 * @example
 * requireFinite(0.1, { pkg: 'optim', op: 'sgd', arg: 'options.lr' }, { min: 0 }); // 0.1
 */
export function requireFinite(value: unknown, at: ArgRef, range?: NumberRange): number {
  at = checkRef(at, 'requireFinite');
  checkRangeArg(range, 'requireFinite');
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new ValueError('must be a finite number', { pkg: at.pkg, op: at.op, arg: at.arg, expected: rangeText(range ?? {}, 'a finite number'), received: receivedValue(value) });
  }
  return checkRange(value, at, range, 'a finite number');
}

/**
 * Checks that `value` is a number (NaN and ±Infinity allowed: tensor arithmetic follows IEEE),
 * optionally in a range (NaN then fails the range).
 * @param value the argument as received
 * @param at the package, function and argument name
 * @param range optional bounds
 * @returns the number
 * @throws ValueError for a non-number or a value out of range
 * @example
 * requireNumber(Infinity, { op: 'clip', arg: 'high' }); // Infinity
 */
export function requireNumber(value: unknown, at: ArgRef, range?: NumberRange): number {
  at = checkRef(at, 'requireNumber');
  checkRangeArg(range, 'requireNumber');
  if (typeof value !== 'number') {
    throw new ValueError('must be a number', { pkg: at.pkg, op: at.op, arg: at.arg, expected: rangeText(range ?? {}, 'a number'), received: receivedValue(value) });
  }
  return checkRange(value, at, range, 'a number');
}

/**
 * Checks that `value` is a safe integer (a count, a size, an index, a seed), optionally in a range.
 * @param value the argument as received
 * @param at the package, function and argument name
 * @param range optional bounds, e.g. `{ min: 1 }` for a count
 * @returns the integer
 * @throws ValueError for a non-integer (NaN, 1.5, '3') or an out-of-range value
 * @example
 * requireInteger(5, { pkg: 'data', op: 'kFold', arg: 'k' }, { min: 2 }); // 5
 */
export function requireInteger(value: unknown, at: ArgRef, range?: NumberRange): number {
  at = checkRef(at, 'requireInteger');
  checkRangeArg(range, 'requireInteger');
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    throw new ValueError('must be an integer', { pkg: at.pkg, op: at.op, arg: at.arg, expected: rangeText(range ?? {}, 'an integer'), received: receivedValue(value) });
  }
  return checkRange(value, at, range, 'an integer');
}

/**
 * Checks that `value` is a boolean.
 * @param value the argument as received
 * @param at the package, function and argument name
 * @returns the boolean
 * @throws ValueError for anything else
 * @example
 * requireBoolean(true, { op: 'sum', arg: 'options.keepDims' }); // true
 */
export function requireBoolean(value: unknown, at: ArgRef): boolean {
  at = checkRef(at, 'requireBoolean');
  if (typeof value !== 'boolean') {
    throw new ValueError('must be a boolean', { pkg: at.pkg, op: at.op, arg: at.arg, expected: 'true or false', received: receivedValue(value) });
  }
  return value;
}
