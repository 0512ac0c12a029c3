/**
 * Shape and movement ops. Views share storage (new shape, strides and offset; no copy) whenever
 * the layout allows; each op's gradient rule is its inverse movement.
 */
import { getBackend } from '../backend/registry.ts';
import { ShapeError } from '../errors.ts';
import { describeType } from '../validate/arg-ref.ts';
import { broadcastShapes, checkShape, fmtShape, isRowMajor, normAxis, normAxes, rowMajorStrides, sameShape, sizeOf } from '../shape.ts';
import { record } from '../autodiff/tape.ts';
import { Tensor } from '../tensor.ts';
import type { TensorLike } from './util.ts';
import { fromBuffer, toTensor, view } from './util.ts';
import { sumTo } from './sum-to.ts';

function makeView(x: Tensor, shape: readonly number[], strides: readonly number[], offset: number): Tensor {
  return new Tensor(x._buf, shape, x.dtype, strides, offset);
}

/**
 * A tensor with the same elements in a new shape (row-major order). One entry may be −1 and is
 * inferred. A view when x is contiguous, a copy otherwise.
 * @param x any tensor
 * @param shape the new shape, same number of elements
 * @returns a tensor of the new shape
 * @throws ShapeError when the sizes differ or −1 cannot be inferred
 * @example
 * reshape(arange(6), [2, -1]).shape; // [2, 3]
 */
export function reshape(x: TensorLike, shape: readonly number[]): Tensor {
  const t = toTensor('reshape', 'x', x);
  const list: unknown = shape;
  if (!Array.isArray(list) || list.some((d) => typeof d !== 'number' || !Number.isInteger(d) || d < -1)) {
    throw new ShapeError('shape must be an array of integers >= 0 (one may be -1)', { op: 'reshape', arg: 'shape', expected: 'number[]', received: describeType(list) });
  }
  const wanted = shape.slice();
  const minus = wanted.indexOf(-1);
  if (minus >= 0) {
    const rest = sizeOf(wanted.filter((_, i) => i !== minus));
    if (wanted.lastIndexOf(-1) !== minus || rest === 0 || t.size % rest !== 0) {
      throw new ShapeError(`cannot infer the −1 dimension reshaping ${fmtShape(t.shape)} (size ${t.size})`, { op: 'reshape', arg: 'shape', expected: `a shape of size ${t.size}`, received: wanted });
    }
    wanted[minus] = t.size / rest;
  }
  checkShape('reshape', wanted);
  if (sizeOf(wanted) !== t.size) {
    throw new ShapeError(`cannot reshape a tensor of shape ${fmtShape(t.shape)} (size ${t.size}) into ${fmtShape(wanted)} (size ${sizeOf(wanted)})`, {
      op: 'reshape',
      arg: 'shape',
      expected: `a shape of size ${t.size}`,
      received: wanted,
    });
  }
  if (sameShape(wanted, t.shape)) return t;
  const out = isRowMajor(t.shape, t._strides)
    ? makeView(t, wanted, rowMajorStrides(wanted), t._offset)
    : fromBuffer(getBackend().contiguous(view(t)), wanted, t.dtype);
  return record(out, 'reshape', [t], (g) => [reshape(g, t.shape)]);
}

/**
 * Flattens to rank 1 (a view when contiguous).
 * @param x any tensor
 * @returns `[x.size]`
 * @example
 * flatten(zeros([2, 3])).shape; // [6]
 */
export function flatten(x: TensorLike): Tensor {
  const t = toTensor('flatten', 'x', x);
  return reshape(t, [t.size]);
}

/**
 * Permutes the dims (a view). Without `perm`, reverses them (matrix transpose for rank 2).
 * @param x any tensor
 * @param perm a permutation of 0..rank−1
 * @returns a view with permuted dims
 * @throws ShapeError when perm is not a permutation of the dims
 * @example
 * transpose(zeros([2, 3])).shape; // [3, 2]
 */
export function transpose(x: TensorLike, perm?: readonly number[]): Tensor {
  const t = toTensor('transpose', 'x', x);
  const permList: unknown = perm;
  if (permList !== undefined && !Array.isArray(permList)) {
    throw new ShapeError('perm must be an array of axes', { op: 'transpose', arg: 'perm', expected: `a permutation of 0..${t.rank - 1}`, received: describeType(permList) });
  }
  const p = perm === undefined ? t.shape.map((_, i) => t.rank - 1 - i) : perm.map((a) => normAxis('transpose', a, t.rank, 'perm'));
  if (perm !== undefined && (p.length !== t.rank || new Set(p).size !== t.rank)) {
    throw new ShapeError(`perm must be a permutation of the ${t.rank} dims`, { op: 'transpose', arg: 'perm', expected: `a permutation of 0..${t.rank - 1}`, received: perm === undefined ? [] : perm.slice() });
  }
  if (p.every((a, i) => a === i)) return t;
  const out = makeView(t, p.map((a) => t.shape[a] as number), p.map((a) => t._strides[a] as number), t._offset);
  const inv = new Array<number>(p.length);
  p.forEach((a, i) => (inv[a] = i));
  return record(out, 'transpose', [t], (g) => [transpose(g, inv)]);
}

