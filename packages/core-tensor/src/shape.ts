import { ShapeError } from './errors.ts';
import { describeType, receivedValue } from './validate/arg-ref.ts';
import { requireShape } from './validate/require-shape.ts';

/** Formats a shape as `[2, 3]` for messages. */
export function fmtShape(shape: readonly number[]): string {
  return `[${shape.join(', ')}]`;
}

/** The number of elements of a shape (1 for rank 0). */
export function sizeOf(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

/** Row-major (C-order) strides of a shape. */
export function rowMajorStrides(shape: readonly number[]): number[] {
  const strides = new Array<number>(shape.length);
  let s = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    strides[i] = s;
    s *= shape[i] as number;
  }
  return strides;
}

/** True when `strides` are the row-major strides of `shape` (size-1 dims may have any stride). */
export function isRowMajor(shape: readonly number[], strides: readonly number[]): boolean {
  let s = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    const d = shape[i] as number;
    if (d !== 1 && strides[i] !== s) return false;
    s *= d;
  }
  return true;
}

/** Validates a user-given shape: at most 64 non-negative integers, size within the allocation cap. */
export function checkShape(op: string, shape: readonly number[], arg = 'shape'): number[] {
  return requireShape(shape, { op, arg });
}

/** Normalizes a possibly negative axis against `rank`. */
export function normAxis(op: string, axis: number, rank: number, arg = 'axis'): number {
  if (typeof axis !== 'number' || !Number.isInteger(axis) || axis < -rank || axis >= rank) {
    throw new ShapeError(`axis out of range for a tensor of rank ${rank}`, {
      op,
      arg,
      expected: `integer in [${-rank}, ${rank - 1}]`,
      received: receivedValue(axis),
    });
  }
  return axis < 0 ? axis + rank : axis;
}

/** Normalizes `axis` (undefined = all axes) into a sorted list of distinct axes. */
export function normAxes(op: string, axis: number | readonly number[] | undefined, rank: number): number[] {
  if (axis === undefined) return Array.from({ length: rank }, (_, i) => i);
  const list: unknown = typeof axis === 'number' ? [axis] : axis;
  if (!Array.isArray(list)) {
    throw new ShapeError('axis must be an integer or a list of integers', { op, arg: 'axis', expected: 'number | number[] | undefined', received: describeType(list) });
  }
  const out = [...new Set((list as number[]).map((a) => normAxis(op, a, rank)))];
  if (out.length !== list.length) {
    throw new ShapeError('axes must be distinct', { op, arg: 'axis', received: (list as number[]).slice() });
  }
  return out.sort((a, b) => a - b);
}

/** The broadcast shape of two shapes (NumPy rules), or a ShapeError naming both. */
export function broadcastShapes(op: string, a: readonly number[], b: readonly number[]): number[] {
  const n = Math.max(a.length, b.length);
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const da = a[a.length - n + i] ?? 1;
    const db = b[b.length - n + i] ?? 1;
    if (da !== db && da !== 1 && db !== 1) {
      throw new ShapeError(`shapes ${fmtShape(a)} and ${fmtShape(b)} cannot be broadcast together`, {
        op,
        arg: 'b',
        expected: `a shape broadcastable with ${fmtShape(a)}`,
        received: b.slice(),
        hint: `dimension ${i - n} is ${da} in a and ${db} in b; one of them must be 1 or they must be equal`,
      });
    }
    out[i] = da === 1 ? db : da;
  }
  return out;
}

/** True when two shapes are equal. */
export function sameShape(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
