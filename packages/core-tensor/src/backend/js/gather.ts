import type { StridedArray } from '../backend.ts';
import type { TypedArray } from '../../dtype.ts';
import { allocOut } from './output.ts';
import { isRowMajor, sizeOf } from '../../shape.ts';
import { contiguous } from './elementwise.ts';

function rowMajorData(x: StridedArray): { data: TypedArray; off: number } {
  if (isRowMajor(x.shape, x.strides)) return { data: x.data, off: x.offset };
  return { data: contiguous(x), off: 0 };
}

export function gather(x: StridedArray, axis: number, indices: Int32Array): TypedArray {
  const outer = sizeOf(x.shape.slice(0, axis));
  const inner = sizeOf(x.shape.slice(axis + 1));
  const dim = x.shape[axis] as number;
  const m = indices.length;
  const out = allocOut(x.dtype, outer * m * inner);
  const { data, off } = rowMajorData(x);
  for (let o = 0; o < outer; o++) {
    for (let j = 0; j < m; j++) {
      const src = off + (o * dim + (indices[j] as number)) * inner;
      const dst = (o * m + j) * inner;
      // Element by element: a subarray per row would make a typed-array object per row.
      for (let i = 0; i < inner; i++) out[dst + i] = data[src + i] as number;
    }
  }
  return out;
}

export function scatterAdd(src: StridedArray, axis: number, indices: Int32Array, dimSize: number): TypedArray {
  const outer = sizeOf(src.shape.slice(0, axis));
  const inner = sizeOf(src.shape.slice(axis + 1));
  const m = indices.length;
  const out = allocOut(src.dtype, outer * dimSize * inner);
  const { data, off } = rowMajorData(src);
  for (let o = 0; o < outer; o++) {
    for (let j = 0; j < m; j++) {
      const s = off + (o * m + j) * inner;
      const d = (o * dimSize + (indices[j] as number)) * inner;
      for (let i = 0; i < inner; i++) out[d + i] = (out[d + i] as number) + (data[s + i] as number);
    }
  }
  return out;
}
