import { ValueError } from '../errors.ts';
import { checkRef } from './arg-ref.ts';

/**
 * The default cap on the number of elements of one tensor or buffer: 2^28 (268,435,456; 2 GiB of
 * float64), well under what a JS runtime can allocate, so an oversized shape fails with a typed
 * error stating its size instead of a RangeError, an out-of-memory crash or a hang.
 */
export const DEFAULT_MAX_ELEMENTS = 2 ** 28;

/** The deepest nesting (tensor rank) accepted from JS data; PyTorch caps rank at 64 too. */
export const MAX_RANK = 64;

let maxElements = DEFAULT_MAX_ELEMENTS;

/**
 * Sets the cap on the element count of any tensor or buffer gradlab allocates (default 2^28).
 * @param n a positive integer, at most 2^32 − 1 (the typed-array limit)
 * @returns the previous cap, so a test can restore it
 * @throws ValueError for a non-integer or out-of-range cap
 * @example
 * const old = setMaxElements(1e6); // smaller tensors only, e.g. in a server
 * setMaxElements(old);
 */
export function setMaxElements(n: number): number {
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 1 || n > 2 ** 32 - 1) {
    throw new ValueError('the element cap must be a positive integer', { op: 'setMaxElements', arg: 'n', expected: 'integer in [1, 2^32 - 1]', received: n });
  }
  const old = maxElements;
  maxElements = n;
  return old;
}

/**
 * The current cap on the element count of one allocation.
 * @returns the cap (default {@link DEFAULT_MAX_ELEMENTS})
 * @example
 * getMaxElements(); // 268435456
 */
export function getMaxElements(): number {
  return maxElements;
}

/**
 * Throws a ValueError when `count` elements exceed the allocation cap (or is not a count at all).
 * Call it before allocating or before a loop whose length the caller chose.
 * @param count the number of elements (or iterations) asked for
 * @param at where the size comes from, for the message
 * @returns count
 * @throws ValueError naming the size asked for and the cap
 * @example
 * checkElementCount(6, { op: 'zeros', arg: 'shape' }); // 6
 */
export function checkElementCount(count: number, at: { pkg?: string | undefined; op: string; arg?: string | undefined }): number {
  at = checkRef(at, 'checkElementCount');
  if (!(count <= maxElements) || !Number.isInteger(count) || count < 0) {
    throw new ValueError(`the size asked for (${count} elements) exceeds the allocation cap of ${maxElements} elements`, {
      pkg: at.pkg,
      op: at.op,
      arg: at.arg,
      expected: `at most ${maxElements} elements`,
      received: count,
      hint: 'use a smaller size, or raise the cap with setMaxElements(n) from @gradlab/core-tensor',
    });
  }
  return count;
}
