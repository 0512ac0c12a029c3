import type { ReduceOp, StridedArray, TypedArray } from '@gradlab/core-tensor';
import type { WasmHeap } from './wasm-heap.ts';
import type { FloatDType } from './float-dtype.ts';
import { sizeOfShape } from './strides.ts';
import { output, stageContiguous } from './stage.ts';
import type { ResidentStore } from './resident.ts';

/** Reduce op codes of assembly/reduce.ts. */
export const REDUCE_CODES: Readonly<Record<ReduceOp, number>> = { sum: 0, max: 1, min: 2 };

/**
 * Reduces x over `axes` (sorted, distinct). A run of adjacent axes reduces in place as
 * [outer, r, inner]; scattered axes are first gathered last (kept axes, then reduced ones).
 * Callers handle empty outputs and empty reductions.
 */
export function reduceWasm(heap: WasmHeap, store: ResidentStore | undefined, op: ReduceOp, x: StridedArray, axes: readonly number[], dtype: FloatDType): TypedArray {
  const rank = x.shape.length;
  const kept: number[] = [];
  for (let d = 0; d < rank; d++) if (!axes.includes(d)) kept.push(d);
  const outSize = sizeOfShape(kept.map((d) => x.shape[d] as number));
  const r = sizeOfShape(axes.map((d) => x.shape[d] as number));
  const adjacent = axes.every((d, i) => i === 0 || d === (axes[i - 1] as number) + 1);
  const mark = heap.mark();
  try {
    let src: number;
    let outer: number;
    let inner: number;
    if (adjacent && axes.length > 0) {
      src = stageContiguous(heap, x, dtype);
      const first = axes[0] as number;
      const last = axes[axes.length - 1] as number;
      outer = sizeOfShape(x.shape.slice(0, first));
      inner = sizeOfShape(x.shape.slice(last + 1));
    } else {
      const perm = [...kept, ...axes];
      const view: StridedArray = {
        data: x.data,
        dtype: x.dtype,
        shape: perm.map((d) => x.shape[d] as number),
        strides: perm.map((d) => x.strides[d] as number),
        offset: x.offset,
      };
      src = stageContiguous(heap, view, dtype);
      outer = outSize;
      inner = 1;
    }
    const out = output(heap, store, outSize, dtype);
    const code = REDUCE_CODES[op];
    if (dtype === 'float32') heap.kernels.reduceF32(code, out.at, src, outer, r, inner);
    else heap.kernels.reduceF64(code, out.at, src, outer, r, inner);
    return out.result();
  } finally {
    heap.release(mark);
  }
}
