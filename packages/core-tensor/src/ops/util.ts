import type { StridedArray } from '../backend/backend.ts';
import type { DType, TypedArray } from '../dtype.ts';
import { isFloat, promoteTypes } from '../dtype.ts';
import { ValueError } from '../errors.ts';
import { rowMajorStrides } from '../shape.ts';
import { Tensor } from '../tensor.ts';
import { describeType } from '../validate/arg-ref.ts';
import { requireLive } from '../validate/require-tensor.ts';

/** A tensor, or a JS number standing for a scalar tensor (it broadcasts). */
export type TensorLike = Tensor | number;

/** The kernel view of a tensor. */
export function view(t: Tensor): StridedArray {
  return { data: t._buf, dtype: t.dtype, shape: t.shape, strides: t._strides, offset: t._offset };
}

/** A tensor over a fresh row-major buffer. */
export function fromBuffer(buf: TypedArray, shape: readonly number[], dtype: DType): Tensor {
  return new Tensor(buf, shape, dtype, rowMajorStrides(shape), 0);
}

/** The dtype a bare JS number takes next to a tensor of dtype `other` (PyTorch's rule). */
export function numberDType(v: number, other: DType | undefined): DType {
  if (other !== undefined && isFloat(other)) return other;
  if (Number.isInteger(v) && Math.abs(v) <= 2147483647) return other === undefined ? 'float64' : 'int32';
  return 'float64';
}

/** A rank-0 tensor holding `v`. */
export function scalarTensor(v: number, dtype: DType): Tensor {
  const buf = dtype === 'float32' ? new Float32Array(1) : dtype === 'float64' ? new Float64Array(1) : dtype === 'int32' ? new Int32Array(1) : new Uint8Array(1);
  buf[0] = dtype === 'bool' ? (v !== 0 ? 1 : 0) : v;
  return new Tensor(buf, [], dtype, [], 0);
}

/** Scalar tensors for bare numbers, shared (tensors are immutable); bounded, cleared when full. */
const constants = new Map<string, Map<number, Tensor>>();
const cached = new WeakSet<Tensor>();
const MAX_CONSTANTS = 512;

/** True for the shared scalar standing for a bare number (trace shows one node per use of it). */
export function isNumberConstant(t: Tensor): boolean {
  return cached.has(t);
}

function constantTensor(v: number, dtype: DType): Tensor {
  if (Object.is(v, -0)) return scalarTensor(v, dtype);
  let byValue = constants.get(dtype);
  if (byValue === undefined) {
    byValue = new Map();
    constants.set(dtype, byValue);
  }
  let t = byValue.get(v);
  if (t === undefined) {
    if (byValue.size >= MAX_CONSTANTS) byValue.clear();
    t = scalarTensor(v, dtype);
    t._permanent = true;
    cached.add(t);
    byValue.set(v, t);
  }
  return t;
}

/** Converts a TensorLike, giving a number the dtype suggested by `like`. */
export function toTensor(op: string, arg: string, x: TensorLike, like?: DType): Tensor {
  if (x instanceof Tensor) return x._disposed ? requireLive(x, { op, arg }) : x;
  if (typeof x === 'number') return constantTensor(x, numberDType(x, like));
  throw new ValueError('expected a Tensor or a number', { op, arg, expected: 'Tensor | number', received: describeType(x) });
}

/** Converts two TensorLikes; a number adopts the other operand's dtype family. */
export function toTensors(op: string, a: TensorLike, b: TensorLike): [Tensor, Tensor] {
  if (a instanceof Tensor && b instanceof Tensor && !a._disposed && !b._disposed) return [a, b];
  if (a instanceof Tensor && b instanceof Tensor) return [toTensor(op, 'a', a), toTensor(op, 'b', b)];
  if (a instanceof Tensor) return [a, toTensor(op, 'b', b, a.dtype)];
  if (b instanceof Tensor) return [toTensor(op, 'a', a, b.dtype), b];
  return [toTensor(op, 'a', a), toTensor(op, 'b', b)];
}

/** Result dtype of an arithmetic op: the promoted type, with bool arithmetic done in int32. */
export function arithmeticDType(a: DType, b: DType): DType {
  const d = promoteTypes(a, b);
  return d === 'bool' ? 'int32' : d;
}
