import { checkElementCount, DTypeError, tensor, ValueError } from '@gradlab/core-tensor';
import type { Tensor } from '@gradlab/core-tensor';

/** Options of {@link sinusoidalPositions}. */
export interface SinusoidalPositionsOptions {
  /** Float dtype of the table (default float64). */
  dtype?: 'float32' | 'float64';
  /** The base of the wavelengths (default 10000, as in the paper). */
  base?: number;
}

/**
 * The fixed sinusoidal position encodings of "Attention Is All You Need" (Vaswani et al. 2017,
 * §3.5): `PE[pos, 2i] = sin(pos / base^(2i/d))`, `PE[pos, 2i+1] = cos(pos / base^(2i/d))`, so the
 * wavelengths grow geometrically from 2π to base·2π, and PE[pos + k] is a linear function of
 * PE[pos]. For odd d the last column is a sine. Add it to the token embeddings `[..., T, d]`.
 * @param T the number of positions (rows), 0, 1, ..., T − 1
 * @param d the model width (columns)
 * @param options `dtype` (default float64), `base` (default 10000)
 * @returns a `[T, d]` tensor
 * @throws ValueError when T or d is not a non-negative integer, or base is not a number > 0
 * @throws DTypeError for a non-float dtype
 * @example
 * sinusoidalPositions(2, 4).toArray();
 * // [[0, 1, 0, 1], [Math.sin(1), Math.cos(1), Math.sin(0.01), Math.cos(0.01)]]
 */
export function sinusoidalPositions(T: number, d: number, options?: SinusoidalPositionsOptions): Tensor {
  const op = 'sinusoidalPositions';
  for (const [arg, n] of [['T', T], ['d', d]] as const) {
    if (!Number.isInteger(n) || n < 0) throw new ValueError('a size must be a non-negative integer', { pkg: 'transformer', op, arg, expected: 'an integer >= 0', received: n });
  }
  checkElementCount(T * d, { pkg: 'transformer', op, arg: 'T' });
  const base = options?.base ?? 10000;
  if (typeof base !== 'number' || !(base > 0) || !Number.isFinite(base)) throw new ValueError('the base must be a positive number', { pkg: 'transformer', op, arg: 'options.base', expected: 'a finite number > 0', received: base });
  const dtype = options?.dtype ?? 'float64';
  if (dtype !== 'float32' && dtype !== 'float64') throw new DTypeError('the table is float', { pkg: 'transformer', op, arg: 'options.dtype', expected: 'float32 or float64', received: dtype });
  const data = new Float64Array(T * d);
  // T = 0 leaves nothing to fill, however large d is (and the loop over d would not end soon).
  for (let j = 0; j < d && T > 0; j += 2) {
    const invFreq = base ** (-j / d);
    for (let pos = 0; pos < T; pos++) {
      const angle = pos * invFreq;
      data[pos * d + j] = Math.sin(angle);
      if (j + 1 < d) data[pos * d + j + 1] = Math.cos(angle);
    }
  }
  const table = tensor(data, { shape: [T, d] });
  return dtype === 'float64' ? table : table.astype(dtype);
}
