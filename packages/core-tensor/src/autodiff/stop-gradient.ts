import { Tensor } from '../tensor.ts';
import type { TensorLike } from '../ops/util.ts';
import { toTensor } from '../ops/util.ts';
import { withMask } from './tape.ts';
import { requireFunction } from '../validate/require-options.ts';

/**
 * The same values, treated as a constant by differentiation (no gradient flows through it).
 * Shares storage with x.
 * @param x any tensor
 * @returns a tensor equal to x, with no gradient history
 * @example
 * grad((x) => x.mul(stopGradient(x)).sum())(tensor([3])).toArray(); // [3]
 */
export function stopGradient(x: TensorLike): Tensor {
  const t = toTensor('stopGradient', 'x', x);
  if (t._mask === 0) return t;
  return new Tensor(t._buf, t.shape, t.dtype, t._strides, t._offset);
}

/**
 * Runs `fn` with differentiation switched off: no op inside records gradient history, so
 * results are constants for every enclosing `grad` (and nothing is retained).
 * @param fn the code to run
 * @returns what fn returns
 * @example
 * const y = noGrad(() => tensor([1, 2]).mul(2));
 */
export function noGrad<T>(fn: () => T): T {
  requireFunction(fn, { op: 'noGrad', arg: 'fn' });
  return withMask(0, fn);
}

