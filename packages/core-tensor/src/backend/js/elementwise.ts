import type { BinaryOp, CompareOp, StridedArray, UnaryOp } from '../backend.ts';
import type { DType, TypedArray } from '../../dtype.ts';
import { allocOut } from './output.ts';
import { rowMajorStrides, sizeOf } from '../../shape.ts';
import { forEachRow, isContiguous } from './strided.ts';
import { erf } from './special.ts';

type Arr = TypedArray;

/** One tight loop per op: the switch runs once per row, never per element. */
function unaryRow(op: UnaryOp, x: Arr, xo: number, xs: number, out: Arr, oo: number, n: number): void {
  switch (op) {
    case 'neg':
      for (let i = 0; i < n; i++) out[oo + i] = -(x[xo + i * xs] as number);
      return;
    case 'abs':
      for (let i = 0; i < n; i++) out[oo + i] = Math.abs(x[xo + i * xs] as number);
      return;
    case 'sign':
      for (let i = 0; i < n; i++) out[oo + i] = Math.sign(x[xo + i * xs] as number);
      return;
    case 'square':
      for (let i = 0; i < n; i++) {
        const v = x[xo + i * xs] as number;
        out[oo + i] = v * v;
      }
      return;
    case 'sqrt':
      for (let i = 0; i < n; i++) out[oo + i] = Math.sqrt(x[xo + i * xs] as number);
      return;
    case 'exp':
      for (let i = 0; i < n; i++) out[oo + i] = Math.exp(x[xo + i * xs] as number);
      return;
    case 'log':
      for (let i = 0; i < n; i++) out[oo + i] = Math.log(x[xo + i * xs] as number);
      return;
    case 'log1p':
      for (let i = 0; i < n; i++) out[oo + i] = Math.log1p(x[xo + i * xs] as number);
      return;
    case 'sin':
      for (let i = 0; i < n; i++) out[oo + i] = Math.sin(x[xo + i * xs] as number);
      return;
    case 'cos':
      for (let i = 0; i < n; i++) out[oo + i] = Math.cos(x[xo + i * xs] as number);
      return;
    case 'tanh':
      for (let i = 0; i < n; i++) out[oo + i] = Math.tanh(x[xo + i * xs] as number);
      return;
    case 'sigmoid':
      for (let i = 0; i < n; i++) {
        const v = x[xo + i * xs] as number;
        // Stable on both tails: never exponentiates a large positive number.
        if (v >= 0) out[oo + i] = 1 / (1 + Math.exp(-v));
        else {
          const e = Math.exp(v);
          out[oo + i] = e / (1 + e);
        }
      }
      return;
    case 'erf':
      for (let i = 0; i < n; i++) out[oo + i] = erf(x[xo + i * xs] as number);
      return;
    case 'relu':
      for (let i = 0; i < n; i++) {
        const v = x[xo + i * xs] as number;
        out[oo + i] = v > 0 ? v : v === v ? 0 : v;
      }
      return;
  }
}

export function unary(op: UnaryOp, x: StridedArray, dtype: DType): TypedArray {
  const size = sizeOf(x.shape);
  const out = allocOut(dtype, size);
  if (size === 0) return out;
  if (isContiguous(x)) {
    unaryRow(op, x.data, x.offset, 1, out, 0, size);
    return out;
  }
  forEachRow(x.shape, [x.strides, rowMajorStrides(x.shape)], [x.offset, 0], (o, n, s) => {
    if (s[1] === 1) unaryRow(op, x.data, o[0] as number, s[0] as number, out, o[1] as number, n);
    else for (let i = 0; i < n; i++) unaryRow(op, x.data, (o[0] as number) + i * (s[0] as number), 0, out, (o[1] as number) + i * (s[1] as number), 1);
  });
  return out;
}

