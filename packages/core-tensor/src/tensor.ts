import type { DType, TypedArray } from './dtype.ts';
import { DisposedError, ShapeError } from './errors.ts';
import { fmtShape, isRowMajor, sizeOf } from './shape.ts';
import type { GradNode } from './autodiff/tape.ts';
import { getBackend } from './backend/registry.ts';
import { adoptTensor, dispose } from './memory/scope.ts';
import { materialize } from './memory/fusion.ts';
import type { Pending } from './memory/fusion.ts';
import type { TensorLike } from './ops/util.ts';
import { abs, cos, erf, exp, log, log1p, neg, relu, sigmoid, sign, sin, sqrt, square, tanh } from './ops/unary.ts';
import { add, div, maximum, minimum, mul, pow, sub } from './ops/binary.ts';
import { equal, greater, greaterEqual, less, lessEqual, notEqual } from './ops/compare.ts';
import { broadcastTo, contiguous, expandDims, flatten, permute, reshape, slice, squeeze, transpose } from './ops/movement.ts';
import type { ReduceOptions, VarianceOptions } from './ops/reduce.ts';
import { argmax, argmin, logSumExp, max, mean, min, sum, variance } from './ops/reduce.ts';
import { dot, matmul } from './ops/matmul.ts';
import type { GeluOptions } from './ops/activation.ts';
import { clip, gelu, leakyRelu, logSoftmax, softmax, softplus } from './ops/activation.ts';
import type { NormOptions } from './ops/norm.ts';
import { norm } from './ops/norm.ts';
import { cast } from './ops/cast.ts';
import { gather, take } from './ops/indexing.ts';

function disposedError(): DisposedError {
  return new DisposedError('this tensor was disposed', {
    op: 'Tensor',
    expected: 'a live tensor',
    received: 'a disposed tensor',
    hint: 'a tensor created inside tidy() is disposed when tidy returns unless tidy returns it or keep() protects it; do not use a tensor after dispose()',
  });
}

/** True when `buf` lies in a SharedArrayBuffer (a backend's shared linear memory). */
function isSharedMemory(buf: TypedArray): boolean {
  return typeof SharedArrayBuffer !== 'undefined' && buf.buffer instanceof SharedArrayBuffer;
}

/** Nested JS arrays of numbers (what `toArray` returns for rank ≥ 1). */
export type NestedArray = number | NestedArray[];

/**
 * An n-dimensional array of one dtype with a shape, plus chainable ops. Tensors are immutable:
 * every op returns a new tensor (views share storage, which is never written after creation).
 * Create them with `tensor`, `zeros`, `arange`, ... rather than with the constructor.
 */
export class Tensor {
  /** The size of each dimension. */
  readonly shape: readonly number[];
  /** The element type. */
  readonly dtype: DType;
  /** The number of elements (1 for rank 0). */
  readonly size: number;
  /** The number of dimensions. */
  readonly rank: number;
  /** @internal storage shared by views (read it through `_buf`, which checks disposal and runs pending programs). */
  _storage: TypedArray;
  /** @internal a fused elementwise program not run yet (inside `tidy`; see memory/fusion.ts). */
  _pending: Pending | undefined = undefined;
  /** @internal element strides into `_buf`. */
  readonly _strides: readonly number[];
  /** @internal index of element [0, ..., 0] in `_buf`. */
  readonly _offset: number;
  /** @internal bits of the differentiation levels this tensor depends on. */
  _mask = 0;
  /** @internal how this tensor was computed, while a level records. */
  _node: GradNode | undefined = undefined;
  /** @internal set by `dispose` (or at the end of a `tidy` scope): the storage may be reused. */
  _disposed = false;
  /** @internal set by `keep`: no `tidy` scope disposes this tensor. */
  _kept = false;
  /** @internal shared constants (bare numbers): never disposed, not even explicitly. */
  _permanent = false;

