import { ValueError, tensor } from '@gradlab/core-tensor';
import type { Tensor } from '@gradlab/core-tensor';

/**
 * The fixed sinusoidal position encodings of Vaswani et al.:
 * `PE[t, 2i] = sin(t / 10000^(2i/d))`, `PE[t, 2i+1] = cos(t / 10000^(2i/d))`.
 * @param T the number of positions
 * @param d the model width (an odd d drops the last cosine)
 * @returns `[T, d]`, float64 (cast it to the model's dtype)
 * @throws ValueError when T or d is not a positive integer
 * @example
 * sinusoidalPositions(2, 2).toArray(); // [[0, 1], [0.841..., 0.540...]]
 */
export function sinusoidalPositions(T: number, d: number): Tensor {
  for (const [arg, n] of [['T', T], ['d', d]] as const) {
    if (!Number.isInteger(n) || n < 1) throw new ValueError(`${arg} must be a positive integer`, { pkg: 'transformer', op: 'sinusoidalPositions', arg, expected: 'an integer >= 1', received: n });
  }
  const out = new Float64Array(T * d);
  for (let t = 0; t < T; t++) {
    for (let i = 0; i < d; i += 2) {
      const angle = t / 10000 ** (i / d);
      out[t * d + i] = Math.sin(angle);
      if (i + 1 < d) out[t * d + i + 1] = Math.cos(angle);
    }
  }
  return tensor(out, { shape: [T, d], dtype: 'float64' });
}
