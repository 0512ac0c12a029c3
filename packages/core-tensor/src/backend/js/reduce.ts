import type { ArgReduceOp, ReduceOp, StridedArray } from '../backend.ts';
import type { TypedArray } from '../../dtype.ts';
import { allocOut } from './output.ts';
import { isRowMajor, sizeOf } from '../../shape.ts';
import { contiguous } from './elementwise.ts';

/** Reduces `len` elements starting at `o` with stride `s`; sums accumulate in float64. */
function reduceRun(op: ReduceOp, x: TypedArray, o: number, s: number, len: number): number {
  switch (op) {
    case 'sum': {
      let acc = 0;
      for (let i = 0; i < len; i++) acc += x[o + i * s] as number;
      return acc;
    }
    case 'max': {
      let m = -Infinity;
      for (let i = 0; i < len; i++) {
        const v = x[o + i * s] as number;
        if (v > m || v !== v) {
          m = v;
          if (v !== v) break;
        }
      }
      return m;
    }
    case 'min': {
      let m = Infinity;
      for (let i = 0; i < len; i++) {
        const v = x[o + i * s] as number;
        if (v < m || v !== v) {
          m = v;
          if (v !== v) break;
        }
      }
      return m;
    }
  }
}

export function reduce(op: ReduceOp, x: StridedArray, axes: readonly number[]): TypedArray {
  const rank = x.shape.length;
  const kept: number[] = [];
  for (let d = 0; d < rank; d++) if (!axes.includes(d)) kept.push(d);
  const outShape = kept.map((d) => x.shape[d] as number);
  const outSize = sizeOf(outShape);
  const red = sizeOf(axes.map((d) => x.shape[d] as number));
  const out = allocOut(x.dtype, outSize);
  if (outSize === 0) return out;
  const leading = axes.every((d, i) => d === i);
  if (op === 'sum' && leading && isRowMajor(x.shape, x.strides) && red > 0) {
    // Reducing leading axes of a row-major array: accumulate whole rows, reading memory in order.
    const acc = new Float64Array(outSize);
    const data = x.data;
    for (let r = 0; r < red; r++) {
      const base = x.offset + r * outSize;
      for (let j = 0; j < outSize; j++) acc[j] = (acc[j] as number) + (data[base + j] as number);
    }
    out.set(acc);
    return out;
  }
  // Move reduced axes last, make the view row-major, then reduce contiguous runs of `red`.
  const perm = [...kept, ...axes];
  const pShape = perm.map((d) => x.shape[d] as number);
  const pStrides = perm.map((d) => x.strides[d] as number);
  let data = x.data;
  let off = x.offset;
  if (!isRowMajor(pShape, pStrides)) {
    data = contiguous({ data: x.data, dtype: x.dtype, shape: pShape, strides: pStrides, offset: x.offset });
    off = 0;
  }
  for (let i = 0; i < outSize; i++) out[i] = reduceRun(op, data, off + i * red, 1, red);
  return out;
}

export function argReduce(op: ArgReduceOp, x: StridedArray, axis: number): Int32Array {
  const rank = x.shape.length;
  const perm: number[] = [];
  for (let d = 0; d < rank; d++) if (d !== axis) perm.push(d);
  const outShape = perm.map((d) => x.shape[d] as number);
  perm.push(axis);
  const len = x.shape[axis] as number;
  const pShape = perm.map((d) => x.shape[d] as number);
  const pStrides = perm.map((d) => x.strides[d] as number);
  const data = contiguous({ data: x.data, dtype: x.dtype, shape: pShape, strides: pStrides, offset: x.offset });
  const outSize = sizeOf(outShape);
  const out = new Int32Array(outSize);
  const max = op === 'argmax';
  for (let i = 0; i < outSize; i++) {
    const base = i * len;
    let best = 0;
    let bv = data[base] as number;
    if (bv === bv) {
      for (let j = 1; j < len; j++) {
        const v = data[base + j] as number;
        if (v !== v) {
          best = j;
          break;
        }
        if (max ? v > bv : v < bv) {
          bv = v;
          best = j;
        }
      }
    }
    out[i] = best;
  }
  return out;
}

