/** Creating tensors: from JS data, constant fills, ranges, identity, and seeded random draws. */
import type { DType } from './dtype.ts';
import { allocate, dtypeOfArray, isDType } from './dtype.ts';
import { DTypeError, ShapeError, ValueError } from './errors.ts';
import { checkShape, fmtShape, sizeOf } from './shape.ts';
import type { Rng } from './random.ts';
import type { Tensor } from './tensor.ts';
import { fromBuffer } from './ops/util.ts';
import { getBackend } from './backend/registry.ts';
import { storage } from './memory/scope.ts';
import { checkValuesFor } from './check-values.ts';
import { describeType } from './validate/arg-ref.ts';
import { checkElementCount, MAX_RANK } from './validate/element-cap.ts';
import { requireBoolean, requireFinite } from './validate/require-number.ts';
import { requireObject, requireOptions } from './validate/require-options.ts';
import { requireTensor } from './validate/require-tensor.ts';

/** Nested arrays of numbers (or booleans) of any depth; a number for rank 0. */
export type TensorData = number | boolean | readonly TensorData[] | Float32Array | Float64Array | Int32Array | Uint8Array;

/** Options of the creation functions. */
export interface CreationOptions {
  /** Element type (default float64 for numbers, bool for booleans, the array's for typed arrays). */
  dtype?: DType;
}

/** Options of {@link tensor}. */
export interface TensorOptions extends CreationOptions {
  /** The shape (required to give a typed array rank ≠ 1). */
  shape?: readonly number[];
  /**
   * Accept NaN and ±Infinity in float data (default false: creation from JS values is a data-facing
   * entry point and rejects them, see the numeric policy in the README). Use it for masks such as
   * `-Infinity` logits.
   */
  allowNonFinite?: boolean;
}

function checkDType(op: string, d: unknown): DType | undefined {
  if (d === undefined) return undefined;
  if (!isDType(d)) throw new DTypeError('unknown dtype', { op, arg: 'options.dtype', expected: 'float32 | float64 | int32 | bool', received: typeof d === 'string' ? d : typeof d });
  return d;
}

function inferShape(data: TensorData): number[] {
  const shape: number[] = [];
  let cur: TensorData = data;
  while (Array.isArray(cur)) {
    if (shape.length === MAX_RANK) {
      throw new ShapeError(`nested arrays deeper than ${MAX_RANK} levels`, { op: 'tensor', arg: 'data', expected: `at most ${MAX_RANK} levels of nesting`, received: 'deeper nesting' });
    }
    shape.push(cur.length);
    if (cur.length === 0) break;
    cur = cur[0] as TensorData;
  }
  return shape;
}

function flattenNested(data: readonly TensorData[], shape: readonly number[], out: number[], depth: number, path: string): boolean {
  const n = shape[depth] as number;
  if (data.length !== n) {
    throw new ShapeError(`ragged nested array: ${path} has length ${data.length}, expected ${n}`, {
      op: 'tensor',
      arg: `data${path}`,
      expected: `length ${n} (every row the same length)`,
      received: data.length,
    });
  }
  let allBool = true;
  for (let i = 0; i < n; i++) {
    const v = data[i];
    if (depth < shape.length - 1) {
      if (!Array.isArray(v)) throw new ShapeError(`ragged nested array: ${path}[${i}] is not an array`, { op: 'tensor', arg: `data${path}[${i}]`, expected: 'an array', received: typeof v });
      allBool = flattenNested(v as readonly TensorData[], shape, out, depth + 1, `${path}[${i}]`) && allBool;
    } else if (typeof v === 'number') {
      out.push(v);
      allBool = false;
    } else if (typeof v === 'boolean') out.push(v ? 1 : 0);
    else {
      throw new (Array.isArray(v) ? ShapeError : ValueError)(Array.isArray(v) ? `ragged nested array: ${path}[${i}] is deeper than its siblings` : 'elements must be numbers or booleans', {
        op: 'tensor',
        arg: `data${path}[${i}]`,
        expected: 'a number',
        received: Array.isArray(v) ? 'an array' : describeType(v),
      });
    }
  }
  return allBool;
}

