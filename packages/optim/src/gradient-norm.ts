import { paramLeaves } from './param-tree.ts';
import type { Params } from './optimizer.ts';

/**
 * The Euclidean norm ‖g‖ of a gradient over all its leaves, as if they were one flat vector.
 *
 * @param grads a tensor, an array or a record of tensors
 * @returns ‖g‖ (NaN or Infinity when an entry is)
 * @throws ValueError when `grads` is not a parameter structure
 * @example
 * ```ts
 * gradientNorm({ w: tensor([3]), b: tensor([4]) }); // 5
 * ```
 */
export function gradientNorm(grads: Params): number {
  let s = 0;
  for (const t of paramLeaves(grads, 'gradientNorm', 'grads').leaves) for (const v of t.data) s += v * v;
  return Math.sqrt(s);
}
