import { ValueError } from '../errors.ts';
import type { ArgRef } from './arg-ref.ts';
import { checkRef, receivedValue } from './arg-ref.ts';
import { requireInteger } from './require-number.ts';
import { requireOptions } from './require-options.ts';
import { checkElementCount, MAX_RANK } from './element-cap.ts';

/**
 * Checks a user-given shape: an array of at most 64 non-negative integers whose product is within
 * the allocation cap ({@link getMaxElements}).
 * @param value the argument as received
 * @param at the package, function and argument name
 * @returns a fresh copy of the shape
 * @throws ValueError for a non-array, a bad entry (negative, fractional, NaN, a string), or a size over the cap
 * @example
 * requireShape([2, 3], { op: 'zeros', arg: 'shape' }); // [2, 3]
 */
export function requireShape(value: unknown, at: ArgRef): number[] {
  at = checkRef(at, 'requireShape');
  if (!Array.isArray(value)) {
    throw new ValueError('shape must be an array of integers', { pkg: at.pkg, op: at.op, arg: at.arg, expected: 'number[]', received: receivedValue(value) });
  }
  if (value.length > MAX_RANK) {
    throw new ValueError(`a shape may have at most ${MAX_RANK} dims`, { pkg: at.pkg, op: at.op, arg: at.arg, expected: `at most ${MAX_RANK} dims`, received: `${value.length} dims` });
  }
  let size = 1;
  for (let i = 0; i < value.length; i++) {
    const d: unknown = value[i];
    if (typeof d !== 'number' || !Number.isSafeInteger(d) || d < 0) {
      throw new ValueError('shape entries must be finite non-negative integers', { pkg: at.pkg, op: at.op, arg: `${at.arg}[${i}]`, expected: 'integer >= 0', received: receivedValue(d) });
    }
    size *= d;
  }
  checkElementCount(size, at);
  return (value as number[]).slice();
}

/**
 * Checks a list of data values (numbers from the user: a dataset column, labels, samples): an
 * array or typed array of finite numbers, within the allocation cap.
 * @param value the argument as received
 * @param at the package, function and argument name
 * @param options.minLength the fewest entries accepted (default 0)
 * @returns the values as an array-like (the same object)
 * @throws ValueError for a non-array, an entry that is NaN, ±Infinity or not a number, or too few entries
 * @example
 * requireFiniteArray([1, 2, 3], { pkg: 'data', op: 'describe', arg: 'values' });
 */
export function requireFiniteArray(value: unknown, at: ArgRef, options?: { minLength?: number }): ArrayLike<number> {
  at = checkRef(at, 'requireFiniteArray');
  const opts = requireOptions(options, { op: 'requireFiniteArray' }, ['minLength']);
  if (opts.minLength !== undefined) requireInteger(opts.minLength, { op: 'requireFiniteArray', arg: 'options.minLength' }, { min: 0 });
  const ok = Array.isArray(value) || (ArrayBuffer.isView(value) && !(value instanceof DataView));
  if (!ok) {
    throw new ValueError('must be an array of numbers', { pkg: at.pkg, op: at.op, arg: at.arg, expected: 'number[] or a typed array', received: receivedValue(value) });
  }
  const list = value as ArrayLike<unknown>;
  checkElementCount(list.length, at);
  const min = opts.minLength ?? 0;
  if (list.length < min) {
    throw new ValueError(`needs at least ${min} values`, { pkg: at.pkg, op: at.op, arg: at.arg, expected: `at least ${min} values`, received: `${list.length} values` });
  }
  for (let i = 0; i < list.length; i++) {
    const v = list[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new ValueError('values must be finite numbers', { pkg: at.pkg, op: at.op, arg: `${at.arg}[${i}]`, expected: 'a finite number', received: receivedValue(v) });
    }
  }
  return list as ArrayLike<number>;
}
