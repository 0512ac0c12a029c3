import type { DType } from '@gradlab/core-tensor';

/**
 * The dtype names of the safetensors format (as of safetensors 0.8), with their sizes in bits.
 * The order is the reference implementation's (its `Dtype` enum): it writes tensors sorted by this
 * order, largest first, then by name, so a writer that wants the same bytes sorts the same way.
 */
export const SAFETENSORS_DTYPE_BITS: Readonly<Record<string, number>> = Object.freeze({
  BOOL: 8,
  F4: 4,
  F6_E2M3: 6,
  F6_E3M2: 6,
  U8: 8,
  I8: 8,
  F8_E5M2: 8,
  F8_E4M3: 8,
  F8_E8M0: 8,
  F8_E4M3FNUZ: 8,
  F8_E5M2FNUZ: 8,
  I16: 16,
  U16: 16,
  F16: 16,
  BF16: 16,
  I32: 32,
  U32: 32,
  F32: 32,
  C64: 64,
  F64: 64,
  I64: 64,
  U64: 64,
});

/** The safetensors dtypes gradlab reads. */
export type ReadableSafetensorsDType = 'F64' | 'F32' | 'I32' | 'BOOL' | 'F16' | 'BF16' | 'I64' | 'U32' | 'I16' | 'U16' | 'I8' | 'U8';

/**
 * The gradlab dtype each readable safetensors dtype becomes. F16 and BF16 widen to float32, which
 * holds every value of both exactly; the small integers widen to int32 exactly; I64 and U32 narrow
 * to int32 with a range check (a value outside [-2^31, 2^31 - 1] is an error, never wrapped).
 */
export const SAFETENSORS_TO_GRADLAB: Readonly<Record<ReadableSafetensorsDType, DType>> = Object.freeze({
  F64: 'float64',
  F32: 'float32',
  I32: 'int32',
  BOOL: 'bool',
  F16: 'float32',
  BF16: 'float32',
  I64: 'int32',
  U32: 'int32',
  I16: 'int32',
  U16: 'int32',
  I8: 'int32',
  U8: 'int32',
});

/** The safetensors dtype each gradlab dtype is written as. */
export const GRADLAB_TO_SAFETENSORS: Readonly<Record<DType, 'F64' | 'F32' | 'I32' | 'BOOL'>> = Object.freeze({
  float64: 'F64',
  float32: 'F32',
  int32: 'I32',
  bool: 'BOOL',
});

/** True when `name` is a dtype of the safetensors format. */
export function isSafetensorsDType(name: string): boolean {
  return Object.prototype.hasOwnProperty.call(SAFETENSORS_DTYPE_BITS, name);
}

/** True when gradlab can read tensors of safetensors dtype `name`. */
export function isReadableDType(name: string): name is ReadableSafetensorsDType {
  return Object.prototype.hasOwnProperty.call(SAFETENSORS_TO_GRADLAB, name);
}

/** The rank of `name` in the reference writer's dtype order (a higher rank is written first). */
export function dtypeOrder(name: string): number {
  return Object.keys(SAFETENSORS_DTYPE_BITS).indexOf(name);
}