/**
 * Creates a tensor from nested arrays, a typed array (with `shape`), or a number.
 * @param data the values; nested arrays must be rectangular
 * @param options.dtype element type; options.shape the shape (required to give a typed array rank ≠ 1)
 * @returns a new tensor owning a copy of the data
 * @throws ShapeError for ragged arrays or a shape that does not match the data;
 *   ValueError for NaN/non-integer shapes or non-numeric elements; DTypeError for an unknown dtype
 * @example
 * tensor([[1, 2], [3, 4]]).shape;                              // [2, 2]
 * tensor(new Float32Array([1, 2, 3, 4]), { shape: [2, 2] }).dtype; // 'float32'
 */
export function tensor(data: TensorData, options?: TensorOptions): Tensor {
  const opts = requireOptions(options, { op: 'tensor' }, ['dtype', 'shape', 'allowNonFinite']);
  let dtype = checkDType('tensor', opts.dtype);
  const allowNonFinite = opts.allowNonFinite === undefined ? false : requireBoolean(opts.allowNonFinite, { op: 'tensor', arg: 'options.allowNonFinite' });
  let values: ArrayLike<number>;
  let shape: number[];
  const isTyped = data instanceof Float32Array || data instanceof Float64Array || data instanceof Int32Array || data instanceof Uint8Array;
  if (typeof data !== 'number' && typeof data !== 'boolean' && !Array.isArray(data) && !isTyped) {
    throw new ValueError('data must be a number, a boolean, nested arrays of them, or a typed array', {
      op: 'tensor',
      arg: 'data',
      expected: 'number | boolean | nested arrays | Float32Array | Float64Array | Int32Array | Uint8Array',
      received: describeType(data),
      hint: typeof data === 'string' ? 'parse strings first, e.g. Number(s) or parseCsv' : undefined,
    });
  }
  if (typeof data === 'number' || typeof data === 'boolean') {
    values = [typeof data === 'boolean' ? (data ? 1 : 0) : data];
    shape = [];
    dtype ??= typeof data === 'boolean' ? 'bool' : 'float64';
  } else if (Array.isArray(data)) {
    shape = inferShape(data);
    checkElementCount(sizeOf(shape), { op: 'tensor', arg: 'data' });
    const flat: number[] = [];
    const allBool = flattenNested(data, shape, flat, 0, '') && flat.length > 0;
    values = flat;
    dtype ??= allBool ? 'bool' : 'float64';
  } else {
    const arr = data;
    values = arr;
    shape = [arr.length];
    dtype ??= dtypeOfArray(arr) ?? 'float64';
  }
  if (opts.shape !== undefined) {
    const s = checkShape('tensor', opts.shape, 'options.shape');
    if (sizeOf(s) !== values.length) {
      throw new ShapeError(`shape ${fmtShape(s)} (size ${sizeOf(s)}) does not match the ${values.length} values given`, { op: 'tensor', arg: 'options.shape', expected: `a shape of size ${values.length}`, received: s });
    }
    shape = s;
  }
  checkValuesFor('tensor', 'data', values, dtype, allowNonFinite);
  const buf = storage(values.length, dtype);
  if (dtype === 'bool') for (let i = 0; i < values.length; i++) buf[i] = (values[i] as number) !== 0 ? 1 : 0;
  else buf.set(values);
  return fromBuffer(buf, shape, dtype);
}

/**
 * A rank-0 tensor.
 * @param value the number
 * @param options dtype (default float64)
 * @returns a rank-0 tensor
 * @example
 * scalar(3).item(); // 3
 */
export function scalar(value: number, options?: CreationOptions): Tensor {
  return tensor(value, options);
}

/**
 * A tensor of `shape` filled with `value`.
 * @param shape the dims
 * @param value every element
 * @param options dtype (default float64)
 * @returns a new tensor of `shape`
 * @throws ValueError for a bad shape
 * @example
 * full([2], 7).toArray(); // [7, 7]
 */
export function full(shape: readonly number[], value: number, options?: CreationOptions): Tensor {
  return filled('full', shape, value, options);
}

/** `full` under the name the user called, so a bad shape is reported against `zeros` or `ones`. */
function filled(op: string, shape: readonly number[], value: number, options?: CreationOptions): Tensor {
  const s = checkShape(op, shape);
  const opts = requireOptions(options, { op }, ['dtype']);
  const dtype = checkDType(op, opts.dtype) ?? 'float64';
  if (typeof value !== 'number' && typeof value !== 'boolean') throw new ValueError('value must be a number', { op, arg: 'value', expected: 'a number', received: describeType(value) });
  checkValuesFor(op, 'value', [Number(value)], dtype, true);
  return fromBuffer(getBackend().fill(sizeOf(s), value, dtype), s, dtype);
}

