import type { StridedArray, TypedArray } from '@gradlab/core-tensor';
import type { WasmHeap } from './wasm-heap.ts';
import type { ResidentStore } from './resident.ts';
import type { FloatDType } from './float-dtype.ts';
import { bytesOf } from './float-dtype.ts';
import { coalesce, isRowMajor, sizeOfShape } from './strides.ts';

/**
 * Copies the span of `x.data` that x's view touches into linear memory (one memcpy, whatever the
 * strides) and returns the byte address of element [0, ..., 0]; kernels then walk the original
 * strides, including 0 (broadcast) and negative ones. `x` must have at least one element.
 */
export function stage(heap: WasmHeap, x: StridedArray, dtype: FloatDType): number {
  const bytes = bytesOf(dtype);
  // Resident storage (a view into this very memory) is read where it lies.
  if (heap.shared && heap.owns(x.data.buffer)) return x.data.byteOffset + x.offset * bytes;
  let lo = x.offset;
  let hi = x.offset;
  for (let d = 0; d < x.shape.length; d++) {
    const extent = ((x.shape[d] as number) - 1) * (x.strides[d] as number);
    if (extent < 0) lo += extent;
    else hi += extent;
  }
  const ptr = heap.alloc((hi - lo + 1) * bytes);
  const src = x.data.subarray(lo, hi + 1);
  if (dtype === 'float32') heap.f32.set(src, ptr >>> 2);
  else heap.f64.set(src, ptr >>> 3);
  return ptr + (x.offset - lo) * bytes;
}

/** Where a kernel writes its result, and how the result reaches core-tensor. */
export interface Output {
  /** Byte address the kernel writes to. */
  readonly at: number;
  /** The result: the resident view itself, or a fresh JS copy of the scratch block. */
  result(): TypedArray;
}

/**
 * A resident block when a scope is open (the kernel writes the tensor's storage directly), else a
 * scratch block copied out into a fresh JS typed array after the kernel ran.
 */
export function output(heap: WasmHeap, store: ResidentStore | undefined, size: number, dtype: FloatDType): Output {
  const r = store?.active === true ? store.allocate(size, dtype) : undefined;
  if (r !== undefined) return { at: r.at, result: () => r.view };
  const at = heap.alloc(size * bytesOf(dtype));
  return { at, result: () => readOut(heap, at, size, dtype) };
}

/** A fresh JS typed array holding `size` elements of linear memory from byte address `ptr`. */
export function readOut(heap: WasmHeap, ptr: number, size: number, dtype: FloatDType): TypedArray {
  if (dtype === 'float32') return heap.f32.slice(ptr >>> 2, (ptr >>> 2) + size);
  return heap.f64.slice(ptr >>> 3, (ptr >>> 3) + size);
}

/** Writes an i32 list into a fresh block of linear memory; returns its byte address. */
export function writeInts(heap: WasmHeap, values: readonly number[]): number {
  const ptr = heap.alloc(values.length * 4);
  heap.i32.set(values, ptr >>> 2);
  return ptr;
}

/**
 * Stages `x` and, unless it is already row-major, gathers it into a contiguous block in linear
 * memory with the copy kernel; returns the byte address of the row-major data.
 */
export function stageContiguous(heap: WasmHeap, x: StridedArray, dtype: FloatDType): number {
  if (isRowMajor(x.shape, x.strides)) return stage(heap, x, dtype);
  const src = stage(heap, x, dtype);
  const c = coalesce(x.shape, [x.strides]);
  const rank = c.shape.length;
  const meta = writeInts(heap, [...c.shape, ...(c.strides[0] as number[])]);
  const index = heap.alloc(rank * 4);
  const out = heap.alloc(sizeOfShape(x.shape) * bytesOf(dtype));
  if (dtype === 'float32') heap.kernels.copyF32(out, src, rank, meta, index);
  else heap.kernels.copyF64(out, src, rank, meta, index);
  return out;
}