function binaryRow(op: BinaryOp, int: boolean, a: Arr, ao: number, as: number, b: Arr, bo: number, bs: number, out: Arr, oo: number, n: number): void {
  switch (op) {
    case 'add':
      for (let i = 0; i < n; i++) out[oo + i] = (a[ao + i * as] as number) + (b[bo + i * bs] as number);
      return;
    case 'sub':
      for (let i = 0; i < n; i++) out[oo + i] = (a[ao + i * as] as number) - (b[bo + i * bs] as number);
      return;
    case 'mul':
      if (int) for (let i = 0; i < n; i++) out[oo + i] = Math.imul(a[ao + i * as] as number, b[bo + i * bs] as number);
      else for (let i = 0; i < n; i++) out[oo + i] = (a[ao + i * as] as number) * (b[bo + i * bs] as number);
      return;
    case 'div':
      for (let i = 0; i < n; i++) out[oo + i] = (a[ao + i * as] as number) / (b[bo + i * bs] as number);
      return;
    case 'pow':
      for (let i = 0; i < n; i++) out[oo + i] = Math.pow(a[ao + i * as] as number, b[bo + i * bs] as number);
      return;
    case 'maximum':
      for (let i = 0; i < n; i++) {
        const u = a[ao + i * as] as number;
        const v = b[bo + i * bs] as number;
        out[oo + i] = u > v || u !== u ? u : v;
      }
      return;
    case 'minimum':
      for (let i = 0; i < n; i++) {
        const u = a[ao + i * as] as number;
        const v = b[bo + i * bs] as number;
        out[oo + i] = u < v || u !== u ? u : v;
      }
      return;
  }
}

export function binary(op: BinaryOp, a: StridedArray, b: StridedArray, dtype: DType): TypedArray {
  const size = sizeOf(a.shape);
  const out = allocOut(dtype, size);
  if (size === 0) return out;
  const int = dtype === 'int32';
  // Fast paths without the row iterator: same-layout contiguous operands, or one scalar-like.
  const ca = isContiguous(a);
  const cb = isContiguous(b);
  if (ca && (cb || isBroadcastScalar(b))) {
    binaryRow(op, int, a.data, a.offset, 1, b.data, b.offset, cb ? 1 : 0, out, 0, size);
    return out;
  }
  if (cb && isBroadcastScalar(a)) {
    binaryRow(op, int, a.data, a.offset, 0, b.data, b.offset, 1, out, 0, size);
    return out;
  }
  forEachRow(a.shape, [a.strides, b.strides, rowMajorStrides(a.shape)], [a.offset, b.offset, 0], (o, n, s) => {
    if (s[2] === 1) binaryRow(op, int, a.data, o[0] as number, s[0] as number, b.data, o[1] as number, s[1] as number, out, o[2] as number, n);
    else {
      for (let i = 0; i < n; i++) {
        binaryRow(op, int, a.data, (o[0] as number) + i * (s[0] as number), 0, b.data, (o[1] as number) + i * (s[1] as number), 0, out, (o[2] as number) + i * (s[2] as number), 1);
      }
    }
  });
  return out;
}

function compareRow(op: CompareOp, a: Arr, ao: number, as: number, b: Arr, bo: number, bs: number, out: Uint8Array, oo: number, os: number, n: number): void {
  switch (op) {
    case 'equal':
      for (let i = 0; i < n; i++) out[oo + i * os] = (a[ao + i * as] as number) === (b[bo + i * bs] as number) ? 1 : 0;
      return;
    case 'notEqual':
      for (let i = 0; i < n; i++) out[oo + i * os] = (a[ao + i * as] as number) !== (b[bo + i * bs] as number) ? 1 : 0;
      return;
    case 'less':
      for (let i = 0; i < n; i++) out[oo + i * os] = (a[ao + i * as] as number) < (b[bo + i * bs] as number) ? 1 : 0;
      return;
    case 'lessEqual':
      for (let i = 0; i < n; i++) out[oo + i * os] = (a[ao + i * as] as number) <= (b[bo + i * bs] as number) ? 1 : 0;
      return;
    case 'greater':
      for (let i = 0; i < n; i++) out[oo + i * os] = (a[ao + i * as] as number) > (b[bo + i * bs] as number) ? 1 : 0;
      return;
    case 'greaterEqual':
      for (let i = 0; i < n; i++) out[oo + i * os] = (a[ao + i * as] as number) >= (b[bo + i * bs] as number) ? 1 : 0;
      return;
  }
}

