import { checkElementCount, tensor, ValueError } from '@gradlab/core-tensor';
import type { Tensor } from '@gradlab/core-tensor';

/**
 * The causal (look-ahead) mask of a decoder: a boolean `[tq, tk]` tensor, true where query i may
 * attend to key j, that is j ≤ i (the lower triangle, aligned at the top-left corner as in
 * PyTorch's `torch.tril(torch.ones(tq, tk))`). Convention: true = keep.
 * @param tq the number of queries
 * @param tk the number of keys (default tq)
 * @returns a bool tensor `[tq, tk]`
 * @throws ValueError when a length is not a non-negative integer, or tq × tk exceeds the allocation cap
 * @example
 * causalMask(3).toArray(); // [[1, 0, 0], [1, 1, 0], [1, 1, 1]]
 */
export function causalMask(tq: number, tk: number = tq): Tensor {
  for (const [arg, n] of [['tq', tq], ['tk', tk]] as const) {
    if (!Number.isInteger(n) || n < 0) {
      throw new ValueError('a sequence length must be a non-negative integer', { pkg: 'transformer', op: 'causalMask', arg, expected: 'an integer >= 0', received: n });
    }
  }
  checkElementCount(tq * tk, { pkg: 'transformer', op: 'causalMask', arg: 'tq × tk' });
  const data = new Uint8Array(tq * tk);
  // tk = 0 leaves nothing to fill, however large tq is.
  for (let i = 0; i < tq && tk > 0; i++) for (let j = 0; j <= Math.min(i, tk - 1); j++) data[i * tk + j] = 1;
  return tensor(data, { dtype: 'bool', shape: [tq, tk] });
}
