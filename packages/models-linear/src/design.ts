import { ShapeError, ValueError } from '@gradlab/core-tensor';

/**
 * A dense row-major float64 matrix `[rows, cols]`, the same shape of object as `Matrix` of
 * `@gradlab/data` (and a rank-2 float64 core-tensor `Tensor`), so either can be passed in.
 */
export interface Matrix {
  /** Entry (i, j) is `data[i * cols + j]`. */
  readonly data: Float64Array;
  /** `[rows, cols]`. */
  readonly shape: readonly [number, number];
}

/** What the models accept as inputs `x`: rows, a flat `[N]` vector (one feature), or a shaped object. */
export type MatrixInput =
  | readonly (readonly number[])[]
  | readonly number[]
  | Float64Array
  | { readonly data: ArrayLike<number>; readonly shape: readonly number[] };

/** What the models accept as targets `t [N]`. */
export type VectorInput = ArrayLike<number> | { readonly data: ArrayLike<number>; readonly shape: readonly number[] };

function isShaped(v: unknown): v is { data: ArrayLike<number>; shape: readonly number[] } {
  return typeof v === 'object' && v !== null && 'data' in v && 'shape' in v;
}

/**
 * Reads inputs into a {@link Matrix}, rejecting ragged rows and NaN or infinite entries.
 * @param input rows `number[][]`, a flat `[N]` vector (one feature per sample), or `{ data, shape }`
 * @param op the model method, for messages (e.g. `LinearRegression.fit`)
 * @param arg the argument name, for messages
 * @returns a new matrix `[N, D]` (data copied)
 * @throws ShapeError when rows differ in length or the rank is not 1 or 2
 * @throws ValueError when an entry is NaN or infinite
 * @example
 * readMatrix([[1, 2], [3, 4]], 'LinearRegression.fit', 'x').shape; // [2, 2]
 */
export function readMatrix(input: MatrixInput, op: string, arg = 'x'): Matrix {
  let rows: number;
  let cols: number;
  let data: Float64Array;
  if (isShaped(input)) {
    const s = input.shape;
    if (s.length !== 1 && s.length !== 2) {
      throw new ShapeError('expected a matrix', { pkg: 'models-linear', op, arg, expected: '[N, D] or [N]', received: `shape [${s.join(', ')}]` });
    }
    rows = s[0] as number;
    cols = s.length === 2 ? (s[1] as number) : 1;
    if (input.data.length !== rows * cols) {
      throw new ShapeError('data length does not match shape', { pkg: 'models-linear', op, arg, expected: rows * cols, received: input.data.length });
    }
    data = Float64Array.from(input.data);
  } else if ((input as ArrayLike<unknown>).length > 0 && Array.isArray((input as ArrayLike<unknown>)[0])) {
    const r = input as readonly (readonly number[])[];
    rows = r.length;
    cols = r[0]?.length ?? 0;
    data = new Float64Array(rows * cols);
    for (let i = 0; i < rows; i++) {
      const row = r[i];
      if (!Array.isArray(row) || row.length !== cols) {
        throw new ShapeError('rows must all have the same length', { pkg: 'models-linear', op, arg: `${arg}[${i}]`, expected: `${cols} entries`, received: Array.isArray(row) ? `${row.length} entries` : typeof row });
      }
      for (let j = 0; j < cols; j++) data[i * cols + j] = row[j] as number;
    }
  } else {
    data = Float64Array.from(input as ArrayLike<number>);
    rows = data.length;
    cols = 1;
  }
  for (let i = 0; i < data.length; i++) {
    if (!Number.isFinite(data[i])) {
      const c = Math.max(cols, 1);
      throw new ValueError('features must be finite numbers', {
        pkg: 'models-linear',
        op,
        arg: `${arg} (row ${Math.floor(i / c)}, column ${i % c})`,
        expected: 'a finite number',
        received: data[i],
        hint: 'drop or impute the rows with missing values before fitting',
      });
    }
  }
  return { data, shape: [rows, cols] };
}

/**
 * Reads targets into a `Float64Array`, rejecting NaN and infinite values.
 * @param input `[N]` values, or a shaped `[N]` / `[N, 1]` object
 * @param op the model method, for messages
 * @param arg the argument name, for messages
 * @returns a new `Float64Array [N]`
 * @throws ShapeError when a shaped input is not a vector
 * @throws ValueError when a value is not finite
 * @example
 * readVector([0, 1, 1], 'Perceptron.fit', 't'); // Float64Array [0, 1, 1]
 */
export function readVector(input: VectorInput, op: string, arg = 't'): Float64Array {
  let out: Float64Array;
  if (isShaped(input)) {
    const s = input.shape;
    if (!(s.length === 1 || (s.length === 2 && s[1] === 1))) {
      throw new ShapeError('expected a vector', { pkg: 'models-linear', op, arg, expected: '[N] or [N, 1]', received: `shape [${s.join(', ')}]` });
    }
    out = Float64Array.from(input.data);
  } else {
    out = Float64Array.from(input as ArrayLike<number>);
  }
  for (let i = 0; i < out.length; i++) {
    if (!Number.isFinite(out[i])) {
      throw new ValueError('targets must be finite numbers', { pkg: 'models-linear', op, arg: `${arg}[${i}]`, expected: 'a finite number', received: out[i] });
    }
  }
  return out;
}

/**
 * Reads a training pair and checks that `x` and `t` have the same number of samples.
 * @param x inputs `[N, D]`
 * @param t targets `[N]`
 * @param op the model method, for messages
 * @returns the matrix and the target vector
 * @throws ShapeError when the sample counts differ
 * @throws ValueError when the data set is empty or holds NaN
 * @example
 * readTrainingSet([[0], [1]], [0, 1], 'LinearRegression.fit').x.shape; // [2, 1]
 */
export function readTrainingSet(x: MatrixInput, t: VectorInput, op: string): { x: Matrix; t: Float64Array } {
  const xm = readMatrix(x, op, 'x');
  const tv = readVector(t, op, 't');
  if (xm.shape[0] === 0) {
    throw new ValueError('the training set is empty', { pkg: 'models-linear', op, arg: 'x', expected: 'at least one sample', received: '0 samples' });
  }
  if (tv.length !== xm.shape[0]) {
    throw new ShapeError('x and t must have the same number of samples', { pkg: 'models-linear', op, arg: 't', expected: `${xm.shape[0]} targets (x is [${xm.shape[0]}, ${xm.shape[1]}])`, received: `${tv.length} targets` });
  }
  return { x: xm, t: tv };
}

/**
 * Throws unless the model has been fitted, and that `x` has the number of features it was fitted on.
 * @param fitted the number of features seen in `fit`, or undefined before `fit`
 * @param x the matrix passed to a predict method
 * @param op the model method, for messages
 * @throws ValueError when the model is not fitted
 * @throws ShapeError when the feature count differs from the one seen in `fit`
 * @example
 * checkFeatures(2, { data: new Float64Array(4), shape: [2, 2] }, 'LinearRegression.predict');
 */
export function checkFeatures(fitted: number | undefined, x: Matrix, op: string): void {
  if (fitted === undefined) {
    throw new ValueError('the model is not fitted yet', { pkg: 'models-linear', op, expected: 'a call to fit(x, t) first', received: 'an unfitted model', hint: 'call fit(x, t) before predict' });
  }
  if (x.shape[1] !== fitted) {
    throw new ShapeError('x has a different number of features than the training data', { pkg: 'models-linear', op, arg: 'x', expected: `${fitted} columns`, received: `${x.shape[1]} columns` });
  }
}
