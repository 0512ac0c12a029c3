import { ValueError } from '../errors.ts';
import { normAxes } from '../shape.ts';
import type { Tensor } from '../tensor.ts';
import type { TensorLike } from './util.ts';
import { toTensor } from './util.ts';
import { abs, sqrt, square } from './unary.ts';
import { sum } from './reduce.ts';
import { cast } from './cast.ts';
import { isFloat } from '../dtype.ts';

/** Options of {@link norm}. */
export interface NormOptions {
  /** 1: Σ|x|; 2 (default): √Σx²; 'fro': the Frobenius norm (the 2-norm of all entries). */
  ord?: 1 | 2 | 'fro';
  /** Axes to reduce (default: all). */
  axis?: number | readonly number[];
  /** Keep reduced axes as size 1. */
  keepDims?: boolean;
}

/**
 * Vector norms over `axis` (entrywise, so ord 2 over a matrix is its Frobenius norm). The 2-norm's
 * gradient x/‖x‖ is undefined at 0 (NaN there).
 * @param x any tensor (integers are promoted to float64)
 * @param options ord, axis, keepDims
 * @returns the norms: x's shape without the reduced axes
 * @throws ValueError for an unsupported ord
 * @example
 * norm(tensor([3, 4])).item(); // 5
 * norm(tensor([3, -4]), { ord: 1 }).item(); // 7
 */
export function norm(x: TensorLike, options?: NormOptions): Tensor {
  let t = toTensor('norm', 'x', x);
  if (!isFloat(t.dtype)) t = cast(t, 'float64');
  const ord = options?.ord ?? 2;
  const axes = normAxes('norm', options?.axis, t.rank);
  const opts = { keepDims: options?.keepDims === true };
  if (ord === 1) return sum(abs(t), axes, opts);
  if (ord === 2 || ord === 'fro') return sqrt(sum(square(t), axes, opts));
  throw new ValueError('unsupported norm order', { op: 'norm', arg: 'options.ord', expected: "1 | 2 | 'fro'", received: String(ord) });
}
