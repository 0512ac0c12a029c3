import { arange, expandDims, keep, lessEqual, ValueError } from '@gradlab/core-tensor';
import type { Tensor } from '@gradlab/core-tensor';

const cache = new Map<string, Tensor>();
const LIMIT = 256;

/**
 * The causal mask `[tq, tk]` (bool, true = keep): query i sits at position `i + tk - tq` of the key
 * sequence and sees keys 0..that position. With `tq = tk` it is the lower triangle; with a KV cache
 * (`tq < tk`, the queries are the last `tq` positions) it is aligned at the bottom right. The masks
 * are built once per shape from tensor ops and cached, so the training step builds none.
 * @param tq the number of queries
 * @param tk the number of keys (>= tq)
 * @returns a bool tensor `[tq, tk]`
 * @throws ValueError when tk < tq or a size is not a positive integer
 * @example
 * trailingCausalMask(2, 3).toArray(); // [[1, 1, 0], [1, 1, 1]]
 */
export function trailingCausalMask(tq: number, tk: number): Tensor {
  if (!Number.isInteger(tq) || !Number.isInteger(tk) || tq < 1 || tk < tq) {
    throw new ValueError('the causal mask needs 1 <= tq <= tk', { pkg: 'transformer', op: 'trailingCausalMask', arg: 'tk', expected: `an integer >= tq = ${tq}`, received: tk });
  }
  const key = `${tq}x${tk}`;
  let m = cache.get(key);
  if (m === undefined) {
    // keep(): the mask outlives the tidy scope of the training step that first asks for it.
    m = keep(lessEqual(expandDims(arange(tk, undefined, 1, { dtype: 'int32' }), 0), expandDims(arange(tk - tq, tk, 1, { dtype: 'int32' }), 1)));
    if (cache.size >= LIMIT) cache.clear();
    cache.set(key, m);
  }
  return m;
}
