/** Gathering, one-hot encoding, and the scatter-add primitive that is gather's gradient. */
import type { DType } from '../dtype.ts';
import { isFloat } from '../dtype.ts';
import { DTypeError, ValueError } from '../errors.ts';
import { describeType } from '../validate/arg-ref.ts';
import { checkElementCount } from '../validate/element-cap.ts';
import { requireInteger } from '../validate/require-number.ts';
import { requireOptions } from '../validate/require-options.ts';
import { getBackend } from '../backend/registry.ts';
import { normAxis } from '../shape.ts';
import { record } from '../autodiff/tape.ts';
import { Tensor } from '../tensor.ts';
import type { TensorLike } from './util.ts';
import { fromBuffer, toTensor, view } from './util.ts';
import { flatten, reshape } from './movement.ts';
import { equal } from './compare.ts';
import { cast } from './cast.ts';
import { expandDims } from './movement.ts';

function indexArray(op: string, indices: Tensor | readonly number[], dim: number): { idx: Int32Array; shape: readonly number[] } {
  let idx: Int32Array;
  let shape: readonly number[];
  if (indices instanceof Tensor) {
    if (isFloat(indices.dtype)) {
      throw new DTypeError('indices must be integers', { op, arg: 'indices', expected: 'int32', received: indices.dtype, hint: "cast them: indices.astype('int32')" });
    }
    const d = indices.data;
    idx = d instanceof Int32Array ? d : Int32Array.from(d);
    shape = indices.shape;
  } else {
    if (!Array.isArray(indices)) throw new ValueError('indices must be an int32 tensor or an array of integers', { op, arg: 'indices', expected: 'Tensor | number[]', received: describeType(indices) });
    checkElementCount(indices.length, { op, arg: 'indices' });
    indices.forEach((v, i) => {
      if (typeof v !== 'number' || !Number.isInteger(v)) throw new ValueError('indices must be integers', { op, arg: `indices[${i}]`, received: describeType(v) });
      if (v < 0 || v >= dim) throw new ValueError(`index ${v} is out of range for an axis of size ${dim}`, { op, arg: `indices[${i}]`, expected: `integer in [0, ${dim - 1}]`, received: v });
    });
    idx = Int32Array.from(indices);
    shape = [indices.length];
  }
  for (let i = 0; i < idx.length; i++) {
    const v = idx[i] as number;
    if (v < 0 || v >= dim) {
      throw new ValueError(`index ${v} is out of range for an axis of size ${dim}`, { op, arg: `indices[${i}]`, expected: `integer in [0, ${dim - 1}]`, received: v });
    }
  }
  return { idx, shape };
}

function scatterAddOp(src: Tensor, axis: number, idx: Int32Array, dimSize: number): Tensor {
  const shape = src.shape.map((d, i) => (i === axis ? dimSize : d));
  const out = fromBuffer(getBackend().scatterAdd(view(src), axis, idx, dimSize), shape, src.dtype);
  return record(out, 'scatterAdd', [src], (g) => [gatherOp(g, axis, idx)]);
}

function gatherOp(x: Tensor, axis: number, idx: Int32Array): Tensor {
  const shape = x.shape.map((d, i) => (i === axis ? idx.length : d));
  const out = fromBuffer(getBackend().gather(view(x), axis, idx), shape, x.dtype);
  const dim = x.shape[axis] as number;
  return record(out, 'gather', [x], (g) => [scatterAddOp(g, axis, idx, dim)]);
}

/**
 * Picks slices along `axis` by index (embedding lookup): the result has shape
 * `x.shape[:axis] + indices.shape + x.shape[axis+1:]`. Its gradient scatter-adds (repeated
 * indices accumulate).
 * @param x any tensor
 * @param indices int32 tensor or number[] of in-range indices
 * @param axis default 0
 * @returns `x.shape[:axis] + indices.shape + x.shape[axis+1:]`
 * @throws DTypeError for float indices; ValueError for out-of-range indices; ShapeError for a bad axis
 * @example
 * gather(tensor([[1, 2], [3, 4], [5, 6]]), [2, 0]).toArray(); // [[5, 6], [1, 2]]
 */
export function gather(x: TensorLike, indices: Tensor | readonly number[], axis = 0): Tensor {
  const t = toTensor('gather', 'x', x);
  const a = normAxis('gather', axis, t.rank);
  const { idx, shape } = indexArray('gather', indices, t.shape[a] as number);
  const out = gatherOp(t, a, idx);
  if (shape.length === 1) return out;
  return reshape(out, [...t.shape.slice(0, a), ...shape, ...t.shape.slice(a + 1)]);
}

/**
 * NumPy's take: like {@link gather}, but without `axis` it indexes the flattened tensor.
 * @param x any tensor
 * @param indices int32 tensor or number[]
 * @param axis the axis (default: the flattened tensor)
 * @returns the picked elements or slices
 * @example
 * take(tensor([[1, 2], [3, 4]]), [3, 0]).toArray(); // [4, 1]
 */
export function take(x: TensorLike, indices: Tensor | readonly number[], axis?: number): Tensor {
  const t = toTensor('take', 'x', x);
  return axis === undefined ? gather(flatten(t), indices, 0) : gather(t, indices, axis);
}

/**
 * One-hot encoding: `out[..., j] = 1` where `j = indices[...]`, else 0 (not differentiable).
 * @param indices int32 tensor or number[] with values in [0, depth)
 * @param depth the number of classes
 * @param options.dtype the result dtype (default float64)
 * @returns `[...indices.shape, depth]`
 * @throws ValueError for an index outside [0, depth)
 * @example
 * oneHot([0, 2], 3).toArray(); // [[1, 0, 0], [0, 0, 1]]
 */
export function oneHot(indices: Tensor | readonly number[], depth: number, options?: { dtype?: DType }): Tensor {
  requireInteger(depth, { op: 'oneHot', arg: 'depth' }, { min: 1 });
  const o = requireOptions(options, { op: 'oneHot' }, ['dtype']);
  const { idx, shape } = indexArray('oneHot', indices, depth);
  checkElementCount(idx.length * depth, { op: 'oneHot', arg: 'depth' });
  checkElementCount(depth, { op: 'oneHot', arg: 'depth' });
  const classes = new Int32Array(depth);
  for (let i = 0; i < depth; i++) classes[i] = i;
  const idxT = fromBuffer(idx, shape, 'int32');
  return cast(equal(expandDims(idxT, -1), fromBuffer(classes, [depth], 'int32')), o.dtype ?? 'float64');
}
