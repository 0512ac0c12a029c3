/**
 * Reductions over axes. `sum`, `max` and `min` are primitives (kernels plus gradient rules);
 * `mean`, `variance` and `logSumExp` are composed from them and need no rule of their own.
 */
import type { ReduceOp } from '../backend/backend.ts';
import { getBackend } from '../backend/registry.ts';
import { isFloat } from '../dtype.ts';
import { ShapeError, ValueError } from '../errors.ts';
import { requireBoolean, requireFinite } from '../validate/require-number.ts';
import { requireOptions } from '../validate/require-options.ts';
import { normAxes, normAxis } from '../shape.ts';
import { record } from '../autodiff/tape.ts';
import { stopGradient } from '../autodiff/stop-gradient.ts';
import type { Tensor } from '../tensor.ts';
import type { TensorLike } from './util.ts';
import { fromBuffer, toTensor, view } from './util.ts';
import { broadcastTo, flatten, reshape } from './movement.ts';
import { cast } from './cast.ts';
import { add, div, mul, sub } from './binary.ts';
import { abs, exp, log, square } from './unary.ts';
import { equal } from './compare.ts';
import { where } from './where.ts';

/** Options of the reductions. */
export interface ReduceOptions {
  /** Keep reduced axes as size-1 dims (default false), so the result broadcasts against the input. */
  keepDims?: boolean;
}

/** Options of {@link variance}. */
export interface VarianceOptions extends ReduceOptions {
  /** Subtracted from the count in the denominator: 0 (default) population variance, 1 unbiased (PyTorch's default). */
  correction?: number;
}

type Axis = number | readonly number[] | undefined;

function keptShape(shape: readonly number[], axes: readonly number[]): number[] {
  return shape.map((d, i) => (axes.includes(i) ? 1 : d));
}

/** Checks the options object of a reduction (keepDims, plus `extra` keys). */
function reduceOptions<T extends ReduceOptions>(op: string, options: T | undefined, extra: readonly string[] = []): Partial<T> {
  const o = requireOptions(options, { op }, ['keepDims', ...extra]);
  if (o.keepDims !== undefined) requireBoolean(o.keepDims, { op, arg: 'options.keepDims' });
  return o;
}

function reduceOp(op: ReduceOp, x: TensorLike, axis: Axis, options: ReduceOptions | undefined): Tensor {
  reduceOptions(op, options);
  let t = toTensor(op, 'x', x);
  if (t.dtype === 'bool') t = cast(t, 'int32');
  const axes = normAxes(op, axis, t.rank);
  if (op !== 'sum') {
    for (const a of axes) {
      if (t.shape[a] === 0) throw new ShapeError(`cannot take the ${op} over an empty axis`, { op, arg: 'axis', received: a });
    }
  }
  const data = getBackend().reduce(op, view(t), axes);
  const keep = keptShape(t.shape, axes);
  const outShape = options?.keepDims === true ? keep : t.shape.filter((_, i) => !axes.includes(i));
  const out = fromBuffer(data, outShape, t.dtype);
  const src = t;
  return record(out, op, [t], (g) => {
    const gb = broadcastTo(reshape(g, keep), src.shape);
    if (op === 'sum') return [gb];
    // max/min: the gradient goes to the arg-extremes, split evenly among ties (as torch.amax).
    const mask = cast(equal(src, broadcastTo(reshape(out, keep), src.shape)), g.dtype);
    const count = broadcastTo(sum(mask, axes, { keepDims: true }), src.shape);
    return [div(mul(gb, mask), count)];
  });
}

/**
 * Sum over `axis` (all axes when omitted); bool sums count as int32.
 * @param x any shape
 * @param axis an axis or a list (negative counts from the end)
 * @returns x's shape without the reduced axes (kept as 1 with keepDims)
 * @throws ShapeError for an axis out of range
 * @example
 * sum(tensor([[1, 2], [3, 4]]), 0).toArray(); // [4, 6]
 */
export function sum(x: TensorLike, axis?: Axis, options?: ReduceOptions): Tensor { return reduceOp('sum', x, axis, options); }
/**
 * Maximum over `axis` (the gradient is split among ties).
 * @param x any shape
 * @param axis an axis or a list of axes (default all)
 * @param options keepDims
 * @returns the reduced tensor
 * @throws ShapeError on empty axes
 * @example
 * max(tensor([1, 5, 2])).item(); // 5
 */
export function max(x: TensorLike, axis?: Axis, options?: ReduceOptions): Tensor { return reduceOp('max', x, axis, options); }
/**
 * Minimum over `axis` (the gradient is split among ties).
 * @param x any shape
 * @param axis an axis or a list of axes (default all)
 * @param options keepDims
 * @returns the reduced tensor
 * @throws ShapeError on empty axes
 * @example
 * min(tensor([1, 5, 2])).item(); // 1
 */
export function min(x: TensorLike, axis?: Axis, options?: ReduceOptions): Tensor { return reduceOp('min', x, axis, options); }

function countOf(t: Tensor, axes: readonly number[]): number {
  let n = 1;
  for (const a of axes) n *= t.shape[a] as number;
  return n;
}

function floatInput(op: string, x: TensorLike): Tensor {
  const t = toTensor(op, 'x', x);
  return isFloat(t.dtype) ? t : cast(t, 'float64');
}

