import { cast, gather, ShapeError, Tensor, tensor, ValueError } from '@gradlab/core-tensor';
import type { Dataset } from '@gradlab/data';
import type { FloatDType } from '../init.ts';

/** Inputs and targets as tensors: `x: [N, ...]`, `y: [N, ...]`. */
export interface TensorData {
  readonly x: Tensor;
  readonly y: Tensor;
}

/** What {@link fit} trains on: a @gradlab/data `Dataset` or tensors. */
export type TrainingData = Dataset | TensorData;

/** Samples of a training set as tensors, with row selection for mini-batches. */
export interface Samples {
  readonly n: number;
  readonly x: Tensor;
  readonly y: Tensor;
  rows(indices: readonly number[]): { x: Tensor; y: Tensor };
}

const isTensorData = (d: unknown): d is TensorData => typeof d === 'object' && d !== null && (d as TensorData).x instanceof Tensor && (d as TensorData).y instanceof Tensor;

/**
 * Turns a Dataset (or `{ x, y }` tensors) into tensors of the model's dtype. Targets stay
 * float64 (class indices are exact integers in it) unless the input was already a tensor.
 * @throws ValueError / ShapeError for anything else, or x and y of different lengths
 */
export function toSamples(op: string, arg: string, data: TrainingData, dtype: FloatDType, inputKind: 'features' | 'indices'): Samples {
  let x: Tensor;
  let y: Tensor;
  if (isTensorData(data)) {
    x = data.x.dtype === 'int32' || data.x.dtype === dtype ? data.x : cast(data.x, dtype);
    y = data.y;
  } else if (typeof data === 'object' && data !== null && typeof data.x === 'object' && data.t instanceof Float64Array) {
    const d = data;
    x = tensor(d.x.data, { shape: [...d.x.shape], dtype: inputKind === 'indices' ? 'int32' : dtype });
    y = tensor(d.t, { dtype: 'float64' });
  } else {
    throw new ValueError('expected a Dataset or { x, y } tensors', { pkg: 'models-nn', op, arg, expected: 'a Dataset from @gradlab/data, or { x: Tensor, y: Tensor }', received: data === null ? 'null' : typeof data });
  }
  const n = x.shape[0] ?? 0;
  if (x.rank < 1 || n < 1) throw new ValueError('no samples', { pkg: 'models-nn', op, arg: `${arg}.x`, expected: 'at least one sample', received: [...x.shape] });
  if (y.shape[0] !== n) {
    throw new ShapeError('x and y must have the same number of samples', { pkg: 'models-nn', op, arg: `${arg}.y`, expected: `${n} rows`, received: [...y.shape] });
  }
  const badX = firstNonFinite(x.data);
  if (badX !== undefined) throw new ValueError('inputs must be finite', { pkg: 'models-nn', op, arg: `${arg}.x`, expected: 'finite numbers', received: badX });
  const badY = firstNonFinite(y.data);
  if (badY !== undefined) throw new ValueError('targets must be finite', { pkg: 'models-nn', op, arg: `${arg}.y`, expected: 'finite numbers', received: badY });
  return {
    n,
    x,
    y,
    rows(indices) {
      return { x: gather(x, [...indices], 0), y: gather(y, [...indices], 0) };
    },
  };
}

/** The first NaN or infinity in `values`, if any (an indexed loop: `fit` checks every call). */
function firstNonFinite(values: ArrayLike<number>): number | undefined {
  for (let k = 0; k < values.length; k++) {
    const v = values[k] as number;
    // v - v is 0 for every finite number, NaN for NaN and ±Infinity.
    if (v - v !== 0) return v;
  }
  return undefined;
}