/** True when every stride is 0: one element repeated (a broadcast scalar). */
function isBroadcastScalar(x: StridedArray): boolean {
  for (const s of x.strides) if (s !== 0) return false;
  return true;
}

export function compare(op: CompareOp, a: StridedArray, b: StridedArray): Uint8Array {
  const size = sizeOf(a.shape);
  const out = new Uint8Array(size);
  if (size === 0) return out;
  const cb = isContiguous(b);
  if (isContiguous(a) && (cb || isBroadcastScalar(b))) {
    compareRow(op, a.data, a.offset, 1, b.data, b.offset, cb ? 1 : 0, out, 0, 1, size);
    return out;
  }
  forEachRow(a.shape, [a.strides, b.strides, rowMajorStrides(a.shape)], [a.offset, b.offset, 0], (o, n, s) => {
    compareRow(op, a.data, o[0] as number, s[0] as number, b.data, o[1] as number, s[1] as number, out, o[2] as number, s[2] as number, n);
  });
  return out;
}

export function where(cond: StridedArray, a: StridedArray, b: StridedArray, dtype: DType): TypedArray {
  const size = sizeOf(a.shape);
  const out = allocOut(dtype, size);
  if (size === 0) return out;
  const c = cond.data;
  const ad = a.data;
  const bd = b.data;
  forEachRow(a.shape, [cond.strides, a.strides, b.strides, rowMajorStrides(a.shape)], [cond.offset, a.offset, b.offset, 0], (o, n, s) => {
    const [co, ao, bo, oo] = o as [number, number, number, number];
    const [cs, as, bs, os] = s as [number, number, number, number];
    for (let i = 0; i < n; i++) out[oo + i * os] = (c[co + i * cs] as number) !== 0 ? (ad[ao + i * as] as number) : (bd[bo + i * bs] as number);
  });
  return out;
}

export function copy(src: StridedArray, dst: StridedArray): void {
  if (sizeOf(src.shape) === 0) return;
  const s = src.data;
  const d = dst.data;
  const toBool = dst.dtype === 'bool' && src.dtype !== 'bool';
  forEachRow(src.shape, [src.strides, dst.strides], [src.offset, dst.offset], (o, n, st) => {
    const [so, dof] = o as [number, number];
    const [ss, ds] = st as [number, number];
    if (toBool) for (let i = 0; i < n; i++) d[dof + i * ds] = (s[so + i * ss] as number) !== 0 ? 1 : 0;
    else if (ss === 1 && ds === 1 && src.dtype === dst.dtype) d.set(s.subarray(so, so + n), dof);
    else for (let i = 0; i < n; i++) d[dof + i * ds] = s[so + i * ss] as number;
  });
}

export function cast(x: StridedArray, dtype: DType): TypedArray {
  const out = allocOut(dtype, sizeOf(x.shape));
  copy(x, { data: out, dtype, shape: x.shape, strides: rowMajorStrides(x.shape), offset: 0 });
  return out;
}

export function contiguous(x: StridedArray): TypedArray {
  const size = sizeOf(x.shape);
  if (isContiguous(x)) return x.data.slice(x.offset, x.offset + size);
  return cast(x, x.dtype);
}

export function fill(size: number, value: number, dtype: DType): TypedArray {
  const out = allocOut(dtype, size);
  if (value !== 0) out.fill(dtype === 'bool' ? (value !== 0 ? 1 : 0) : value);
  return out;
}
