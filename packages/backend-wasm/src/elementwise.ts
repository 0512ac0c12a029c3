import type { BinaryOp, StridedArray, TypedArray, UnaryOp } from '@gradlab/core-tensor';
import type { WasmHeap } from './wasm-heap.ts';
import type { FloatDType } from './float-dtype.ts';
import { coalesce, sizeOfShape } from './strides.ts';
import { output, stage, stageContiguous, writeInts } from './stage.ts';
import type { ResidentStore } from './resident.ts';

/** Unary op codes of assembly/elementwise.ts; `erf` has no wasm kernel (the fallback computes it). */
export const UNARY_CODES: Readonly<Partial<Record<UnaryOp, number>>> = {
  neg: 0,
  abs: 1,
  sqrt: 2,
  relu: 3,
  square: 4,
  exp: 6,
  log: 7,
  tanh: 8,
  sigmoid: 9,
  sin: 10,
  cos: 11,
  sign: 12,
  log1p: 16,
};

/** Binary op codes of assembly/elementwise.ts. */
export const BINARY_CODES: Readonly<Record<BinaryOp, number>> = {
  add: 0,
  sub: 1,
  mul: 2,
  div: 3,
  maximum: 4,
  minimum: 5,
  pow: 6,
};

/** `op` over every element of x (float32/float64, same dtype in and out). */
export function unaryWasm(heap: WasmHeap, store: ResidentStore | undefined, code: number, x: StridedArray, dtype: FloatDType): TypedArray {
  const size = sizeOfShape(x.shape);
  const mark = heap.mark();
  try {
    const src = stageContiguous(heap, x, dtype);
    const out = output(heap, store, size, dtype);
    if (dtype === 'float32') heap.kernels.unaryF32(code, out.at, src, size);
    else heap.kernels.unaryF64(code, out.at, src, size);
    return out.result();
  } finally {
    heap.release(mark);
  }
}

/** `op(a, b)` elementwise over the common shape; broadcasting arrives as 0 strides. */
export function binaryWasm(heap: WasmHeap, store: ResidentStore | undefined, code: number, a: StridedArray, b: StridedArray, dtype: FloatDType): TypedArray {
  const size = sizeOfShape(a.shape);
  const mark = heap.mark();
  try {
    const pa = stage(heap, a, dtype);
    const pb = stage(heap, b, dtype);
    const c = coalesce(a.shape, [a.strides, b.strides]);
    const rank = c.shape.length;
    const meta = writeInts(heap, [...c.shape, ...(c.strides[0] as number[]), ...(c.strides[1] as number[])]);
    const index = heap.alloc(rank * 4);
    const out = output(heap, store, size, dtype);
    if (dtype === 'float32') heap.kernels.binaryF32(code, out.at, pa, pb, rank, meta, index);
    else heap.kernels.binaryF64(code, out.at, pa, pb, rank, meta, index);
    return out.result();
  } finally {
    heap.release(mark);
  }
}
