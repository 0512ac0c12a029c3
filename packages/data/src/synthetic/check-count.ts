import { checkElementCount, ValueError } from '@gradlab/core-tensor';

/** Checks a sample count N (a positive integer) for the generator `op`. */
export function checkCount(n: number, op: string): number {
  if (!Number.isInteger(n) || n < 1) {
    throw new ValueError('the number of samples must be a positive integer', { pkg: 'data', op, arg: 'options.n', expected: 'an integer >= 1', received: n });
  }
  return checkElementCount(n, { pkg: 'data', op, arg: 'options.n' });
}

/** Checks a non-negative finite parameter such as a noise level. */
export function checkNonNegative(v: number, op: string, arg: string): number {
  if (!(v >= 0 && Number.isFinite(v))) {
    throw new ValueError(`${arg} must be a non-negative number`, { pkg: 'data', op, arg, expected: '>= 0', received: v });
  }
  return v;
}
