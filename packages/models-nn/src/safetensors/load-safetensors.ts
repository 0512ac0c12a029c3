import type { Tensor } from '@gradlab/core-tensor';
import type { SafetensorsLoadOptions } from './read-safetensors.ts';
import { decodeSafetensors } from './read-safetensors.ts';

/**
 * Loads the tensors of a safetensors file (its metadata is dropped: use {@link readSafetensors}
 * to get it too). Safe on untrusted files: no code runs, every size is checked before allocating,
 * and any malformed file throws a SafetensorsError. Dtype conversions are those of `readSafetensors`.
 * @param bytes the file's contents, e.g. `readFileSync('model.safetensors')`
 * @param options `maxBytes` (default 1 GiB), `dtype` to cast floats on load
 * @returns the tensors by name (an object without prototype, so a name like `__proto__` is a plain key)
 * @throws SafetensorsError naming `loadSafetensors`, the reason and the tensor at fault
 * @example
 * const state = loadSafetensors(readFileSync('model.safetensors'), { dtype: 'float64' });
 * state['0.weight'].shape; // [5, 4]
 */
export function loadSafetensors(bytes: Uint8Array, options?: SafetensorsLoadOptions): Record<string, Tensor> {
  return decodeSafetensors(bytes, options, 'loadSafetensors').tensors;
}
