import { checkDataset } from './check-input.ts';
import { requireOptions, ShapeError, ValueError } from '@gradlab/core-tensor';
import { takeRows, toMatrix, toVector } from './matrix.ts';
import type { Matrix, MatrixInput, VectorInput } from './matrix.ts';

/**
 * A supervised data set D = {(x_n, t_n)}, n = 1..N: inputs `x [N, D]` and targets `t [N]`.
 * For classification, `t` holds class indices 0..C-1 and `classNames` names them.
 */
export interface Dataset {
  /** Inputs, `[N, D]`. */
  readonly x: Matrix;
  /** Targets, `[N]`: real values for regression, class indices for classification. */
  readonly t: Float64Array;
  /** One name per input column (`D` names). */
  readonly featureNames: readonly string[];
  /** The name of the target. */
  readonly targetName: string;
  /** Class names, index k naming class k; present when `t` holds class indices. */
  readonly classNames?: readonly string[];
  /** A short name of the data set, e.g. `iris`. */
  readonly name?: string;
}

/** Options of {@link dataset}. */
export interface DatasetOptions {
  /** Names of the input columns; defaults to `x0, x1, ...`. */
  featureNames?: readonly string[];
  /** Name of the target; defaults to `t`. */
  targetName?: string;
  /** Class names, when `t` holds class indices 0..C-1. */
  classNames?: readonly string[];
  /** A short name of the data set. */
  name?: string;
}

/**
 * Makes a {@link Dataset} from inputs and targets, checking that they fit together.
 * @param x inputs: rows `number[][]`, a flat `[N]` vector (one feature), or a shaped `[N, D]` object
 *   such as a core-tensor `Tensor`
 * @param t targets `[N]`
 * @param options names of the features, target and classes
 * @returns the data set (data copied into `Float64Array`s)
 * @throws ValueError when the data set is empty, or a class index is out of range
 * @throws ShapeError when `x` and `t` have different lengths
 * @example
 * const d = dataset([0, 1, 2, 3], [0, 1, 2, 2]); // the notes' D = {(0,0), (1,1), (2,2), (3,2)}
 * d.x.shape; // [4, 1]
 */
export function dataset(x: MatrixInput, t: VectorInput, options: DatasetOptions = {}): Dataset {
  options = requireOptions(options, { pkg: 'data', op: 'dataset' }, ['featureNames', 'targetName', 'classNames', 'name']);
  const xm = toMatrix(x, { op: 'dataset', arg: 'x' });
  const tv = toVector(t, { op: 'dataset', arg: 't' });
  const [n, d] = xm.shape;
  if (n === 0) {
    throw new ValueError('the data set is empty', { pkg: 'data', op: 'dataset', arg: 'x', expected: 'at least one sample', received: '0 samples' });
  }
  if (tv.length !== n) {
    throw new ShapeError('x and t must have the same number of samples', { pkg: 'data', op: 'dataset', arg: 't', expected: `${n} targets (x is [${n}, ${d}])`, received: `${tv.length} targets` });
  }
  const featureNames = options.featureNames ?? Array.from({ length: d }, (_, j) => `x${j}`);
  if (featureNames.length !== d) {
    throw new ShapeError('one feature name per column', { pkg: 'data', op: 'dataset', arg: 'options.featureNames', expected: `${d} names`, received: `${featureNames.length} names` });
  }
  if (options.classNames !== undefined) {
    const c = options.classNames.length;
    for (let i = 0; i < n; i++) {
      const v = tv[i] as number;
      if (!Number.isInteger(v) || v < 0 || v >= c) {
        throw new ValueError('class targets must be indices into classNames', { pkg: 'data', op: 'dataset', arg: `t[${i}]`, expected: `an integer in [0, ${c - 1}]`, received: v });
      }
    }
  }
  return {
    x: xm,
    t: tv,
    featureNames: [...featureNames],
    targetName: options.targetName ?? 't',
    ...(options.classNames !== undefined ? { classNames: [...options.classNames] } : {}),
    ...(options.name !== undefined ? { name: options.name } : {}),
  };
}

/**
 * The samples of `data` at `indices`, in that order: D restricted to a split or a fold.
 * @param data the data set `[N, D]`
 * @param indices sample indices in [0, N)
 * @returns a new data set `[indices.length, D]` with the same names
 * @throws ValueError when an index is out of range
 * @example
 * subset(dataset([0, 1, 2, 3], [0, 1, 2, 2]), [2, 3]).t; // [2, 2]
 */
export function subset(data: Dataset, indices: ArrayLike<number>): Dataset {
  checkDataset(data, 'subset');
  toVector(indices, { op: 'subset', arg: 'indices' });
  const n = data.t.length;
  const t = new Float64Array(indices.length);
  for (let k = 0; k < indices.length; k++) {
    const i = indices[k] as number;
    if (!Number.isInteger(i) || i < 0 || i >= n) {
      throw new ValueError('index out of range', { pkg: 'data', op: 'subset', arg: `indices[${k}]`, expected: `an integer in [0, ${n - 1}]`, received: i });
    }
    t[k] = data.t[i] as number;
  }
  return { ...data, x: takeRows(data.x, indices), t };
}
