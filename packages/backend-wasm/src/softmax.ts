import type { StridedArray, TypedArray } from '@gradlab/core-tensor';
import type { WasmHeap } from './wasm-heap.ts';
import type { FloatDType } from './float-dtype.ts';
import type { ResidentStore } from './resident.ts';
import { sizeOfShape } from './strides.ts';
import { output, stageContiguous } from './stage.ts';

/** Softmax over the last axis of x (any rank ≥ 1, any strides), one pass per row in wasm. */
export function softmaxWasm(heap: WasmHeap, store: ResidentStore | undefined, x: StridedArray, dtype: FloatDType): TypedArray {
  const size = sizeOfShape(x.shape);
  const n = x.shape[x.shape.length - 1] as number;
  const mark = heap.mark();
  try {
    const src = stageContiguous(heap, x, dtype);
    const out = output(heap, store, size, dtype);
    if (dtype === 'float32') heap.kernels.softmaxF32(out.at, src, size / n, n);
    else heap.kernels.softmaxF64(out.at, src, size / n, n);
    return out.result();
  } finally {
    heap.release(mark);
  }
}

/** softmax's vector-Jacobian product over the last axis: y ⊙ (g − Σ g ⊙ y). */
export function softmaxGradWasm(heap: WasmHeap, store: ResidentStore | undefined, y: StridedArray, g: StridedArray, dtype: FloatDType): TypedArray {
  const size = sizeOfShape(y.shape);
  const n = y.shape[y.shape.length - 1] as number;
  const mark = heap.mark();
  try {
    const py = stageContiguous(heap, y, dtype);
    const pg = stageContiguous(heap, g, dtype);
    const out = output(heap, store, size, dtype);
    if (dtype === 'float32') heap.kernels.softmaxGradF32(out.at, py, pg, size / n, n);
    else heap.kernels.softmaxGradF64(out.at, py, pg, size / n, n);
    return out.result();
  } finally {
    heap.release(mark);
  }
}
