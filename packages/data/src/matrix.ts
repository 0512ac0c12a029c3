import { checkElementCount, describeType, requireInteger, requireObject, ShapeError, ValueError } from '@gradlab/core-tensor';

/**
 * A dense row-major matrix of float64 values, shape `[rows, cols]`. A float64 core-tensor `Tensor`
 * of rank 2 has the same two fields, so it can be passed wherever a `Matrix` is read.
 */
export interface Matrix {
  /** The values, row-major: entry (i, j) is `data[i * cols + j]`. */
  readonly data: Float64Array;
  /** `[rows, cols]`. */
  readonly shape: readonly [number, number];
}

/**
 * What functions of this package accept as a matrix: rows as arrays, a flat array with `shape`
 * (a `Matrix` or a core-tensor `Tensor`), or a flat vector (read as one column).
 */
export type MatrixInput =
  | readonly (readonly number[])[]
  | readonly number[]
  | Float64Array
  | { readonly data: ArrayLike<number>; readonly shape: readonly number[] };

/** What functions of this package accept as a vector `[N]`. */
export type VectorInput = ArrayLike<number> | { readonly data: ArrayLike<number>; readonly shape: readonly number[] };

function isShaped(v: unknown): v is { data: ArrayLike<number>; shape: readonly number[] } {
  return typeof v === 'object' && v !== null && 'data' in v && 'shape' in v;
}

/** Where a matrix or vector is read, for error messages, and how strictly its entries are checked. */
export interface ReadWhere {
  /** The function that reads it, e.g. `kFold`. */
  op: string;
  /** The argument, e.g. `x`. */
  arg: string;
  /** The package named in messages (default `data`): lets other packages reuse these readers. */
  pkg?: string;
  /** Reject infinite entries as well as NaN (default true: data are finite numbers; pass false to allow ±Infinity). */
  finite?: boolean;
  /** What the entries are called in messages (default `entries`), e.g. `features`. */
  noun?: string;
  /** A hint added to the message about bad entries. */
  hint?: string;
}

/** Checks the `where` argument (these readers are public) and returns it. */
function checkWhere(where: unknown): ReadWhere {
  const w = where as Partial<ReadWhere> | null;
  if (w === null || typeof w !== 'object' || typeof w.op !== 'string' || typeof w.arg !== 'string') {
    throw new ValueError('where must name the function and the argument', { pkg: 'data', op: 'toMatrix', arg: 'where', expected: '{ op: string, arg: string, ... }', received: describeType(where) });
  }
  return w as ReadWhere;
}

/** Rejects entries that are not numbers (strings, null, objects) before they are coerced to NaN or 0. */
function checkTypes(list: ArrayLike<unknown>, where: ReadWhere, position: (i: number) => string): void {
  if (ArrayBuffer.isView(list)) return;
  for (let i = 0; i < list.length; i++) {
    const v = list[i];
    if (typeof v !== 'number') {
      throw new ValueError(`${where.noun ?? 'entries'} must be numbers`, { pkg: where.pkg ?? 'data', op: where.op, arg: `${where.arg}${position(i)}`, expected: 'a number', received: describeType(v) });
    }
  }
}

/** Checks that `input` is an array, a typed array or a `{ data, shape }` object. */
function checkArrayLike(input: unknown, where: ReadWhere, what: string): void {
  const ok = Array.isArray(input) || (ArrayBuffer.isView(input) && !(input instanceof DataView)) || isShaped(input);
  if (!ok) throw new ValueError(`expected ${what}`, { pkg: where.pkg ?? 'data', op: where.op, arg: where.arg, expected: `${what}: an array, a typed array or { data, shape }`, received: describeType(input) });
  if (isShaped(input)) {
    const d: unknown = input.data;
    const s: unknown = input.shape;
    const dataOk = Array.isArray(d) || (ArrayBuffer.isView(d) && !(d instanceof DataView));
    if (!dataOk || !Array.isArray(s) || s.some((x) => typeof x !== 'number' || !Number.isInteger(x) || x < 0)) {
      throw new ValueError(`expected ${what}`, { pkg: where.pkg ?? 'data', op: where.op, arg: where.arg, expected: '{ data: number[], shape: number[] }', received: 'an object with a bad data or shape' });
    }
  }
  checkElementCount((isShaped(input) ? input.data : (input as ArrayLike<unknown>)).length, { pkg: where.pkg ?? 'data', op: where.op, arg: where.arg });
}

