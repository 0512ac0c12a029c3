export { matmulF32, matmulF32Workspace } from './matmul-f32';
export { matmulF64, matmulF64Workspace } from './matmul-f64';

/** First byte after the module's static data: where the JS allocator may start. */
export function heapBase(): usize {
  return __heap_base;
}
export { binaryF32, binaryF64, unaryF32, unaryF64, fusedF32, fusedF64 } from './elementwise';
export { reduceF32, reduceF64 } from './reduce';
export { copyF32, copyF64 } from './copy';
export { whereF32, whereF64, compareF32, compareF64 } from './select';
export { softmaxF32, softmaxF64, softmaxGradF32, softmaxGradF64 } from './softmax';
