/**
 * Reading tensors into the float64 row-major matrices the linear-algebra kernels work on, with the
 * checks every public linear-algebra function shares: a Tensor, a numeric dtype, rank 2 (square
 * where needed), finite entries, a right-hand side whose rows match.
 */
import type { DType } from '../dtype.ts';
import { DTypeError, ShapeError, ValueError } from '../errors.ts';
import { fmtShape } from '../shape.ts';
import { Tensor } from '../tensor.ts';
import { fromBuffer } from '../ops/util.ts';
import { cast } from '../ops/cast.ts';

/** A matrix read from a tensor: float64 row-major data (never to be written) and its dims. */
export interface MatrixInput {
  readonly data: Float64Array;
  readonly rows: number;
  readonly cols: number;
}

/** A right-hand side: `[m]` is read as one column (`vector` true) and `[m, k]` as k columns. */
export interface RhsInput {
  readonly data: Float64Array;
  readonly cols: number;
  readonly vector: boolean;
}

function checkTensor(op: string, arg: string, x: unknown): Tensor {
  if (!(x instanceof Tensor)) {
    throw new ValueError('expected a Tensor', { op, arg, expected: 'Tensor', received: x === null ? 'null' : typeof x, hint: 'wrap JS arrays with tensor(...)' });
  }
  if (x.dtype === 'bool') {
    throw new DTypeError('linear algebra needs numbers, not bool', { op, arg, expected: 'float64 | float32 | int32', received: x.dtype, hint: `cast first: ${arg}.astype('float64')` });
  }
  return x;
}

/** The elements of a numeric tensor as float64 (shared storage when already float64: read only). */
function toFloat64(op: string, arg: string, t: Tensor): Float64Array {
  const src = t.data;
  const data = src instanceof Float64Array ? src : Float64Array.from(src);
  for (let i = 0; i < data.length; i++) {
    if (!Number.isFinite(data[i])) {
      const cols = t.rank >= 2 ? (t.shape[t.rank - 1] as number) : 0;
      const where = t.rank === 2 ? `[${Math.floor(i / cols)}, ${i % cols}]` : `[${i}]`;
      throw new ValueError(`${arg} has a non-finite entry ${data[i]} at ${where}`, {
        op,
        arg,
        expected: 'finite entries',
        received: `${data[i]} at ${where}`,
        hint: 'NaN usually comes from an earlier division by zero or log of a non-positive number',
      });
    }
  }
  return data;
}

/**
 * Reads the matrix argument `arg` of `op`.
 * @throws ValueError when it is not a Tensor or has a NaN/±Infinity entry; DTypeError for bool;
 *   ShapeError when it is not 2-D, or not square when `square` is set
 */
export function readMatrix(op: string, arg: string, x: unknown, square: boolean, hint?: string): MatrixInput {
  const t = checkTensor(op, arg, x);
  if (t.rank !== 2) {
    throw new ShapeError(`${arg} must be a matrix, got shape ${fmtShape(t.shape)}`, {
      op,
      arg,
      expected: square ? 'shape [n, n]' : 'shape [m, n]',
      received: fmtShape(t.shape),
      hint: t.rank === 1 ? `a vector of length ${t.size} is a matrix of shape [1, ${t.size}] or [${t.size}, 1] after reshape` : 'batched (rank > 2) input is not supported: loop over the batch',
    });
  }
  const [rows, cols] = t.shape as [number, number];
  if (square && rows !== cols) {
    const details = { op, arg, expected: 'a square matrix [n, n]', received: fmtShape(t.shape) };
    throw new ShapeError(`${arg} must be square, got shape ${fmtShape(t.shape)}`, hint === undefined ? details : { ...details, hint });
  }
  return { data: toFloat64(op, arg, t), rows, cols };
}

/**
 * Reads the right-hand side `b` of `op`, which must have `rows` rows: shape `[rows]` or `[rows, k]`.
 * @throws ShapeError when its rank is not 1 or 2 or its rows differ from the matrix's
 */
export function readRhs(op: string, x: unknown, rows: number, aShape: readonly number[]): RhsInput {
  const t = checkTensor(op, 'b', x);
  if (t.rank !== 1 && t.rank !== 2) {
    throw new ShapeError(`b must be a vector [${rows}] or a matrix [${rows}, k], got shape ${fmtShape(t.shape)}`, {
      op,
      arg: 'b',
      expected: `[${rows}] or [${rows}, k]`,
      received: fmtShape(t.shape),
    });
  }
  if (t.shape[0] !== rows) {
    const details = { op, arg: 'b', expected: `b.shape[0] = ${rows}`, received: t.shape[0] };
    throw new ShapeError(
      `b must have as many rows as a: a is ${fmtShape(aShape)}, b is ${fmtShape(t.shape)}`,
      t.rank === 2 && t.shape[1] === rows ? { ...details, hint: 'transpose b?' } : details,
    );
  }
  return { data: toFloat64(op, 'b', t), cols: t.rank === 1 ? 1 : (t.shape[1] as number), vector: t.rank === 1 };
}

/**
 * Checks that a square matrix is symmetric within √ε(dtype)·max|a| (the kernels then read only
 * its lower triangle).
 * @throws ValueError naming the most asymmetric pair of entries
 */
export function checkSymmetric(op: string, m: MatrixInput, dtype: DType): void {
  const { data, rows: n } = m;
  let scale = 0;
  for (let i = 0; i < data.length; i++) scale = Math.max(scale, Math.abs(data[i]!));
  const tol = Math.sqrt(dtype === 'float32' ? 2 ** -23 : 2 ** -52) * scale;
  let worst = 0;
  let wi = 0;
  let wj = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      const d = Math.abs(data[i * n + j]! - data[j * n + i]!);
      if (d > worst) {
        worst = d;
        wi = i;
        wj = j;
      }
    }
  }
  if (worst > tol) {
    throw new ValueError('matrix is not symmetric', {
      op,
      arg: 'a',
      expected: `|a[i][j] − a[j][i]| ≤ ${tol}`,
      received: `a[${wi}][${wj}] = ${data[wi * n + wj]}, a[${wj}][${wi}] = ${data[wj * n + wi]}`,
      hint: 'symmetrize with a.add(a.transpose()).div(2)',
    });
  }
}

/** A float64 tensor over a fresh buffer. */
export function float64Tensor(data: Float64Array, shape: readonly number[]): Tensor {
  return fromBuffer(data, shape, 'float64');
}

/** A gradient in the dtype of the input it belongs to (float32 inputs get float32 gradients). */
export function gradFor(g: Tensor, input: Tensor): Tensor {
  return input.dtype === 'float32' ? cast(g, 'float32') : g;
}
