import type { Tensor } from '../tensor.ts';
import { sameShape } from '../shape.ts';
import { sum } from './reduce.ts';
import { reshape } from './movement.ts';

/**
 * Sums `g` down to `shape`, undoing a broadcast: leading extra dims and dims where `shape` has 1
 * are summed. Differentiable (its gradient broadcasts back).
 */
export function sumTo(g: Tensor, shape: readonly number[]): Tensor {
  if (sameShape(g.shape, shape)) return g;
  const off = g.rank - shape.length;
  const axes: number[] = [];
  for (let i = 0; i < g.rank; i++) if (i < off || (shape[i - off] === 1 && g.shape[i] !== 1)) axes.push(i);
  return reshape(sum(g, axes, { keepDims: false }), shape);
}