  /**
   * @internal use `tensor()` and the other creation functions.
   * @param buf storage; @param shape dims; @param dtype element type; @param strides element strides; @param offset first element
   */
  constructor(buf: TypedArray, shape: readonly number[], dtype: DType, strides: readonly number[], offset: number) {
    // Shapes and strides are never mutated after creation (callers pass fresh or shared
    // read-only arrays), so they are stored as given: no per-op copies on the hot path.
    this._storage = buf;
    this.shape = shape;
    this.dtype = dtype;
    this._strides = strides;
    this._offset = offset;
    this.size = sizeOf(shape);
    this.rank = shape.length;
    adoptTensor(this, buf);
  }

  /** @internal the storage, or a DisposedError once the tensor was disposed. */
  get _buf(): TypedArray {
    if (this._disposed) throw disposedError();
    if (this._pending !== undefined) materialize(this);
    return this._storage;
  }

  /** True once the tensor was disposed (by `dispose` or at the end of a `tidy` scope). */
  get isDisposed(): boolean {
    return this._disposed;
  }

  /** Method form of {@link dispose}: frees this tensor now; using it afterwards throws a DisposedError. */
  dispose(): void {
    dispose(this);
  }

  /**
   * The elements as a row-major typed array (Float32Array, Float64Array, Int32Array, or Uint8Array
   * for bool). Shares storage when the tensor is contiguous (treat it as read-only); a copy otherwise.
   * Shared storage is valid while the tensor is: after `dispose()` (or the end of the `tidy` that
   * disposed it) a backend may reuse it, so copy it (`.slice()`) to keep the values longer.
   */
  get data(): TypedArray {
    if (isRowMajor(this.shape, this._strides)) {
      const buf = this._buf;
      if (this._offset === 0 && buf.length === this.size) return buf;
      // A window into storage a backend owns (shared memory) is copied: the window would not keep
      // the block alive, so it could outlive it.
      if (isSharedMemory(buf)) return buf.slice(this._offset, this._offset + this.size);
      return buf.subarray(this._offset, this._offset + this.size);
    }
    const backend = getBackend();
    const copy = backend.contiguous({ data: this._buf, dtype: this.dtype, shape: this.shape, strides: this._strides, offset: this._offset });
    // Storage a backend owns (its shared memory) goes back to it at once: no tensor views this copy,
    // so nothing else would free it (inside tidy it would wait for the garbage collector).
    if (!isSharedMemory(copy)) return copy;
    const out = copy.slice();
    backend.release?.(copy);
    return out;
  }

  /** The elements as nested JS arrays (a number for rank 0; bools as 0/1). */
  toArray(): NestedArray {
    const d = this.data;
    if (this.rank === 0) return d[0] as number;
    const build = (dim: number, off: number): NestedArray[] => {
      const n = this.shape[dim] as number;
      const out: NestedArray[] = new Array<NestedArray>(n);
      if (dim === this.rank - 1) {
        for (let i = 0; i < n; i++) out[i] = d[off + i] as number;
        return out;
      }
      const stride = sizeOf(this.shape.slice(dim + 1));
      for (let i = 0; i < n; i++) out[i] = build(dim + 1, off + i * stride);
      return out;
    };
    return build(0, 0);
  }

  /**
   * The single element of a rank-0 or size-1 tensor.
   * @throws ShapeError when the tensor has more (or fewer) than one element
   */
  item(): number {
    if (this.size !== 1) {
      throw new ShapeError('item() needs a tensor with exactly one element', { op: 'item', expected: 'size 1', received: `shape ${fmtShape(this.shape)}`, hint: 'reduce first, e.g. t.sum().item()' });
    }
    return this._buf[this._offset] as number;
  }

  /** A readable rendering, e.g. `tensor([[1, 2], [3, 4]], dtype=float64)`. */
  toString(): string {
    const fmt = (v: number): string => (this.dtype === 'bool' ? (v !== 0 ? 'true' : 'false') : Number.isInteger(v) || !Number.isFinite(v) ? String(v) : String(Number(v.toPrecision(6))));
    const render = (x: NestedArray): string => (Array.isArray(x) ? `[${x.map(render).join(', ')}]` : fmt(x));
    const body = this.size > 1000 ? `<${this.size} elements>` : render(this.toArray());
    return `tensor(${body}, shape=${fmtShape(this.shape)}, dtype=${this.dtype})`;
  }

