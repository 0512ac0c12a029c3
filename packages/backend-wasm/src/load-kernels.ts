import { BackendError } from '@gradlab/core-tensor';
import { WASM_BASE64, WASM_THREADS_BASE64 } from './wasm-bytes.generated.ts';

/** The functions and memory the compiled AssemblyScript module exports (addresses are byte offsets). */
export interface KernelExports {
  readonly memory: WebAssembly.Memory;
  readonly heapBase: () => number;
  readonly matmulF32Workspace: () => number;
  readonly matmulF64Workspace: () => number;
  readonly matmulF32: (a: number, b: number, c: number, m: number, k: number, n: number, rsa: number, csa: number, rsb: number, csb: number, accumulate: number, work: number) => void;
  readonly matmulF64: (a: number, b: number, c: number, m: number, k: number, n: number, rsa: number, csa: number, rsb: number, csb: number, accumulate: number, work: number) => void;
  readonly binaryF32: (op: number, out: number, a: number, b: number, rank: number, meta: number, index: number) => void;
  readonly binaryF64: (op: number, out: number, a: number, b: number, rank: number, meta: number, index: number) => void;
  readonly unaryF32: (op: number, out: number, x: number, n: number) => void;
  readonly unaryF64: (op: number, out: number, x: number, n: number) => void;
  readonly reduceF32: (op: number, out: number, x: number, outer: number, r: number, inner: number) => void;
  readonly reduceF64: (op: number, out: number, x: number, outer: number, r: number, inner: number) => void;
  readonly copyF32: (out: number, x: number, rank: number, meta: number, index: number) => void;
  readonly fusedF32: (out: number, nIn: number, bases: number, rank: number, meta: number, index: number, offs: number, prog: number, nSteps: number, regs: number, ptrs: number) => void;
  readonly fusedF64: (out: number, nIn: number, bases: number, rank: number, meta: number, index: number, offs: number, prog: number, nSteps: number, regs: number, ptrs: number) => void;
  readonly copyF64: (out: number, x: number, rank: number, meta: number, index: number) => void;
  readonly whereF32: (out: number, cond: number, a: number, b: number, rank: number, meta: number, index: number) => void;
  readonly whereF64: (out: number, cond: number, a: number, b: number, rank: number, meta: number, index: number) => void;
  readonly compareF32: (op: number, out: number, a: number, b: number, rank: number, meta: number, index: number) => void;
  readonly compareF64: (op: number, out: number, a: number, b: number, rank: number, meta: number, index: number) => void;
  readonly softmaxF32: (out: number, x: number, rows: number, n: number) => void;
  readonly softmaxF64: (out: number, x: number, rows: number, n: number) => void;
  readonly softmaxGradF32: (out: number, y: number, g: number, rows: number, n: number) => void;
  readonly softmaxGradF64: (out: number, y: number, g: number, rows: number, n: number) => void;
}

let compiled: WebAssembly.Module | undefined;
let compiledThreads: WebAssembly.Module | undefined;

/** The embedded .wasm bytes (decoded once per call; the module is cached, not the bytes). */
export function wasmBytes(build: 'single' | 'threads' = 'single'): Uint8Array<ArrayBuffer> {
  const text = atob(build === 'single' ? WASM_BASE64 : WASM_THREADS_BASE64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

/**
 * The compiled module, compiling synchronously on first use. Node, workers and Chromium's main
 * thread allow this for our ~40 KB module; an engine that limits synchronous compilation on its
 * main thread throws, hence the hint.
 */
export function compileKernelsSync(): WebAssembly.Module {
  if (compiled !== undefined) return compiled;
  try {
    compiled = new WebAssembly.Module(wasmBytes());
  } catch (err) {
    throw new BackendError(`could not compile the WebAssembly kernels synchronously: ${(err as Error).message}`, {
      pkg: 'backend-wasm',
      op: 'createWasmBackend',
      hint: 'where synchronous compilation is limited (some browsers\' main threads), call `await initWasmBackend()` once instead; it compiles asynchronously. WebAssembly SIMD (Chrome 91, Firefox 89, Safari 16.4, Node 16.4) is required',
    });
  }
  return compiled;
}

/** The compiled module, compiled asynchronously on first use (works everywhere WebAssembly SIMD does). */
export async function compileKernels(): Promise<WebAssembly.Module> {
  if (compiled !== undefined) return compiled;
  try {
    compiled = await WebAssembly.compile(wasmBytes());
  } catch (err) {
    throw new BackendError(`could not compile the WebAssembly kernels: ${(err as Error).message}`, {
      pkg: 'backend-wasm',
      op: 'initWasmBackend',
      hint: 'the kernels need WebAssembly SIMD (Chrome 91, Firefox 89, Safari 16.4, Node 16.4)',
    });
  }
  return compiled;
}

/** A fresh instance (its own linear memory) of the compiled module; it imports nothing. */
export function instantiateKernels(module: WebAssembly.Module): KernelExports {
  const instance = new WebAssembly.Instance(module, {});
  return instance.exports as unknown as KernelExports;
}

/** The threads build (imports a shared `env.memory`), compiled synchronously on first use. */
export function compileThreadKernelsSync(): WebAssembly.Module {
  compiledThreads ??= new WebAssembly.Module(wasmBytes('threads'));
  return compiledThreads;
}

/** The threads build, compiled asynchronously on first use. */
export async function compileThreadKernels(): Promise<WebAssembly.Module> {
  compiledThreads ??= await WebAssembly.compile(wasmBytes('threads'));
  return compiledThreads;
}

/** An instance of the threads build over `memory` (shared: the workers instantiate it over the same). */
export function instantiateThreadKernels(module: WebAssembly.Module, memory: WebAssembly.Memory): KernelExports {
  const instance = new WebAssembly.Instance(module, { env: { memory } });
  return { ...(instance.exports as unknown as KernelExports), memory };
}
