import type { StridedArray, TypedArray } from '@gradlab/core-tensor';
import type { WasmHeap } from './wasm-heap.ts';

/** The two dtypes the wasm kernels compute in; everything else goes to the fallback backend. */
export type FloatDType = 'float32' | 'float64';

/** Bytes per element of a float dtype. */
export function bytesOf(dtype: FloatDType): number {
  return dtype === 'float32' ? 4 : 8;
}

/** Number of elements of a shape. */
export function sizeOfShape(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

/** True when `strides` walk `shape` in row-major order without gaps (size-1 dims may have any stride). */
export function isRowMajor(shape: readonly number[], strides: readonly number[]): boolean {
  let expected = 1;
  for (let d = shape.length - 1; d >= 0; d--) {
    const n = shape[d] as number;
    if (n !== 1 && strides[d] !== expected) return false;
    expected *= n;
  }
  return true;
}

/**
 * Copies the span of `x.data` that x's view touches into linear memory (one memcpy, whatever the
 * strides) and returns the byte address of element [0, ..., 0]; kernels then walk the original
 * strides, including 0 (broadcast) and negative ones. `x` must have at least one element.
 */
export function stage(heap: WasmHeap, x: StridedArray, dtype: FloatDType): number {
  let lo = x.offset;
  let hi = x.offset;
  for (let d = 0; d < x.shape.length; d++) {
    const extent = ((x.shape[d] as number) - 1) * (x.strides[d] as number);
    if (extent < 0) lo += extent;
    else hi += extent;
  }
  const bytes = bytesOf(dtype);
  const ptr = heap.alloc((hi - lo + 1) * bytes);
  const src = x.data.subarray(lo, hi + 1);
  if (dtype === 'float32') heap.f32.set(src, ptr >>> 2);
  else heap.f64.set(src, ptr >>> 3);
  return ptr + (x.offset - lo) * bytes;
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
 * Merges adjacent dims that every operand walks with compatible strides and drops size-1 dims,
 * so the kernels' inner loop runs over the longest possible rows. Returns rank ≥ 1.
 */
export function coalesce(shape: readonly number[], strides: readonly (readonly number[])[]): { shape: number[]; strides: number[][] } {
  const outShape: number[] = [];
  const outStrides: number[][] = strides.map(() => []);
  for (let d = 0; d < shape.length; d++) {
    const n = shape[d] as number;
    if (n === 1) continue;
    const last = outShape.length - 1;
    const merge = last >= 0 && strides.every((s, k) => (outStrides[k] as number[])[last] === (s[d] as number) * n);
    if (merge) {
      outShape[last] = (outShape[last] as number) * n;
      strides.forEach((s, k) => ((outStrides[k] as number[])[last] = s[d] as number));
    } else {
      outShape.push(n);
      strides.forEach((s, k) => (outStrides[k] as number[]).push(s[d] as number));
    }
  }
  if (outShape.length === 0) {
    outShape.push(1);
    for (const s of outStrides) s.push(0);
  }
  return { shape: outShape, strides: outStrides };
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