function checkEntries(data: Float64Array, where: ReadWhere, position: (i: number) => string): void {
  const finite = where.finite !== false;
  for (let i = 0; i < data.length; i++) {
    const v = data[i] as number;
    if (finite ? !Number.isFinite(v) : Number.isNaN(v)) {
      throw new ValueError(`${where.noun ?? 'entries'} must be ${finite ? 'finite numbers' : 'numbers'}`, {
        pkg: where.pkg ?? 'data',
        op: where.op,
        arg: `${where.arg}${position(i)}`,
        expected: finite ? 'a finite number' : 'a number',
        received: v,
        ...(where.hint === undefined ? {} : { hint: where.hint }),
      });
    }
  }
}

/**
 * Reads a {@link MatrixInput} into a {@link Matrix}, checking that it is rectangular and that
 * no entry is NaN (nor infinite, with `finite: true`).
 * @param input rows, a flat vector (one column) or a shaped object
 * @param where the op and argument name used in error messages
 * @returns a new `Matrix` (the data is copied)
 * @throws ShapeError when rows differ in length or the shape is not rank 1 or 2
 * @throws ValueError when an entry is not a number
 * @example
 * toMatrix([[1, 2], [3, 4]], { op: 'kFold', arg: 'x' }).shape; // [2, 2]
 */
export function toMatrix(input: MatrixInput, where: ReadWhere): Matrix {
  where = checkWhere(where);
  checkArrayLike(input, where, 'a matrix');
  const pkg = where.pkg ?? 'data';
  let rows: number;
  let cols: number;
  let data: Float64Array;
  if (isShaped(input)) {
    const s = input.shape;
    if (s.length === 1) {
      rows = s[0] as number;
      cols = 1;
    } else if (s.length === 2) {
      rows = s[0] as number;
      cols = s[1] as number;
    } else {
      throw new ShapeError('expected a matrix', { pkg, op: where.op, arg: where.arg, expected: 'rank 1 or 2', received: `shape [${s.join(', ')}]` });
    }
    if (input.data.length !== rows * cols) {
      throw new ShapeError('data length does not match shape', { pkg, op: where.op, arg: where.arg, expected: rows * cols, received: input.data.length });
    }
    checkTypes(input.data, where, (i) => `.data[${i}]`);
    data = Float64Array.from(input.data);
  } else if ((input as ArrayLike<unknown>).length > 0 && Array.isArray((input as ArrayLike<unknown>)[0])) {
    const rowsIn = input as readonly (readonly number[])[];
    rows = rowsIn.length;
    cols = rowsIn[0]?.length ?? 0;
    checkElementCount(rows * cols, { pkg, op: where.op, arg: where.arg });
    data = new Float64Array(rows * cols);
    for (let i = 0; i < rows; i++) {
      const r = rowsIn[i];
      if (!Array.isArray(r) || r.length !== cols) {
        throw new ShapeError('rows must all have the same length', { pkg, op: where.op, arg: `${where.arg}[${i}]`, expected: `${cols} entries`, received: Array.isArray(r) ? `${r.length} entries` : typeof r });
      }
      checkTypes(r, where, (j) => `[${i}][${j}]`);
      for (let j = 0; j < cols; j++) data[i * cols + j] = r[j] as number;
    }
  } else {
    checkTypes(input as ArrayLike<unknown>, where, (i) => `[${i}]`);
    data = Float64Array.from(input as ArrayLike<number>);
    rows = data.length;
    cols = 1;
  }
  const c = Math.max(cols, 1);
  checkEntries(data, where, (i) => ` (row ${Math.floor(i / c)}, column ${i % c})`);
  return { data, shape: [rows, cols] };
}