/**
 * Permutes the dims by `perm` (required).
 * @param x any tensor
 * @param perm a permutation of 0..rank−1
 * @returns a view with permuted dims
 * @throws ShapeError
 * @example
 * permute(zeros([2, 3, 4]), [2, 0, 1]).shape; // [4, 2, 3]
 */
export function permute(x: TensorLike, perm: readonly number[]): Tensor {
  const permList: unknown = perm;
  if (!Array.isArray(permList)) throw new ShapeError('perm must be an array of axes', { op: 'permute', arg: 'perm', expected: 'a permutation of 0..rank-1', received: describeType(permList) });
  return transpose(x, perm);
}

/**
 * Inserts a size-1 dim at `axis` (a view).
 * @param x any tensor
 * @param axis where the new dim goes (negative counts from the end)
 * @returns a view of rank + 1
 * @throws ShapeError
 * @example
 * expandDims(zeros([3]), 0).shape; // [1, 3]
 */
export function expandDims(x: TensorLike, axis: number): Tensor {
  const t = toTensor('expandDims', 'x', x);
  const a = normAxis('expandDims', axis, t.rank + 1);
  const shape = [...t.shape.slice(0, a), 1, ...t.shape.slice(a)];
  const strides = [...t._strides.slice(0, a), 0, ...t._strides.slice(a)];
  return record(makeView(t, shape, strides, t._offset), 'expandDims', [t], (g) => [reshape(g, t.shape)]);
}

/**
 * Removes size-1 dims: the given ones, or all (a view).
 * @param x any tensor
 * @param axis the size-1 axes to remove (default all)
 * @returns a view without those dims
 * @throws ShapeError when a given axis does not have size 1
 * @example
 * squeeze(zeros([1, 3, 1])).shape; // [3]
 */
export function squeeze(x: TensorLike, axis?: number | readonly number[]): Tensor {
  const t = toTensor('squeeze', 'x', x);
  const axes = axis === undefined ? t.shape.flatMap((d, i) => (d === 1 ? [i] : [])) : normAxes('squeeze', axis, t.rank);
  for (const a of axes) {
    if (t.shape[a] !== 1) {
      throw new ShapeError(`cannot squeeze axis ${a} of size ${t.shape[a]}`, { op: 'squeeze', arg: 'axis', expected: 'an axis of size 1', received: `shape ${fmtShape(t.shape)}` });
    }
  }
  if (axes.length === 0) return t;
  const keep = t.shape.map((_, i) => i).filter((i) => !axes.includes(i));
  const out = makeView(t, keep.map((i) => t.shape[i] as number), keep.map((i) => t._strides[i] as number), t._offset);
  return record(out, 'squeeze', [t], (g) => [reshape(g, t.shape)]);
}

/**
 * Broadcasts to `shape` without copying (stride-0 dims). Its gradient sums back.
 * @param x any tensor
 * @param shape a shape x broadcasts to
 * @returns a view of `shape`
 * @throws ShapeError when x does not broadcast to shape
 * @example
 * broadcastTo(tensor([1, 2]), [3, 2]).toArray(); // [[1, 2], [1, 2], [1, 2]]
 */
export function broadcastTo(x: TensorLike, shape: readonly number[]): Tensor {
  const t = toTensor('broadcastTo', 'x', x);
  checkShape('broadcastTo', shape);
  const b = broadcastShapes('broadcastTo', t.shape, shape);
  if (!sameShape(b, shape)) {
    throw new ShapeError(`cannot broadcast ${fmtShape(t.shape)} to ${fmtShape(shape)}`, { op: 'broadcastTo', arg: 'shape', expected: `a shape that ${fmtShape(t.shape)} broadcasts to`, received: shape.slice() });
  }
  if (sameShape(shape, t.shape)) return t;
  const off = shape.length - t.rank;
  const strides = shape.map((d, i) => (i < off || (t.shape[i - off] === 1 && d !== 1) ? 0 : (t._strides[i - off] as number)));
  return record(makeView(t, b, strides, t._offset), 'broadcastTo', [t], (g) => [sumTo(g, t.shape)]);
}