/**
 * Zeros of `shape` (float64 unless options.dtype).
 * @param shape the dims
 * @param options dtype (default float64)
 * @returns a new tensor of zeros
 * @throws ValueError for a bad shape
 * @example
 * zeros([2, 3]).size; // 6
 */
export function zeros(shape: readonly number[], options?: CreationOptions): Tensor {
  return filled('zeros', shape, 0, options);
}
/**
 * Ones of `shape`.
 * @param shape the dims
 * @param options dtype (default float64)
 * @returns a new tensor of ones
 * @throws ValueError for a bad shape
 * @example
 * ones([2]).toArray(); // [1, 1]
 */
export function ones(shape: readonly number[], options?: CreationOptions): Tensor {
  return filled('ones', shape, 1, options);
}
/**
 * Zeros with x's shape and dtype (or options.dtype).
 * @param x the tensor whose shape (and dtype) to take
 * @param options dtype override
 * @returns a new tensor of zeros
 * @example
 * zerosLike(ones([2])).toArray(); // [0, 0]
 */
export function zerosLike(x: Tensor, options?: CreationOptions): Tensor {
  requireTensor(x, { op: 'zerosLike', arg: 'x' });
  return full(x.shape, 0, { dtype: options?.dtype ?? x.dtype });
}
/**
 * Ones with x's shape and dtype (or options.dtype).
 * @param x the tensor whose shape (and dtype) to take
 * @param options dtype override
 * @returns a new tensor of ones
 * @example
 * onesLike(zeros([2])).toArray(); // [1, 1]
 */
export function onesLike(x: Tensor, options?: CreationOptions): Tensor {
  requireTensor(x, { op: 'onesLike', arg: 'x' });
  return full(x.shape, 1, { dtype: options?.dtype ?? x.dtype });
}

/**
 * The identity matrix `[n, m]` (m defaults to n).
 * @param n rows
 * @param m columns (default n)
 * @param options dtype (default float64)
 * @returns `[n, m]` with ones on the diagonal
 * @throws ValueError for negative or non-integer sizes
 * @example
 * eye(2).toArray(); // [[1, 0], [0, 1]]
 */
export function eye(n: number, m: number = n, options?: CreationOptions): Tensor {
  const s = checkShape('eye', [n, m], 'n, m');
  const dtype = checkDType('eye', options?.dtype) ?? 'float64';
  const buf = allocate(dtype, n * m);
  for (let i = 0; i < Math.min(n, m); i++) buf[i * m + i] = 1;
  return fromBuffer(buf, s, dtype);
}

/**
 * Values from `start` (inclusive) to `stop` (exclusive) by `step`; `arange(n)` is 0..n−1.
 * The dtype is int32 when all arguments are integers (as PyTorch), else float64.
 * @param start first value (the end when it is the only argument)
 * @param stop end, excluded
 * @param step spacing (default 1, may be negative)
 * @param options dtype override
 * @returns a 1-D tensor of ceil((stop − start)/step) values
 * @throws ValueError for a zero or non-finite step
 * @example
 * arange(4).toArray();        // [0, 1, 2, 3]
 * arange(0, 1, 0.25).toArray(); // [0, 0.25, 0.5, 0.75]
 */
export function arange(start: number, stop?: number, step = 1, options?: CreationOptions): Tensor {
  const [lo, hi] = stop === undefined ? [0, start] : [start, stop];
  if (!Number.isFinite(lo) || !Number.isFinite(hi) || !Number.isFinite(step) || step === 0) {
    throw new ValueError('start, stop and step must be finite and step nonzero', { op: 'arange', arg: 'step', received: [lo, hi, step] });
  }
  const dtype = checkDType('arange', options?.dtype) ?? (Number.isInteger(lo) && Number.isInteger(hi) && Number.isInteger(step) ? 'int32' : 'float64');
  const n = checkElementCount(Math.max(0, Math.ceil((hi - lo) / step)), { op: 'arange', arg: 'stop' });
  const buf = allocate(dtype, n);
  for (let i = 0; i < n; i++) buf[i] = lo + i * step;
  return fromBuffer(buf, [n], dtype);
}

/**
 * `num` evenly spaced values from `start` to `stop`, both included.
 * @param start first value
 * @param stop last value (included)
 * @param num number of values
 * @param options dtype (default float64)
 * @returns a 1-D tensor `[num]`
 * @throws ValueError for a negative or non-integer num
 * @example
 * linspace(0, 1, 5).toArray(); // [0, 0.25, 0.5, 0.75, 1]
 */