/**
 * Reads a {@link VectorInput} into a `Float64Array`.
 * @param input an array-like of numbers, or a shaped object of rank 1 (or `[N, 1]`)
 * @param where the op and argument name used in error messages
 * @returns a new `Float64Array [N]`
 * @throws ShapeError when a shaped input is not a vector
 * @throws ValueError when an entry is NaN
 * @example
 * toVector([1, 2, 3], { op: 'accuracy', arg: 't' }); // Float64Array [1, 2, 3]
 */
export function toVector(input: VectorInput, where: ReadWhere): Float64Array {
  where = checkWhere(where);
  checkArrayLike(input, where, 'a vector');
  const pkg = where.pkg ?? 'data';
  let out: Float64Array;
  if (isShaped(input)) {
    const s = input.shape;
    const ok = s.length === 1 || (s.length === 2 && s[1] === 1);
    if (!ok) {
      throw new ShapeError('expected a vector', { pkg, op: where.op, arg: where.arg, expected: '[N] or [N, 1]', received: `shape [${s.join(', ')}]` });
    }
    checkTypes(input.data, where, (i) => `.data[${i}]`);
    out = Float64Array.from(input.data);
  } else {
    checkTypes(input as ArrayLike<unknown>, where, (i) => `[${i}]`);
    out = Float64Array.from(input as ArrayLike<number>);
  }
  checkEntries(out, where, (i) => `[${i}]`);
  return out;
}

/** Checks a {@link Matrix} argument: `{ data, shape: [rows, cols] }` with data of rows·cols entries. */
function checkMatrix(m: unknown, op: string): void {
  const o = requireObject<{ data?: unknown; shape?: unknown }>(m, { pkg: 'data', op, arg: 'm' });
  const s = o.shape;
  const d = o.data as { length?: unknown } | null | undefined;
  const ok = Array.isArray(s) && s.length === 2 && s.every((x) => typeof x === 'number' && Number.isInteger(x) && x >= 0) && d !== null && d !== undefined && ArrayBuffer.isView(d) && d.length === (s[0] as number) * (s[1] as number);
  if (!ok) throw new ShapeError('expected a matrix { data, shape: [rows, cols] }', { pkg: 'data', op, arg: 'm', expected: '{ data: Float64Array, shape: [rows, cols] }', received: describeType(m) });
}

/**
 * Row `i` of a matrix, as a view (no copy).
 * @param m the matrix `[rows, cols]`
 * @param i the row index
 * @returns `Float64Array [cols]` sharing memory with `m.data`
 * @example
 * matrixRow({ data: new Float64Array([1, 2, 3, 4]), shape: [2, 2] }, 1); // [3, 4]
 */
export function matrixRow(m: Matrix, i: number): Float64Array {
  checkMatrix(m, 'matrixRow');
  requireInteger(i, { pkg: 'data', op: 'matrixRow', arg: 'i' }, { min: 0, max: m.shape[0] - 1 });
  const c = m.shape[1];
  return m.data.subarray(i * c, (i + 1) * c);
}

/**
 * The rows of `m` at `indices`, in that order, as a new matrix.
 * @param m the matrix `[rows, cols]`
 * @param indices row indices
 * @returns `Matrix [indices.length, cols]`
 * @example
 * takeRows({ data: new Float64Array([1, 2, 3]), shape: [3, 1] }, [2, 0]).data; // [3, 1]
 */
export function takeRows(m: Matrix, indices: ArrayLike<number>): Matrix {
  checkMatrix(m, 'takeRows');
  const idx = toVector(indices, { op: 'takeRows', arg: 'indices' });
  idx.forEach((v, k) => requireInteger(v, { pkg: 'data', op: 'takeRows', arg: `indices[${k}]` }, { min: 0, max: m.shape[0] - 1 }));
  const c = m.shape[1];
  const out = new Float64Array(indices.length * c);
  for (let k = 0; k < indices.length; k++) {
    const i = indices[k] as number;
    out.set(m.data.subarray(i * c, (i + 1) * c), k * c);
  }
  return { data: out, shape: [indices.length, c] };
}