  /** Method form of {@link add}: `add(this, ...)`. */
  add(b: TensorLike): Tensor { return add(this, b); }
  /** Method form of {@link sub}: `sub(this, ...)`. */
  sub(b: TensorLike): Tensor { return sub(this, b); }
  /** Method form of {@link mul}: `mul(this, ...)`. */
  mul(b: TensorLike): Tensor { return mul(this, b); }
  /** Method form of {@link div}: `div(this, ...)`. */
  div(b: TensorLike): Tensor { return div(this, b); }
  /** Method form of {@link pow}: `pow(this, ...)`. */
  pow(b: TensorLike): Tensor { return pow(this, b); }
  /** Method form of {@link maximum}: `maximum(this, ...)`. */
  maximum(b: TensorLike): Tensor { return maximum(this, b); }
  /** Method form of {@link minimum}: `minimum(this, ...)`. */
  minimum(b: TensorLike): Tensor { return minimum(this, b); }
  /** Method form of {@link neg}: `neg(this, ...)`. */
  neg(): Tensor { return neg(this); }
  /** Method form of {@link exp}: `exp(this, ...)`. */
  exp(): Tensor { return exp(this); }
  /** Method form of {@link log}: `log(this, ...)`. */
  log(): Tensor { return log(this); }
  /** Method form of {@link log1p}: `log1p(this, ...)`. */
  log1p(): Tensor { return log1p(this); }
  /** Method form of {@link sqrt}: `sqrt(this, ...)`. */
  sqrt(): Tensor { return sqrt(this); }
  /** Method form of {@link square}: `square(this, ...)`. */
  square(): Tensor { return square(this); }
  /** Method form of {@link abs}: `abs(this, ...)`. */
  abs(): Tensor { return abs(this); }
  /** Method form of {@link sign}: `sign(this, ...)`. */
  sign(): Tensor { return sign(this); }
  /** Method form of {@link sin}: `sin(this, ...)`. */
  sin(): Tensor { return sin(this); }
  /** Method form of {@link cos}: `cos(this, ...)`. */
  cos(): Tensor { return cos(this); }
  /** Method form of {@link tanh}: `tanh(this, ...)`. */
  tanh(): Tensor { return tanh(this); }
  /** Method form of {@link sigmoid}: `sigmoid(this, ...)`. */
  sigmoid(): Tensor { return sigmoid(this); }
  /** Method form of {@link erf}: `erf(this, ...)`. */
  erf(): Tensor { return erf(this); }
  /** Method form of {@link relu}: `relu(this, ...)`. */
  relu(): Tensor { return relu(this); }
  /** Method form of {@link leakyRelu}: `leakyRelu(this, ...)`. */
  leakyRelu(slope?: number): Tensor { return leakyRelu(this, slope); }
  /** Method form of {@link softplus}: `softplus(this, ...)`. */
  softplus(): Tensor { return softplus(this); }
  /** Method form of {@link gelu}: `gelu(this, ...)`. */
  gelu(options?: GeluOptions): Tensor { return gelu(this, options); }
  /** Method form of {@link clip}: `clip(this, ...)`. */
  clip(low: number, high: number): Tensor { return clip(this, low, high); }
  /** Method form of {@link equal}: `equal(this, ...)`. */
  equal(b: TensorLike): Tensor { return equal(this, b); }
  /** Method form of {@link notEqual}: `notEqual(this, ...)`. */
  notEqual(b: TensorLike): Tensor { return notEqual(this, b); }
  /** Method form of {@link less}: `less(this, ...)`. */
  less(b: TensorLike): Tensor { return less(this, b); }
  /** Method form of {@link lessEqual}: `lessEqual(this, ...)`. */
  lessEqual(b: TensorLike): Tensor { return lessEqual(this, b); }
  /** Method form of {@link greater}: `greater(this, ...)`. */
  greater(b: TensorLike): Tensor { return greater(this, b); }
  /** Method form of {@link greaterEqual}: `greaterEqual(this, ...)`. */
  greaterEqual(b: TensorLike): Tensor { return greaterEqual(this, b); }
  /** Method form of {@link sum}: `sum(this, ...)`. */
  sum(axis?: number | readonly number[], options?: ReduceOptions): Tensor { return sum(this, axis, options); }
  /** Method form of {@link mean}: `mean(this, ...)`. */
  mean(axis?: number | readonly number[], options?: ReduceOptions): Tensor { return mean(this, axis, options); }
  /** Method form of {@link variance}: `variance(this, ...)`. */
  variance(axis?: number | readonly number[], options?: VarianceOptions): Tensor { return variance(this, axis, options); }
  /** Method form of {@link max}: `max(this, ...)`. */
  max(axis?: number | readonly number[], options?: ReduceOptions): Tensor { return max(this, axis, options); }
  /** Method form of {@link min}: `min(this, ...)`. */
  min(axis?: number | readonly number[], options?: ReduceOptions): Tensor { return min(this, axis, options); }
  /** Method form of {@link argmax}: `argmax(this, ...)`. */
  argmax(axis?: number, options?: ReduceOptions): Tensor { return argmax(this, axis, options); }
  /** Method form of {@link argmin}: `argmin(this, ...)`. */
  argmin(axis?: number, options?: ReduceOptions): Tensor { return argmin(this, axis, options); }
  /** Method form of {@link logSumExp}: `logSumExp(this, ...)`. */
  logSumExp(axis?: number | readonly number[], options?: ReduceOptions): Tensor { return logSumExp(this, axis, options); }
  /** Method form of {@link softmax}: `softmax(this, ...)`. */
  softmax(axis?: number): Tensor { return softmax(this, axis); }
  /** Method form of {@link logSoftmax}: `logSoftmax(this, ...)`. */
  logSoftmax(axis?: number): Tensor { return logSoftmax(this, axis); }
  /** Method form of {@link norm}: `norm(this, ...)`. */
  norm(options?: NormOptions): Tensor { return norm(this, options); }
  /** Method form of {@link matmul}: `matmul(this, ...)`. */
  matmul(b: TensorLike): Tensor { return matmul(this, b); }
  /** Method form of {@link dot}: `dot(this, ...)`. */
  dot(b: TensorLike): Tensor { return dot(this, b); }
  /** Method form of {@link reshape}: `reshape(this, ...)`. */
  reshape(shape: readonly number[]): Tensor { return reshape(this, shape); }
  /** Method form of {@link flatten}: `flatten(this, ...)`. */
  flatten(): Tensor { return flatten(this); }
  /** Method form of {@link transpose}: `transpose(this, ...)`. */
  transpose(perm?: readonly number[]): Tensor { return transpose(this, perm); }
  /** Method form of {@link permute}: `permute(this, ...)`. */
  permute(perm: readonly number[]): Tensor { return permute(this, perm); }
  /** Method form of {@link expandDims}: `expandDims(this, ...)`. */
  expandDims(axis: number): Tensor { return expandDims(this, axis); }
  /** Method form of {@link squeeze}: `squeeze(this, ...)`. */
  squeeze(axis?: number | readonly number[]): Tensor { return squeeze(this, axis); }
  /** Method form of {@link broadcastTo}: `broadcastTo(this, ...)`. */
  broadcastTo(shape: readonly number[]): Tensor { return broadcastTo(this, shape); }
  /** Method form of {@link slice}: `slice(this, ...)`. */
  slice(begin: number | readonly number[], size?: number | readonly number[]): Tensor { return slice(this, begin, size); }
  /** Method form of {@link contiguous}: `contiguous(this, ...)`. */
  contiguous(): Tensor { return contiguous(this); }
  /** Method form of {@link cast}: `cast(this, ...)`. */
  astype(dtype: DType): Tensor { return cast(this, dtype); }
  /** Method form of {@link gather}: `gather(this, ...)`. */
  gather(indices: Tensor | readonly number[], axis?: number): Tensor { return gather(this, indices, axis); }
  /** Method form of {@link take}: `take(this, ...)`. */
  take(indices: Tensor | readonly number[], axis?: number): Tensor { return take(this, indices, axis); }
}