/**
 * Arithmetic mean over `axis` (integers are averaged in float64). As PyTorch, the mean over an
 * empty axis is NaN (0/0), while the sum over an empty axis is 0.
 * @param x any shape
 * @param axis an axis or a list (default all)
 * @param options keepDims
 * @returns the means
 * @example
 * mean(tensor([[1, 2], [3, 4]]), 1).toArray(); // [1.5, 3.5]
 */
export function mean(x: TensorLike, axis?: Axis, options?: ReduceOptions): Tensor {
  reduceOptions('mean', options);
  const t = floatInput('mean', x);
  const axes = normAxes('mean', axis, t.rank);
  return div(sum(t, axes, options), countOf(t, axes));
}

/**
 * Variance Σ(x − mean)² / (n − correction) over `axis`; correction 0 (default) is the population
 * variance (NumPy, JAX), 1 the unbiased estimate (PyTorch's default).
 * @param x any shape
 * @param axis an axis or a list (default all)
 * @param options keepDims, correction
 * @returns the variances
 * @throws ShapeError for an axis out of range; ValueError for a negative or non-finite correction,
 *   or one that leaves no degrees of freedom (count − correction ≤ 0 on a non-empty axis)
 * @example
 * variance(tensor([1, 2, 3, 4])).item(); // 1.25
 */
export function variance(x: TensorLike, axis?: Axis, options?: VarianceOptions): Tensor {
  const o = reduceOptions('variance', options, ['correction']);
  const correction = requireFinite(o.correction ?? 0, { op: 'variance', arg: 'options.correction' }, { min: 0 });
  const t = floatInput('variance', x);
  const axes = normAxes('variance', axis, t.rank);
  const count = countOf(t, axes);
  if (count > 0 && count - correction <= 0) {
    throw new ValueError('not enough values for this correction: the denominator count − correction must be positive', {
      op: 'variance',
      arg: 'options.correction',
      expected: `less than the ${count} values reduced over`,
      received: correction,
    });
  }
  const m = mean(t, axes, { keepDims: true });
  const ss = sum(square(sub(t, m)), axes, { keepDims: options?.keepDims === true });
  return div(ss, count - correction);
}

/**
 * log Σ exp(x) over `axis`, computed stably as m + log Σ exp(x − m) with m the max (held
 * constant for the gradient, which is softmax(x)).
 * @param x float tensor
 * @param axis an axis or a list (default all)
 * @param options keepDims
 * @returns log Σ exp(x) over the axes
 * @throws DTypeError for non-float input
 * @example
 * logSumExp(tensor([1000, 1000])).item(); // 1000.6931471805599
 */
export function logSumExp(x: TensorLike, axis?: Axis, options?: ReduceOptions): Tensor {
  reduceOptions('logSumExp', options);
  const t = floatInput('logSumExp', x);
  const axes = normAxes('logSumExp', axis, t.rank);
  const mRaw = stopGradient(max(t, axes, { keepDims: true }));
  // A slice whose max is ±∞ would give ∞ − ∞ = NaN when shifted by it, so shift by 0 there:
  // all −∞ gives log 0 = −∞, any +∞ gives log ∞ = ∞ (the true limits).
  const m = where(equal(abs(mRaw), Infinity), 0, mRaw);
  const lse = add(log(sum(exp(sub(t, m)), axes, { keepDims: true })), m);
  return options?.keepDims === true ? lse : reshape(lse, t.shape.filter((_, i) => !axes.includes(i)));
}

function argOp(op: 'argmax' | 'argmin', x: TensorLike, axis: number | undefined, options: ReduceOptions | undefined): Tensor {
  reduceOptions(op, options);
  let t = toTensor(op, 'x', x);
  if (axis === undefined) t = flatten(t);
  const a = normAxis(op, axis ?? 0, t.rank);
  if (t.shape[a] === 0) throw new ShapeError(`cannot take the ${op} over an empty axis`, { op, arg: 'axis', received: a });
  const data = getBackend().argReduce(op, view(t), a);
  const shape = options?.keepDims === true && axis !== undefined ? t.shape.map((d, i) => (i === a ? 1 : d)) : t.shape.filter((_, i) => i !== a);
  return fromBuffer(data, shape, 'int32');
}

/**
 * Index of the maximum along `axis` (of the flattened tensor when omitted), int32, first on ties.
 * Not differentiable.
 * @param x any shape
 * @param axis the axis (default: over the flattened tensor)
 * @param options keepDims
 * @returns int32 indices
 * @example
 * argmax(tensor([[1, 9], [7, 2]]), 1).toArray(); // [1, 0]
 */
export function argmax(x: TensorLike, axis?: number, options?: ReduceOptions): Tensor { return argOp('argmax', x, axis, options); }
/**
 * Index of the minimum along `axis` (flattened when omitted), int32.
 * @param x any shape
 * @param axis an axis or a list of axes (default all)
 * @param options keepDims
 * @returns the reduced tensor
 * @throws ShapeError when the shapes do not broadcast
 * @example
 * argmin(tensor([3, 1, 2])).item(); // 1
 */
export function argmin(x: TensorLike, axis?: number, options?: ReduceOptions): Tensor { return argOp('argmin', x, axis, options); }
