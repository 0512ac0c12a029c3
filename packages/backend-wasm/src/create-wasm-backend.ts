import { BackendError, ValueError, createJsBackend } from '@gradlab/core-tensor';
import type { Backend, BinaryOp, CompareOp, DType, FusedStep, ReduceOp, StridedArray, TypedArray, UnaryOp } from '@gradlab/core-tensor';
import { compileKernelsSync, compileThreadKernelsSync, instantiateKernels, instantiateThreadKernels } from './load-kernels.ts';
import { MatmulPool } from './matmul-pool.ts';
import { WasmHeap } from './wasm-heap.ts';
import { ResidentStore } from './resident.ts';
import type { FloatDType } from './float-dtype.ts';
import { sizeOfShape } from './strides.ts';
import { BINARY_CODES, UNARY_CODES, binaryWasm, unaryWasm } from './elementwise.ts';
import { reduceWasm } from './reduce.ts';
import { matmulWasm } from './matmul.ts';
import { fusedByKernels, fusedWasm } from './fused.ts';
import { FusedJit } from './jit.ts';
import { compareWasm, contiguousWasm, whereWasm } from './select.ts';
import { softmaxGradWasm, softmaxWasm } from './softmax.ts';

/** Options of {@link createWasmBackend}. */
export interface WasmBackendOptions {
  /**
   * The backend that runs the kernels the wasm module does not (see README, "What runs where");
   * default: core-tensor's `createJsBackend()`.
   */
  fallback?: Backend;
  /**
   * Elementwise ops and reductions on fewer elements than this run on the fallback: below it the
   * JS↔wasm copies cost more than the kernel saves. Default 256. Matmul always runs in wasm.
   */
  minElements?: number;
  /**
   * Threads for large matmuls (Node only; default 1). With 2 or more, the kernels run on a shared
   * `WebAssembly.Memory` and `threads − 1` worker threads take row blocks of every product over
   * 2²¹ multiply-adds; results are bit-identical to one thread. Elementwise ops stay on one thread.
   */
  threads?: number;
  /**
   * The most bytes of tensor storage that may stay in linear memory while `tidy` scopes are open
   * (default 1 GiB; 0 turns resident storage off). Inside `tidy`, results are views into the
   * kernels' memory and disposed tensors' blocks are reused at once; past this limit, results are
   * plain JS arrays as outside a scope. Needs shared memory (Node, or a cross-origin-isolated page);
   * without it, this option has no effect.
   */
  residentBytes?: number;
}

/** Default of {@link WasmBackendOptions.residentBytes}. */
const DEFAULT_RESIDENT_BYTES = 1 << 30;

/**
 * A shared memory for the threads build, or undefined where shared memory is not available
 * (browsers without cross-origin isolation). Tries 4 GiB of address space, then 1 GiB.
 */
export function createSharedMemory(): WebAssembly.Memory | undefined {
  if (typeof SharedArrayBuffer === 'undefined') return undefined;
  for (const maximum of [65536, 16384]) {
    try {
      return new WebAssembly.Memory({ initial: 64, maximum, shared: true });
    } catch {
      // Try a smaller reservation, then give up.
    }
  }
  return undefined;
}

/** The dtype the wasm kernels can run an op in, or undefined when every operand must agree and does not. */
function floatDType(dtype: DType, ...xs: StridedArray[]): FloatDType | undefined {
  if (dtype !== 'float32' && dtype !== 'float64') return undefined;
  for (const x of xs) if (x.dtype !== dtype) return undefined;
  return dtype;
}

/** A {@link Backend} plus what the wasm backend adds: its linear memory's size, for diagnostics. */
export interface WasmBackend extends Backend {
  /** Bytes of WebAssembly linear memory reserved so far (grows to the largest call, never shrinks). */
  readonly memoryBytes: number;
  /** Bytes held by resident tensor storage (blocks of tensors created in `tidy` and not yet disposed). */
  readonly residentBytes: number;
  /** How many resident blocks are live. */
  readonly residentBlocks: number;
  /** True when results inside `tidy` stay in linear memory (shared memory is available and `residentBytes` > 0). */
  readonly residentEnabled: boolean;
  /** How many fused elementwise programs (from `tidy`) have a generated wasm loop so far. */
  readonly fusedPrograms: number;
  /** Threads the matmul uses (1 unless created with `threads`). */
  readonly threads: number;
  /** Stops the worker threads, if any; the backend stays usable on one thread. */
  close(): Promise<void>;
}