function normSlice(t: Tensor, begin: number | readonly number[], size?: number | readonly number[]): { begin: number[]; size: number[] } {
  const ints = (v: unknown, arg: string): number[] => {
    const list: unknown = typeof v === 'number' ? [v] : v;
    if (!Array.isArray(list) || list.some((d) => typeof d !== 'number' || !Number.isInteger(d))) {
      throw new ShapeError(`${arg} must be an integer or a list of integers`, { op: 'slice', arg, expected: 'number | number[]', received: describeType(v) });
    }
    return (list as number[]).slice();
  };
  const b = ints(begin, 'begin');
  const s = size === undefined ? [] : ints(size, 'size');
  if (b.length > t.rank || s.length > t.rank) {
    throw new ShapeError('begin/size have more entries than the tensor has dims', { op: 'slice', arg: b.length > t.rank ? 'begin' : 'size', expected: `at most ${t.rank} entries`, received: b.length > t.rank ? b : s });
  }
  const outB: number[] = [];
  const outS: number[] = [];
  for (let i = 0; i < t.rank; i++) {
    const dim = t.shape[i] as number;
    let bi = b[i] ?? 0;
    if (bi < 0) bi += dim;
    let si = s[i] ?? -1;
    if (si === -1) si = dim - bi;
    if (!Number.isInteger(bi) || !Number.isInteger(si) || bi < 0 || si < 0 || bi + si > dim) {
      throw new ShapeError(`slice [${b[i] ?? 0}, size ${s[i] ?? -1}) is out of range for dim ${i} of size ${dim}`, {
        op: 'slice',
        arg: `begin[${i}]`,
        expected: `0 <= begin and begin + size <= ${dim}`,
        received: `begin ${bi}, size ${si}`,
      });
    }
    outB.push(bi);
    outS.push(si);
  }
  return { begin: outB, size: outS };
}

/**
 * A rectangular sub-tensor (a view), in the begin/size form of tfjs: along dim i it keeps
 * `begin[i] .. begin[i] + size[i] − 1`. Missing entries mean "from 0" and "to the end"; a size of
 * −1 means "to the end"; a negative begin counts from the end. Its gradient pads with zeros.
 * @param x any tensor
 * @param begin start per dim (a number means dim 0)
 * @param size length per dim
 * @returns a view of shape `size`
 * @throws ShapeError when the range leaves the tensor
 * @example
 * slice(tensor([[1, 2, 3], [4, 5, 6]]), [0, 1], [2, 2]).toArray(); // [[2, 3], [5, 6]]
 */
export function slice(x: TensorLike, begin: number | readonly number[], size?: number | readonly number[]): Tensor {
  const t = toTensor('slice', 'x', x);
  const { begin: b, size: s } = normSlice(t, begin, size);
  if (b.every((v) => v === 0) && sameShape(s, t.shape)) return t;
  let offset = t._offset;
  for (let i = 0; i < t.rank; i++) offset += (b[i] as number) * (t._strides[i] as number);
  const out = makeView(t, s, t._strides, offset);
  return record(out, 'slice', [t], (g) => [pad(g, b, t.shape)]);
}

/**
 * Places x inside zeros of `shape`, with its first element at `begin` (the transpose of slice).
 * @param x any tensor
 * @param begin where x's first element goes
 * @param shape the result shape
 * @returns a new tensor of `shape`
 * @throws ShapeError when x does not fit
 * @example
 * pad(tensor([1]), [1], [3]).toArray(); // [0, 1, 0]
 */
export function pad(x: TensorLike, begin: readonly number[], shape: readonly number[]): Tensor {
  const t = toTensor('pad', 'x', x);
  checkShape('pad', shape);
  const beginList: unknown = begin;
  if (!Array.isArray(beginList) || beginList.some((b) => typeof b !== 'number' || !Number.isInteger(b))) {
    throw new ShapeError('begin must be a list of integers', { op: 'pad', arg: 'begin', expected: 'number[]', received: describeType(beginList) });
  }
  if (begin.length !== t.rank || shape.length !== t.rank || t.shape.some((d, i) => (begin[i] as number) < 0 || (begin[i] as number) + d > (shape[i] as number))) {
    throw new ShapeError(`cannot place ${fmtShape(t.shape)} at [${begin.join(', ')}] inside ${fmtShape(shape)}`, { op: 'pad', arg: 'begin', received: begin.slice() });
  }
  const be = getBackend();
  const buf = be.fill(sizeOf(shape), 0, t.dtype);
  const strides = rowMajorStrides(shape);
  let offset = 0;
  for (let i = 0; i < t.rank; i++) offset += (begin[i] as number) * (strides[i] as number);
  be.copy(view(t), { data: buf, dtype: t.dtype, shape: t.shape, strides, offset });
  const out = fromBuffer(buf, shape.slice(), t.dtype);
  return record(out, 'pad', [t], (g) => [slice(g, begin, t.shape)]);
}

/**
 * A row-major copy of x (x itself when already row-major with no offset).
 * @param x any tensor
 * @returns a row-major tensor with x's values
 * @example
 * contiguous(transpose(zeros([2, 3]))).shape; // [3, 2]
 */
export function contiguous(x: TensorLike): Tensor {
  const t = toTensor('contiguous', 'x', x);
  if (t._offset === 0 && t._buf.length === t.size && isRowMajor(t.shape, t._strides)) return t;
  const out = fromBuffer(getBackend().contiguous(view(t)), t.shape, t.dtype);
  return record(out, 'contiguous', [t], (g) => [g]);
}
