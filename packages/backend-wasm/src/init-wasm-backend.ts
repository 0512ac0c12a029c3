import { compileKernels, compileThreadKernels, instantiateKernels } from './load-kernels.ts';
import { WasmHeap } from './wasm-heap.ts';
import { createSharedMemory, createWasmBackend, wasmBackendFrom } from './create-wasm-backend.ts';
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
  // Shared memory (resident storage in tidy, threads) when the engine offers it: compile that
  // build asynchronously too, so that createWasmBackend finds both modules compiled.
  if (createSharedMemory() !== undefined) await compileThreadKernels();
  if ((options.threads ?? 1) > 1 || (options.residentBytes ?? 1) > 0) return createWasmBackend(options);
  return wasmBackendFrom(new WasmHeap(instantiateKernels(module)), options);
}
