/** Joining and splitting along an axis: concat (primitive, copy kernel) and stack/split (views). */
import { getBackend } from '../backend/registry.ts';
import { promoteTypes, isFloat } from '../dtype.ts';
import { ShapeError, ValueError } from '../errors.ts';
import { describeType } from '../validate/arg-ref.ts';
import { checkElementCount } from '../validate/element-cap.ts';
import { fmtShape, normAxis, rowMajorStrides, sizeOf } from '../shape.ts';
import { record } from '../autodiff/tape.ts';
import type { Tensor } from '../tensor.ts';
import type { TensorLike } from './util.ts';
import { fromBuffer, toTensor, view } from './util.ts';
import { expandDims, slice } from './movement.ts';
import { cast } from './cast.ts';

/**
 * Joins tensors along an existing `axis` (default 0); dtypes are promoted.
 * @param tensors at least one; same rank, equal dims except along axis
 * @param axis the joined axis (default 0)
 * @returns the joined tensor
 * @throws ShapeError when ranks or dims differ; ValueError for an empty list
 * @example
 * concat([tensor([1, 2]), tensor([3])]).toArray(); // [1, 2, 3]
 */
export function concat(tensors: readonly TensorLike[], axis = 0): Tensor {
  const list: unknown = tensors;
  if (!Array.isArray(list)) throw new ValueError('tensors must be an array of tensors', { op: 'concat', arg: 'tensors', expected: 'Tensor[]', received: describeType(list), hint: 'wrap a single tensor in a list: concat([x])' });
  if (tensors.length === 0) throw new ValueError('needs at least one tensor', { op: 'concat', arg: 'tensors', received: 'an empty list' });
  const ts = tensors.map((x, i) => toTensor('concat', `tensors[${i}]`, x));
  const first = ts[0] as Tensor;
  const a = normAxis('concat', axis, first.rank);
  let dtype = first.dtype;
  let total = 0;
  ts.forEach((t, i) => {
    if (t.rank !== first.rank || t.shape.some((d, j) => j !== a && d !== first.shape[j])) {
      throw new ShapeError(`shapes must match except along axis ${a}: tensors[0] is ${fmtShape(first.shape)}, tensors[${i}] is ${fmtShape(t.shape)}`, {
        op: 'concat',
        arg: `tensors[${i}]`,
        expected: fmtShape(first.shape.map((d, j) => (j === a ? -1 : d))),
        received: t.shape.slice(),
      });
    }
    dtype = promoteTypes(dtype, t.dtype);
    total += t.shape[a] as number;
  });
  const shape = first.shape.map((d, j) => (j === a ? total : d));
  checkElementCount(sizeOf(shape), { op: 'concat', arg: 'tensors' });
  const be = getBackend();
  const buf = be.fill(sizeOf(shape), 0, dtype);
  const strides = rowMajorStrides(shape);
  const begins: number[] = [];
  let pos = 0;
  for (const t of ts) {
    begins.push(pos);
    be.copy(view(t), { data: buf, dtype, shape: t.shape, strides, offset: pos * (strides[a] as number) });
    pos += t.shape[a] as number;
  }
  const out = fromBuffer(buf, shape, dtype);
  return record(out, 'concat', ts, (g) =>
    ts.map((t, i) => {
      const begin = shape.map((_, j) => (j === a ? (begins[i] as number) : 0));
      const part = slice(g, begin, t.shape);
      return part.dtype !== t.dtype && isFloat(t.dtype) ? cast(part, t.dtype) : part;
    }),
  );
}

/**
 * Stacks same-shape tensors along a new `axis` (default 0).
 * @param axis where the new axis goes (default 0)
 * @returns a tensor of rank + 1
 * @throws ShapeError when shapes differ
 * @example
 * stack([tensor([1, 2]), tensor([3, 4])]).toArray(); // [[1, 2], [3, 4]]
 */
export function stack(tensors: readonly TensorLike[], axis = 0): Tensor {
  const list: unknown = tensors;
  if (!Array.isArray(list)) throw new ValueError('tensors must be an array of tensors', { op: 'stack', arg: 'tensors', expected: 'Tensor[]', received: describeType(list) });
  if (tensors.length === 0) throw new ValueError('needs at least one tensor', { op: 'stack', arg: 'tensors', received: 'an empty list' });
  const ts = tensors.map((x, i) => toTensor('stack', `tensors[${i}]`, x));
  const a = normAxis('stack', axis, (ts[0] as Tensor).rank + 1);
  return concat(ts.map((t) => expandDims(t, a)), a);
}

/**
 * Splits along `axis` (default 0) into `sections` equal parts, or parts of the given sizes (views).
 * @param x any tensor
 * @param sections a number of equal parts, or the part sizes
 * @param axis the split axis (default 0)
 * @returns the parts, as views
 * @throws ShapeError when the parts do not add up to the axis length
 * @example
 * split(tensor([1, 2, 3, 4]), 2).map((t) => t.toArray()); // [[1, 2], [3, 4]]
 */
export function split(x: TensorLike, sections: number | readonly number[], axis = 0): Tensor[] {
  const t = toTensor('split', 'x', x);
  const a = normAxis('split', axis, t.rank);
  const dim = t.shape[a] as number;
  let sizes: number[];
  if (typeof sections === 'number') {
    if (!Number.isInteger(sections) || sections < 1 || dim % sections !== 0) {
      throw new ShapeError(`cannot split an axis of size ${dim} into ${sections} equal parts`, { op: 'split', arg: 'sections', expected: `a divisor of ${dim}`, received: sections });
    }
    sizes = new Array<number>(sections).fill(dim / sections);
  } else {
    const list: unknown = sections;
    if (!Array.isArray(list)) throw new ShapeError('sections must be a number or a list of sizes', { op: 'split', arg: 'sections', expected: 'number | number[]', received: describeType(list) });
    sizes = (list as number[]).slice();
    const total = sizes.reduce((p, q) => p + q, 0);
    if (total !== dim || sizes.some((s) => !Number.isInteger(s) || s < 0)) {
      throw new ShapeError(`section sizes must be non-negative integers adding up to ${dim}`, { op: 'split', arg: 'sections', expected: `sum ${dim}`, received: sizes });
    }
  }
  let pos = 0;
  return sizes.map((s) => {
    const begin = t.shape.map((_, j) => (j === a ? pos : 0));
    const size = t.shape.map((d, j) => (j === a ? s : d));
    pos += s;
    return slice(t, begin, size);
  });
}
