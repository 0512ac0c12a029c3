import { compileKernels, instantiateKernels } from './load-kernels.ts';
import { WasmHeap } from './wasm-heap.ts';
import { wasmBackendFrom } from './create-wasm-backend.ts';
import type { WasmBackend, WasmBackendOptions } from './create-wasm-backend.ts';

/**
 * Compiles the embedded WebAssembly module asynchronously (for engines that limit synchronous
 * compilation on their main thread) and creates the wasm backend. After it resolves, {@link createWasmBackend}
 * also works synchronously, reusing the compiled module.
 * @param options as for {@link createWasmBackend}
 * @returns a backend named `wasm`, to pass to `setBackend`
 * @throws BackendError (rejects) when this engine lacks WebAssembly SIMD
 * @example
 * import { setBackend } from '@gradlab/core-tensor';
 * import { initWasmBackend } from '@gradlab/backend-wasm';
 * setBackend(await initWasmBackend());
 */
export async function initWasmBackend(options: WasmBackendOptions = {}): Promise<WasmBackend> {
  const module = await compileKernels();
  return wasmBackendFrom(new WasmHeap(instantiateKernels(module)), options);
}
