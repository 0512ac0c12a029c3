// @gradlab/backend-wasm: a WebAssembly SIMD backend for @gradlab/core-tensor.
export { createWasmBackend } from './create-wasm-backend.ts';
export type { WasmBackend, WasmBackendOptions } from './create-wasm-backend.ts';
export { initWasmBackend } from './init-wasm-backend.ts';
