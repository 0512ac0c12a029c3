import type { StridedArray } from '../backend/backend.ts';
import type { Tensor } from '../tensor.ts';

/**
 * The kernel view of `t` broadcast to `shape` (already checked compatible): new leading dims and
 * size-1 dims get stride 0, so no data is copied.
 */
export function broadcastView(t: Tensor, shape: readonly number[]): StridedArray {
  const r = shape.length;
  const off = r - t.rank;
  const strides = new Array<number>(r);
  for (let i = 0; i < r; i++) {
    const j = i - off;
    strides[i] = j < 0 || (t.shape[j] === 1 && shape[i] !== 1) ? 0 : (t._strides[j] as number);
  }
  return { data: t._buf, dtype: t.dtype, shape, strides, offset: t._offset };
}