/**
 * Creates the WebAssembly SIMD backend: matmul (packed, register- and cache-blocked, float32 and
 * float64, transposed operands at full speed), elementwise unary and binary ops with broadcasting,
 * and sum/max/min reductions run as AssemblyScript kernels; the remaining kernels (data movement,
 * int32/bool outputs, `erf`) run on `options.fallback`. Compiles the embedded module synchronously on
 * first use; where an engine limits synchronous compilation, call {@link initWasmBackend} once first.
 * @param options `fallback` backend, the `minElements` size below which elementwise ops stay in JS,
 *   and `threads` for large matmuls (Node only)
 * @returns a backend named `wasm`, to pass to `setBackend`
 * @throws BackendError when WebAssembly (SIMD) cannot be compiled synchronously here, or when
 *   `threads > 1` outside Node; ValueError when `threads` is not a positive integer or
 *   `minElements` is negative or NaN
 * @example
 * import { setBackend } from '@gradlab/core-tensor';
 * import { createWasmBackend } from '@gradlab/backend-wasm';
 * setBackend(createWasmBackend());
 */
export function createWasmBackend(options: WasmBackendOptions = {}): WasmBackend {
  const threads = options.threads ?? 1;
  if (!Number.isInteger(threads) || threads < 1) {
    throw new ValueError('threads must be a positive integer', { pkg: 'backend-wasm', op: 'createWasmBackend', arg: 'options.threads', expected: 'an integer ≥ 1', received: threads });
  }
  const minElements = options.minElements ?? 256;
  if (!(minElements >= 0)) {
    throw new ValueError('minElements must be a number ≥ 0', { pkg: 'backend-wasm', op: 'createWasmBackend', arg: 'options.minElements', expected: 'a number ≥ 0', received: minElements });
  }
  const residentBytes = options.residentBytes ?? DEFAULT_RESIDENT_BYTES;
  if (!(residentBytes >= 0)) {
    throw new ValueError('residentBytes must be a number ≥ 0', { pkg: 'backend-wasm', op: 'createWasmBackend', arg: 'options.residentBytes', expected: 'a number of bytes ≥ 0', received: residentBytes });
  }
  const memory = threads > 1 || residentBytes > 0 ? createSharedMemory() : undefined;
  if (memory === undefined) {
    if (threads > 1) {
      throw new BackendError('threads > 1 needs shared WebAssembly memory, which is not available here', { pkg: 'backend-wasm', op: 'createWasmBackend', arg: 'options.threads', expected: 1, received: threads, hint: 'in a browser, serve the page cross-origin isolated (COOP/COEP headers), or use threads: 1' });
    }
    return wasmBackendFrom(new WasmHeap(instantiateKernels(compileKernelsSync())), options);
  }
  const module = compileThreadKernelsSync();
  const heap = new WasmHeap(instantiateThreadKernels(module, memory));
  return wasmBackendFrom(heap, options, threads > 1 ? new MatmulPool(heap, module, memory, threads - 1) : undefined);
}

