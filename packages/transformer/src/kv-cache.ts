import { concat, ShapeError } from '@gradlab/core-tensor';
import type { Tensor } from '@gradlab/core-tensor';

/**
 * The keys and values one attention layer has already computed, `[B, heads, T, headDim]`, so that
 * generating the next token projects only that token (a KV cache). Each call to
 * {@link MultiHeadAttention.attend} with this cache appends the new keys and values.
 */
export class KvCache {
  /** Cached keys `[B, heads, T, headDim]`, or `undefined` while empty. */
  k: Tensor | undefined = undefined;
  /** Cached values `[B, heads, T, headDim]`, or `undefined` while empty. */
  v: Tensor | undefined = undefined;

  /** The number of cached positions. */
  get length(): number {
    return this.k === undefined ? 0 : (this.k.shape[2] as number);
  }

  /**
   * Appends new keys and values along the sequence axis.
   * @param k `[B, heads, Tnew, headDim]`
   * @param v `[B, heads, Tnew, headDim]`
   * @returns all keys and values, old then new
   * @throws ShapeError when the batch, heads or head size differ from the cached ones
   */
  append(k: Tensor, v: Tensor): { k: Tensor; v: Tensor } {
    if (this.k === undefined || this.v === undefined) {
      this.k = k;
      this.v = v;
      return { k, v };
    }
    const old = this.k.shape;
    if (k.rank !== 4 || k.shape[0] !== old[0] || k.shape[1] !== old[1] || k.shape[3] !== old[3]) {
      throw new ShapeError('new keys do not fit the cache', { pkg: 'transformer', op: 'KvCache.append', arg: 'k', expected: `[${old[0]}, ${old[1]}, T, ${old[3]}]`, received: [...k.shape], hint: 'use one cache per layer and per batch; clear() it for a new sequence' });
    }
    this.k = concat([this.k, k], 2);
    this.v = concat([this.v, v], 2);
    return { k: this.k, v: this.v };
  }

  /** Empties the cache (a new sequence). */
  clear(): void {
    this.k = undefined;
    this.v = undefined;
  }
}

/**
 * An empty {@link KvCache} for one attention layer.
 * @returns a new cache
 * @example
 * const cache = kvCache();
 * mha.attend(prompt, { causal: true, cache });   // fills it
 * mha.attend(nextToken, { causal: true, cache }); // attends to the prompt without recomputing it
 */
export function kvCache(): KvCache {
  return new KvCache();
}
