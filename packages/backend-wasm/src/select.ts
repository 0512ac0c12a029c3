import type { CompareOp, StridedArray, TypedArray } from '@gradlab/core-tensor';
import type { WasmHeap } from './wasm-heap.ts';
import type { FloatDType } from './float-dtype.ts';
import type { ResidentStore } from './resident.ts';
import { coalesce, sizeOfShape } from './strides.ts';
import { output, stage, writeInts } from './stage.ts';

/** Comparison op codes of assembly/select.ts. */
export const COMPARE_CODES: Readonly<Record<CompareOp, number>> = { equal: 0, notEqual: 1, less: 2, lessEqual: 3, greater: 4, greaterEqual: 5 };

/** Copies the span of a byte view (bool/uint8 storage) into linear memory; returns the address of element [0, ..., 0]. */
function stageBytes(heap: WasmHeap, x: StridedArray): number {
  let lo = x.offset;
  let hi = x.offset;
  for (let d = 0; d < x.shape.length; d++) {
    const extent = ((x.shape[d] as number) - 1) * (x.strides[d] as number);
    if (extent < 0) lo += extent;
    else hi += extent;
  }
  const ptr = heap.alloc(hi - lo + 1);
  const d = x.data;
  heap.u8.set(d instanceof Uint8Array ? d.subarray(lo, hi + 1) : Uint8Array.from(d.subarray(lo, hi + 1), (v) => (v !== 0 ? 1 : 0)), ptr);
  return ptr + (x.offset - lo);
}

/** `cond ? a : b` with a, b and the result of one float dtype; cond is bool (bytes). */
export function whereWasm(heap: WasmHeap, store: ResidentStore | undefined, cond: StridedArray, a: StridedArray, b: StridedArray, dtype: FloatDType): TypedArray {
  const size = sizeOfShape(a.shape);
  const mark = heap.mark();
  try {
    const pc = stageBytes(heap, cond);
    const pa = stage(heap, a, dtype);
    const pb = stage(heap, b, dtype);
    const c = coalesce(a.shape, [cond.strides, a.strides, b.strides]);
    const rank = c.shape.length;
    const meta = writeInts(heap, [...c.shape, ...c.strides.flat()]);
    const index = heap.alloc((rank + 3) * 4);
    const out = output(heap, store, size, dtype);
    if (dtype === 'float32') heap.kernels.whereF32(out.at, pc, pa, pb, rank, meta, index);
    else heap.kernels.whereF64(out.at, pc, pa, pb, rank, meta, index);
    return out.result();
  } finally {
    heap.release(mark);
  }
}

/** `op(a, b)` as 0/1 bytes, for float operands of one dtype. */
export function compareWasm(heap: WasmHeap, op: CompareOp, a: StridedArray, b: StridedArray, dtype: FloatDType): Uint8Array {
  const size = sizeOfShape(a.shape);
  const mark = heap.mark();
  try {
    const pa = stage(heap, a, dtype);
    const pb = stage(heap, b, dtype);
    const c = coalesce(a.shape, [a.strides, b.strides]);
    const rank = c.shape.length;
    const meta = writeInts(heap, [...c.shape, ...c.strides.flat()]);
    const index = heap.alloc((rank + 2) * 4);
    const out = heap.alloc(size);
    if (dtype === 'float32') heap.kernels.compareF32(COMPARE_CODES[op], out, pa, pb, rank, meta, index);
    else heap.kernels.compareF64(COMPARE_CODES[op], out, pa, pb, rank, meta, index);
    return heap.u8.slice(out, out + size);
  } finally {
    heap.release(mark);
  }
}

/** A row-major copy of a float view, gathered by the copy kernel straight into the result's block. */
export function contiguousWasm(heap: WasmHeap, store: ResidentStore | undefined, x: StridedArray, dtype: FloatDType): TypedArray {
  const size = sizeOfShape(x.shape);
  const mark = heap.mark();
  try {
    const src = stage(heap, x, dtype);
    const out = output(heap, store, size, dtype);
    const c = coalesce(x.shape, [x.strides]);
    const rank = c.shape.length;
    const meta = writeInts(heap, [...c.shape, ...(c.strides[0] as number[])]);
    const index = heap.alloc(rank * 4);
    if (dtype === 'float32') heap.kernels.copyF32(out.at, src, rank, meta, index);
    else heap.kernels.copyF64(out.at, src, rank, meta, index);
    return out.result();
  } finally {
    heap.release(mark);
  }
}