/** Builds the backend object around an instantiated heap (shared by the sync and async factories). */
export function wasmBackendFrom(heap: WasmHeap, options: WasmBackendOptions, pool?: MatmulPool): WasmBackend {
  const minElements = options.minElements ?? 256;
  const big = (x: StridedArray): boolean => sizeOfShape(x.shape) >= minElements;
  const store = new ResidentStore(heap, options.residentBytes ?? DEFAULT_RESIDENT_BYTES);
  const jit = new FusedJit(heap.kernels.memory, heap.shared);
  /** Resident storage for `size` elements when a scope is open and it is worth it. */
  const residentFor = (size: number, dtype: DType): Float32Array | Float64Array | undefined => {
    if (!store.active || size < minElements || (dtype !== 'float32' && dtype !== 'float64')) return undefined;
    return store.allocate(size, dtype)?.view;
  };
  // The default fallback writes its float outputs into resident storage too, inside scopes, so a
  // scoped step (relu's gradient runs compare and where on it) allocates no JS arrays either.
  const js = options.fallback ?? createJsBackend({ allocate: residentFor });
  const backend: WasmBackend = {
    name: 'wasm',
    get memoryBytes(): number {
      return heap.byteLength;
    },
    get threads(): number {
      return pool?.threads ?? 1;
    },
    get residentBytes(): number {
      return store.bytes;
    },
    get residentBlocks(): number {
      return store.count;
    },
    get residentEnabled(): boolean {
      return store.enabled;
    },
    get fusedPrograms(): number {
      return jit.compiled;
    },
    close: () => pool?.close() ?? Promise.resolve(),
    beginScope: () => store.beginScope(),
    endScope: () => store.endScope(),
    release: (data) => store.release(data),
    alloc: (size, dtype) => residentFor(size, dtype),
    fill: (size, value, dtype) => js.fill(size, value, dtype),
    copy: (src, dst) => js.copy(src, dst),
    contiguous(x: StridedArray): TypedArray {
      const fd = floatDType(x.dtype, x);
      if (fd === undefined || !big(x)) return js.contiguous(x);
      return contiguousWasm(heap, store, x, fd);
    },
    cast: (x, dtype) => js.cast(x, dtype),
    compare(op: CompareOp, a: StridedArray, b: StridedArray): Uint8Array {
      const fd = floatDType(a.dtype, a, b);
      if (fd === undefined || !big(a)) return js.compare(op, a, b);
      return compareWasm(heap, op, a, b, fd);
    },
    where(cond: StridedArray, a: StridedArray, b: StridedArray, dtype: DType): TypedArray {
      const fd = floatDType(dtype, a, b);
      if (fd === undefined || !big(a)) return js.where(cond, a, b, dtype);
      return whereWasm(heap, store, cond, a, b, fd);
    },
    argReduce: (op, x, axis) => js.argReduce(op, x, axis),
    gather: (x, axis, indices) => js.gather(x, axis, indices),
    scatterAdd: (src, axis, indices, dimSize) => js.scatterAdd(src, axis, indices, dimSize),
    unary(op: UnaryOp, x: StridedArray, dtype: DType): TypedArray {
      const code = UNARY_CODES[op];
      const fd = floatDType(dtype, x);
      if (code === undefined || fd === undefined || !big(x)) return js.unary(op, x, dtype);
      return unaryWasm(heap, store, code, x, fd);
    },
    binary(op: BinaryOp, a: StridedArray, b: StridedArray, dtype: DType): TypedArray {
      const fd = floatDType(dtype, a, b);
      if (fd === undefined || !big(a)) return js.binary(op, a, b, dtype);
      return binaryWasm(heap, store, BINARY_CODES[op], a, b, fd);
    },
    reduce(op: ReduceOp, x: StridedArray, axes: readonly number[]): TypedArray {
      const fd = floatDType(x.dtype, x);
      const r = sizeOfShape(axes.map((d) => x.shape[d] as number));
      const outSize = sizeOfShape(x.shape) / Math.max(r, 1);
      if (fd === undefined || !big(x) || r === 0 || outSize === 0) return js.reduce(op, x, axes);
      return reduceWasm(heap, store, op, x, axes, fd);
    },
    matmul(a: StridedArray, b: StridedArray, dtype: DType): TypedArray {
      const fd = floatDType(dtype, a, b);
      const rank = a.shape.length;
      const outSize = sizeOfShape(a.shape.slice(0, rank - 1)) * (b.shape[rank - 1] as number);
      if (fd === undefined || outSize === 0) return js.matmul(a, b, dtype);
      return matmulWasm(heap, store, a, b, fd, pool);
    },
    softmax(x: StridedArray, dtype: DType): TypedArray {
      const fd = floatDType(dtype, x);
      if (fd === undefined) throw new BackendError(`softmax of a ${x.dtype} input as ${dtype}`, { pkg: 'backend-wasm', op: 'softmax', arg: 'x', expected: 'float32 or float64', received: x.dtype });
      return softmaxWasm(heap, store, x, fd);
    },
    softmaxGrad(y: StridedArray, g: StridedArray, dtype: DType): TypedArray {
      const fd = floatDType(dtype, y, g);
      if (fd === undefined) throw new BackendError(`softmaxGrad of ${y.dtype}/${g.dtype} inputs as ${dtype}`, { pkg: 'backend-wasm', op: 'softmaxGrad', arg: 'y', expected: 'float32 or float64', received: y.dtype });
      return softmaxGradWasm(heap, store, y, g, fd);
    },
    fused(steps: readonly FusedStep[], inputs: readonly StridedArray[], dtype: DType): TypedArray {
      const fd = floatDType(dtype, ...inputs);
      // The contract promises float inputs of `dtype`; anything else runs step by step.
      return (fd === undefined ? undefined : fusedWasm(heap, store, steps, inputs, fd, jit)) ?? fusedByKernels(backend, steps, inputs, dtype);
    },
  };
  return backend;
}
