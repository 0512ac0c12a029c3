// The float dtypes the wasm kernels compute in.

/** The two dtypes the wasm kernels compute in; everything else goes to the fallback backend. */
export type FloatDType = 'float32' | 'float64';

/** Bytes per element of a float dtype. */
export function bytesOf(dtype: FloatDType): number {
  return dtype === 'float32' ? 4 : 8;
}
