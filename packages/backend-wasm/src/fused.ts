import type { Backend, BinaryOp, DType, FusedStep, StridedArray, TypedArray, UnaryOp } from '@gradlab/core-tensor';
import type { WasmHeap } from './wasm-heap.ts';
import type { ResidentStore } from './resident.ts';
import type { FloatDType } from './float-dtype.ts';
import { bytesOf } from './float-dtype.ts';
import { coalesce, rowMajorStrides, sizeOfShape } from './strides.ts';
import { output, stage, writeInts } from './stage.ts';
import { BINARY_CODES, UNARY_CODES } from './elementwise.ts';
import type { FusedJit } from './jit.ts';

/** Elements per register chunk of assembly/elementwise.ts's fused kernel. */
const FUSED_CHUNK = 128;

/** The op codes of a step, or undefined when the wasm kernel has no vector form of it. */
function encode(step: FusedStep): [number, number] | undefined {
  if (step.args.length === 1) {
    const code = UNARY_CODES[step.op as UnaryOp];
    return code === undefined ? undefined : [0, code];
  }
  const code = BINARY_CODES[step.op as BinaryOp] as number | undefined;
  return code === undefined ? undefined : [1, code];
}

/**
 * Runs a fused elementwise program (core-tensor's `fused` kernel) in one pass. Rows of contiguous
 * or splatted inputs run in a function generated for the program (jit.ts: the chain in SIMD
 * registers); other layouts run in the chunked kernel, which reads each input through its strides
 * (resident inputs in place), keeps intermediates in L1-sized registers and writes only the result.
 * Returns undefined when a step has no wasm code (the caller then runs the steps one by one).
 */
export function fusedWasm(heap: WasmHeap, store: ResidentStore | undefined, steps: readonly FusedStep[], inputs: readonly StridedArray[], dtype: FloatDType, jit?: FusedJit): TypedArray | undefined {
  const codes = steps.map(encode);
  if (codes.some((c) => c === undefined)) return undefined;
  const shape0 = (inputs[0] as StridedArray).shape;
  const size = sizeOfShape(shape0);
  const nIn = inputs.length;
  const mark = heap.mark();
  try {
    // Rank 0 runs as one element of rank 1.
    const shape = shape0.length === 0 ? [1] : shape0;
    let c = coalesce(shape, inputs.map((x) => (shape0.length === 0 ? [0] : x.strides)));
    // Only size-1 dims: one element, read at each input's offset.
    if (c.shape.length === 0) c = { shape: [1], strides: inputs.map(() => [0]) };
    const rank = c.shape.length;
    const bases = inputs.map((x) => stage(heap, x, dtype));
    const bytes = bytesOf(dtype);
    // The generated straight-line loop, for rows of contiguous or splatted inputs.
    if (jit !== undefined && rank <= 2) {
      const inner = c.strides.map((st) => st[rank - 1] as number);
      if (inner.every((st) => st === 0 || st === 1)) {
        const fn = jit.get(steps, inner.map((st) => (st === 1 ? 'row' : 'splat')), dtype);
        if (fn !== undefined) {
          const out = output(heap, store, size, dtype);
          const rows = rank === 2 ? (c.shape[0] as number) : 1;
          const n = c.shape[rank - 1] as number;
          const args: number[] = [out.at, rows, n];
          bases.forEach((b, j) => args.push(b, rank === 2 ? ((c.strides[j] as number[])[0] as number) * bytes : 0));
          fn(...args);
          return out.result();
        }
      }
    }
    const meta = writeInts(heap, [...c.shape, ...c.strides.flat()]);
    const basesPtr = writeInts(heap, bases);
    const prog = writeInts(
      heap,
      steps.flatMap((s, k) => {
        const [kind, code] = codes[k] as [number, number];
        return [kind, code, s.args[0] as number, s.args[1] ?? 0];
      }),
    );
    const index = heap.alloc(rank * 4);
    const offs = heap.alloc(nIn * 4);
    const regs = heap.alloc((nIn + steps.length) * FUSED_CHUNK * bytesOf(dtype));
    const ptrs = heap.alloc((nIn + steps.length) * 4);
    const out = output(heap, store, size, dtype);
    const kern = dtype === 'float32' ? heap.kernels.fusedF32 : heap.kernels.fusedF64;
    kern(out.at, nIn, basesPtr, rank, meta, index, offs, prog, steps.length, regs, ptrs);
    return out.result();
  } finally {
    heap.release(mark);
  }
}

/** The steps run one after another with `backend`'s own kernels (what `fused` must equal, bit for bit). */
export function fusedByKernels(backend: Pick<Backend, 'unary' | 'binary'>, steps: readonly FusedStep[], inputs: readonly StridedArray[], dtype: DType): TypedArray {
  const shape = (inputs[0] as StridedArray).shape;
  const strides = rowMajorStrides(shape);
  const regs: StridedArray[] = [...inputs];
  for (const s of steps) {
    const [a, b] = s.args.map((r) => regs[r] as StridedArray);
    const data = b === undefined ? backend.unary(s.op as UnaryOp, a as StridedArray, dtype) : backend.binary(s.op as BinaryOp, a as StridedArray, b, dtype);
    regs.push({ data, dtype, shape, strides, offset: 0 });
  }
  return (regs[regs.length - 1] as StridedArray).data;
}

