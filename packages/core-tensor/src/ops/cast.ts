import type { DType } from '../dtype.ts';
import { isDType, isFloat } from '../dtype.ts';
import { DTypeError } from '../errors.ts';
import { checkValuesFor } from '../check-values.ts';
import { getBackend } from '../backend/registry.ts';
import { record } from '../autodiff/tape.ts';
import type { Tensor } from '../tensor.ts';
import type { TensorLike } from './util.ts';
import { fromBuffer, toTensor, view } from './util.ts';

/**
 * Converts to another dtype (a copy; the same tensor when the dtype already matches). Floats to
 * int32 truncate toward zero (NaN, ±Infinity and values outside the int32 range are refused,
 * as PyTorch); anything to bool is `x != 0`. Float-to-float casts pass the
 * gradient through (cast back); casts to int32/bool stop it.
 * @param x any tensor
 * @param dtype the target dtype
 * @returns a tensor of x's shape and the new dtype
 * @throws DTypeError for an unknown dtype name; ValueError for a float value int32 cannot hold
 * @example
 * cast(tensor([1.7, -1.7]), 'int32').toArray(); // [1, -1]
 */
export function cast(x: TensorLike, dtype: DType): Tensor {
  if (!isDType(dtype)) {
    throw new DTypeError('unknown dtype', { op: 'cast', arg: 'dtype', expected: 'float32 | float64 | int32 | bool', received: String(dtype) });
  }
  const t = toTensor('cast', 'x', x);
  if (t.dtype === dtype) return t;
  // PyTorch refuses what int32 cannot hold rather than wrapping (1e12 -> -727379968) or mapping NaN to 0.
  if (dtype === 'int32' && isFloat(t.dtype)) checkValuesFor('cast', 'x', t.data, 'int32', false);
  const out = fromBuffer(getBackend().cast(view(t), dtype), t.shape, dtype);
  if (!isFloat(dtype) || !isFloat(t.dtype)) return out;
  return record(out, 'cast', [t], (g) => [cast(g, t.dtype)]);
}
