import { DTypeError } from './errors.ts';
import { checkElementCount } from './validate/element-cap.ts';

/**
 * The element types of a tensor. JS numbers default to `float64` (exact); `float32` is first-class
 * for speed; `int32` holds indices and counts; `bool` is stored as 0/1 bytes.
 * Promotion order: bool < int32 < float32 < float64.
 */
export type DType = 'float32' | 'float64' | 'int32' | 'bool';

/** The typed array that stores each dtype. */
export type TypedArray = Float32Array | Float64Array | Int32Array | Uint8Array;

/** The typed array type that stores dtype `D`. */
export type TypedArrayFor<D extends DType> = D extends 'float32'
  ? Float32Array
  : D extends 'float64'
    ? Float64Array
    : D extends 'int32'
      ? Int32Array
      : Uint8Array;

const RANK: Record<DType, number> = { bool: 0, int32: 1, float32: 2, float64: 3 };
const BY_RANK: readonly DType[] = ['bool', 'int32', 'float32', 'float64'];

/** All dtypes, in promotion order. */
export const DTYPES: readonly DType[] = BY_RANK;

/** True when `d` is a dtype name. */
export function isDType(d: unknown): d is DType {
  return d === 'float32' || d === 'float64' || d === 'int32' || d === 'bool';
}

/** The larger of two dtypes in the order bool < int32 < float32 < float64. */
export function promoteTypes(a: DType, b: DType): DType {
  return BY_RANK[Math.max(RANK[a], RANK[b])] as DType;
}

/** True for float32 and float64. */
export function isFloat(d: DType): boolean {
  return d === 'float32' || d === 'float64';
}

/** A new zero-filled typed array of `size` elements of dtype `d`. */
export function allocate(d: DType, size: number): TypedArray {
  checkElementCount(size, { op: 'allocate', arg: 'size' });
  switch (d) {
    case 'float32':
      return new Float32Array(size);
    case 'float64':
      return new Float64Array(size);
    case 'int32':
      return new Int32Array(size);
    case 'bool':
      return new Uint8Array(size);
  }
}

/** The dtype a typed array stores (Uint8Array is read as bool). */
export function dtypeOfArray(a: ArrayLike<number>): DType | undefined {
  if (a instanceof Float32Array) return 'float32';
  if (a instanceof Float64Array) return 'float64';
  if (a instanceof Int32Array) return 'int32';
  if (a instanceof Uint8Array) return 'bool';
  return undefined;
}

/** Throws a DTypeError unless `d` is a float dtype. */
export function requireFloat(op: string, arg: string, d: DType): void {
  if (!isFloat(d)) {
    throw new DTypeError(`${op} needs a float tensor`, {
      op,
      arg,
      expected: 'float32 or float64',
      received: d,
      hint: `cast first: ${arg}.astype('float64')`,
    });
  }
}
