import { ShapeError, ValueError } from '@gradlab/core-tensor';
import { toMatrix, toVector } from '@gradlab/data';
import type { Matrix, MatrixInput, VectorInput } from '@gradlab/data';

export type { Matrix, MatrixInput, VectorInput };

/**
 * Reads inputs into a {@link Matrix}, rejecting ragged rows and NaN or infinite entries: data's
 * `toMatrix` with this package's name and the stricter finiteness check.
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
  return toMatrix(input, { pkg: 'models-linear', op, arg, finite: true, noun: 'features', hint: 'drop or impute the rows with missing values before fitting' });
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
  return toVector(input, { pkg: 'models-linear', op, arg, finite: true, noun: 'targets' });
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
