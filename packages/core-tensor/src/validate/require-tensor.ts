import { DisposedError, ValueError } from '../errors.ts';
import { Tensor } from '../tensor.ts';
import type { ArgRef } from './arg-ref.ts';
import { checkRef, describeType } from './arg-ref.ts';

/**
 * Checks that `value` is a live Tensor (not disposed).
 * @param value the argument as received
 * @param at the package, function and argument name
 * @returns the tensor
 * @throws ValueError for a non-tensor; DisposedError for a disposed tensor
 * @example
 * requireTensor(zeros([2]), { op: 'reshape', arg: 'x' });
 */
export function requireTensor(value: unknown, at: ArgRef): Tensor {
  at = checkRef(at, 'requireTensor');
  if (!(value instanceof Tensor)) {
    throw new ValueError('must be a Tensor', { pkg: at.pkg, op: at.op, arg: at.arg, expected: 'a Tensor', received: describeType(value), hint: 'create one with tensor(data) from @gradlab/core-tensor' });
  }
  return requireLive(value, at);
}

/**
 * Throws a DisposedError when `t` was disposed (explicitly or by the end of its `tidy` scope).
 * @param t the tensor
 * @param at the package, function and argument name
 * @returns t
 * @throws DisposedError
 * @example
 * requireLive(t, { op: 'keep', arg: 't' });
 */
export function requireLive(t: Tensor, at: ArgRef): Tensor {
  at = checkRef(at, 'requireLive');
  if (!(t instanceof Tensor)) return requireTensor(t, at);
  if (t.isDisposed) {
    throw new DisposedError('this tensor was disposed', {
      pkg: at.pkg,
      op: at.op,
      arg: at.arg,
      expected: 'a live tensor',
      received: 'a disposed tensor',
      hint: 'a tensor created inside tidy() is disposed when tidy returns unless tidy returns it or keep() protects it',
    });
  }
  return t;
}
