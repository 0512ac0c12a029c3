// @gradlab/backend-wasm: A WebAssembly SIMD backend for @gradlab/core-tensor.
export {};
