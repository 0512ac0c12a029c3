import type { StridedArray, TypedArray } from '@gradlab/core-tensor';
import type { WasmHeap } from './wasm-heap.ts';
import type { MatmulPool } from './matmul-pool.ts';
import type { FloatDType } from './float-dtype.ts';
import { bytesOf } from './float-dtype.ts';
import { sizeOfShape } from './strides.ts';
import { output, stage } from './stage.ts';
import type { ResidentStore } from './resident.ts';

/**
 * Batched matrix product a [...batch, m, k] · b [...batch, k, n] → [...batch, m, n]. Both operands
 * are staged with their strides as they are: a transposed view is packed by the kernel at the
 * same cost as a row-major one (no slow transposed path). Callers handle empty outputs.
 */
export function matmulWasm(heap: WasmHeap, store: ResidentStore | undefined, a: StridedArray, b: StridedArray, dtype: FloatDType, pool?: MatmulPool): TypedArray {
  const rank = a.shape.length;
  const m = a.shape[rank - 2] as number;
  const k = a.shape[rank - 1] as number;
  const n = b.shape[rank - 1] as number;
  const batchShape = a.shape.slice(0, rank - 2);
  const batches = sizeOfShape(batchShape);
  const bytes = bytesOf(dtype);
  const rsa = a.strides[rank - 2] as number;
  const csa = a.strides[rank - 1] as number;
  const rsb = b.strides[rank - 2] as number;
  const csb = b.strides[rank - 1] as number;
  const mark = heap.mark();
  try {
    // An empty k still has a well-defined (zero) product; stage nothing then.
    const pa = k > 0 ? stage(heap, a, dtype) : 0;
    const pb = k > 0 ? stage(heap, b, dtype) : 0;
    const result = output(heap, store, batches * m * n, dtype);
    const out = result.at;
    const kern = dtype === 'float32' ? heap.kernels.matmulF32 : heap.kernels.matmulF64;
    const counter = new Array<number>(batchShape.length).fill(0);
    let offA = 0;
    let offB = 0;
    for (let t = 0; t < batches; t++) {
      const pc = out + t * m * n * bytes;
      if (pool !== undefined) pool.matmul(bytes as 4 | 8, pa + offA * bytes, pb + offB * bytes, pc, m, k, n, rsa, csa, rsb, csb);
      else kern(pa + offA * bytes, pb + offB * bytes, pc, m, k, n, rsa, csa, rsb, csb, 0, heap.workspace);
      for (let d = batchShape.length - 1; d >= 0; d--) {
        const c = (counter[d] as number) + 1;
        if (c < (batchShape[d] as number)) {
          counter[d] = c;
          offA += a.strides[d] as number;
          offB += b.strides[d] as number;
          break;
        }
        counter[d] = 0;
        offA -= (a.strides[d] as number) * (c - 1);
        offB -= (b.strides[d] as number) * (c - 1);
      }
    }
    return result.result();
  } finally {
    heap.release(mark);
  }
}