export function linspace(start: number, stop: number, num: number, options?: CreationOptions): Tensor {
  if (!Number.isInteger(num) || num < 0) throw new ValueError('num must be a non-negative integer', { op: 'linspace', arg: 'num', received: num });
  requireFinite(start, { op: 'linspace', arg: 'start' });
  requireFinite(stop, { op: 'linspace', arg: 'stop' });
  const dtype = checkDType('linspace', options?.dtype) ?? 'float64';
  const buf = allocate(dtype, num);
  const step = num > 1 ? (stop - start) / (num - 1) : 0;
  for (let i = 0; i < num; i++) buf[i] = i === num - 1 && num > 1 ? stop : start + i * step;
  return fromBuffer(buf, [num], dtype);
}

function checkRng(op: string, r: unknown): void {
  requireObject(r, { op, arg: 'rng' }, ['uniform', 'normal', 'bernoulli']);
}

function draw(op: string, shape: readonly number[], dtype: DType | undefined, next: () => number): Tensor {
  const s = checkShape(op, shape);
  const d = checkDType(op, dtype) ?? 'float64';
  const buf = allocate(d, sizeOf(s));
  for (let i = 0; i < buf.length; i++) buf[i] = next();
  return fromBuffer(buf, s, d);
}

/**
 * Uniform draws on [low, high) from a seeded generator (bit-for-bit reproducible per seed).
 * @param rng a seeded {@link Rng} (advanced by the draws)
 * @param shape the result shape
 * @returns a new tensor of `shape` (float64 unless options.dtype)
 * @throws ValueError for a bad shape or low > high
 * @example
 * randUniform(rng(0), [2, 2], { low: -1, high: 1 }).shape; // [2, 2]
 */
export function randUniform(rng: Rng, shape: readonly number[], options?: CreationOptions & { low?: number; high?: number }): Tensor {
  checkRng('randUniform', rng);
  const opts = requireOptions(options, { op: 'randUniform' }, ['dtype', 'low', 'high']);
  const low = requireFinite(opts.low ?? 0, { op: 'randUniform', arg: 'options.low' });
  const high = requireFinite(opts.high ?? 1, { op: 'randUniform', arg: 'options.high' });
  if (!(low <= high)) throw new ValueError('low must not exceed high', { op: 'randUniform', arg: 'options.low', expected: `<= ${high}`, received: low });
  return draw('randUniform', shape, options?.dtype, () => rng.uniform(low, high));
}

/**
 * Normal draws N(mean, std²) from a seeded generator.
 * @param rng a seeded Rng (advanced by the draws)
 * @param shape the result shape
 * @param options mean (default 0), std (default 1), dtype
 * @returns a new tensor of `shape`
 * @throws ValueError for a bad shape or a negative std
 * @example
 * randNormal(rng(0), [3], { std: 0.1 }).shape; // [3]
 */
export function randNormal(rng: Rng, shape: readonly number[], options?: CreationOptions & { mean?: number; std?: number }): Tensor {
  checkRng('randNormal', rng);
  const opts = requireOptions(options, { op: 'randNormal' }, ['dtype', 'mean', 'std']);
  const mean = requireFinite(opts.mean ?? 0, { op: 'randNormal', arg: 'options.mean' });
  const std = requireFinite(opts.std ?? 1, { op: 'randNormal', arg: 'options.std' });
  if (!(std >= 0)) throw new ValueError('std must be non-negative', { op: 'randNormal', arg: 'options.std', expected: '>= 0', received: std });
  return draw('randNormal', shape, options?.dtype, () => rng.normal(mean, std));
}

/**
 * Bernoulli draws: 1 with probability p, else 0 (float64 unless options.dtype).
 * @param rng a seeded Rng
 * @param shape the result shape
 * @param p the probability of a 1
 * @param options dtype (default float64)
 * @returns a tensor of 0s and 1s
 * @throws ValueError for p outside [0, 1]
 * @example
 * randBernoulli(rng(0), [4], 0.5).shape; // [4]
 */
export function randBernoulli(rng: Rng, shape: readonly number[], p: number, options?: CreationOptions): Tensor {
  checkRng('randBernoulli', rng);
  if (!(p >= 0 && p <= 1)) throw new ValueError('p must be a probability', { op: 'randBernoulli', arg: 'p', expected: 'a number in [0, 1]', received: p });
  return draw('randBernoulli', shape, options?.dtype, () => rng.bernoulli(p));
}
