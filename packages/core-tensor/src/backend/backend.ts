/**
 * The backend contract of @gradlab/core-tensor: the small set of primitive kernels every backend
 * implements. Everything else (softmax, variance, logSumExp, gelu, norm, gradients, ...) is
 * composed from these in the tensor layer, so a new backend needs no gradient code and a new
 * composite op needs no kernel (the tinygrad design).
 *
 * Conventions every kernel follows:
 * - Inputs are {@link StridedArray}s: a typed array plus shape, element strides and offset. Strides
 *   may be any integers, including 0 (broadcast dims) and negative; backends must not assume
 *   contiguity unless they check for it.
 * - Outputs are fresh row-major (C-order) typed arrays of the requested dtype, except `copy`, which
 *   writes into its destination view.
 * - Inputs are never mutated. Argument shapes are validated by the tensor layer before dispatch,
 *   so kernels may trust them.
 * - Results must be deterministic: the same inputs give the same bits (fixed summation order).
 *
 * The contract is versioned by {@link BACKEND_CONTRACT_VERSION}; additions bump it. Version 2 added
 * the optional memory hooks (`beginScope`, `endScope`, `alloc`, `release`), which let a backend keep
 * storage in memory of its own while a `tidy` scope is open and reuse it when tensors are disposed.
 * Version 3 added the optional fused kernels `softmax` and `softmaxGrad`; without them core-tensor
 * composes softmax from the primitives, as before.
 */
import type { DType, TypedArray } from '../dtype.ts';

/** Version of this contract. A backend may record the version it was written against. */
export const BACKEND_CONTRACT_VERSION = 3;

/** An n-d view on a typed array: element `[i0, i1, ...]` is `data[offset + Σ i_k·strides[k]]`. */
export interface StridedArray {
  readonly data: TypedArray;
  readonly dtype: DType;
  readonly shape: readonly number[];
  readonly strides: readonly number[];
  readonly offset: number;
}

/**
 * Elementwise unary primitives. Float-only ops receive float inputs; `neg abs sign square relu`
 * also receive int32. `sigmoid` is 1/(1+e^−x) computed stably; `erf` is the error function
 * (accurate to ~1e-15); `relu` is max(x, 0); `sign` is −1, 0 or 1 (NaN stays NaN).
 */
export type UnaryOp =
  | 'neg'
  | 'abs'
  | 'sign'
  | 'square'
  | 'sqrt'
  | 'exp'
  | 'log'
  | 'log1p'
  | 'sin'
  | 'cos'
  | 'tanh'
  | 'sigmoid'
  | 'erf'
  | 'relu';

/** Elementwise binary primitives. `maximum`/`minimum` propagate NaN. Integer `div` is not used. */
export type BinaryOp = 'add' | 'sub' | 'mul' | 'div' | 'pow' | 'maximum' | 'minimum';

/** Elementwise comparisons; the result is a bool (0/1) Uint8Array. */
export type CompareOp = 'equal' | 'notEqual' | 'less' | 'lessEqual' | 'greater' | 'greaterEqual';

/** Reductions over a set of axes. */
export type ReduceOp = 'sum' | 'max' | 'min';

/** Index reductions over one axis; ties resolve to the first index. */
export type ArgReduceOp = 'argmax' | 'argmin';

/** Every unary op name, for iteration (e.g. by checkBackend). */
export const UNARY_OPS: readonly UnaryOp[] = ['neg', 'abs', 'sign', 'square', 'sqrt', 'exp', 'log', 'log1p', 'sin', 'cos', 'tanh', 'sigmoid', 'erf', 'relu'];
/** Every binary op name. */
export const BINARY_OPS: readonly BinaryOp[] = ['add', 'sub', 'mul', 'div', 'pow', 'maximum', 'minimum'];
/** Every comparison op name. */
export const COMPARE_OPS: readonly CompareOp[] = ['equal', 'notEqual', 'less', 'lessEqual', 'greater', 'greaterEqual'];

/**
 * A compute backend: the primitive kernels the tensor layer dispatches to. Made by a factory
 * (e.g. `createJsBackend()`), selected with `setBackend`. All kernels are required: a backend that
 * lacks one is a TypeScript error, and `setBackend` throws a BackendError naming it.
 */
export interface Backend {
  /** A short name for messages, e.g. `js` or `wasm`. */
  readonly name: string;
  /** A row-major array of `size` elements all equal to `value`, stored as `dtype`. */
  readonly fill: (size: number, value: number, dtype: DType) => TypedArray;
  /** Writes `src` into the view `dst` (same shape; `dst.data` is mutated, its dtype converts). */
  readonly copy: (src: StridedArray, dst: StridedArray) => void;
  /** A row-major copy of `x`, same dtype. */
  readonly contiguous: (x: StridedArray) => TypedArray;
  /** A row-major copy of `x` converted to `dtype` (floats → int32 truncate toward zero; → bool is `x != 0`). */
  readonly cast: (x: StridedArray, dtype: DType) => TypedArray;
  /** `op` applied to every element of `x`, computed and stored as `dtype`. */
  readonly unary: (op: UnaryOp, x: StridedArray, dtype: DType) => TypedArray;
  /**
   * `op(a, b)` elementwise. `a` and `b` have the same shape (broadcasting is expressed by 0
   * strides); inputs may have any dtype, the result is computed and stored as `dtype`
   * (int32 `mul` wraps like `Math.imul`).
   */
  readonly binary: (op: BinaryOp, a: StridedArray, b: StridedArray, dtype: DType) => TypedArray;
  /** `op(a, b)` elementwise as 0/1 bytes; `a`, `b` have the same shape. NaN compares false (notEqual true). */
  readonly compare: (op: CompareOp, a: StridedArray, b: StridedArray) => Uint8Array;
  /** `cond ? a : b` elementwise (cond nonzero = true); all three have the same shape. */
  readonly where: (cond: StridedArray, a: StridedArray, b: StridedArray, dtype: DType) => TypedArray;
  /**
   * Reduces `x` over `axes` (sorted, distinct, possibly empty or all). The result has x's shape
   * with those axes removed, and x's dtype. Sums accumulate in float64 in row-major order;
   * max/min propagate NaN; max/min over an empty axis give −Infinity/+Infinity.
   */
  readonly reduce: (op: ReduceOp, x: StridedArray, axes: readonly number[]) => TypedArray;
  /** Index of the max/min along `axis` (first on ties; NaN wins); shape of x without `axis`. */
  readonly argReduce: (op: ArgReduceOp, x: StridedArray, axis: number) => Int32Array;
  /**
   * Batched matrix product: `a` is `[...batch, m, k]`, `b` is `[...batch, k, n]` with the same batch
   * shape (broadcast batch dims have stride 0); the result is `[...batch, m, n]` as `dtype`.
   * Transposed operands arrive as strided views and must be handled at full speed.
   */
  readonly matmul: (a: StridedArray, b: StridedArray, dtype: DType) => TypedArray;
  /**
   * Gathers along `axis`: `out[..., j, ...] = x[..., indices[j], ...]`. The result has shape
   * `x.shape[:axis] + [indices.length] + x.shape[axis+1:]`. Indices are in range (checked before).
   */
  readonly gather: (x: StridedArray, axis: number, indices: Int32Array) => TypedArray;
  /**
   * The transpose of gather: `out` has `src`'s shape except `dimSize` at `axis`, starts at zero,
   * and `out[..., indices[j], ...] += src[..., j, ...]` (repeated indices accumulate, in order).
   */
  readonly scatterAdd: (src: StridedArray, axis: number, indices: Int32Array, dimSize: number) => TypedArray;

  // Optional memory hooks (contract version 2). A backend without them gets plain,
  // garbage-collected typed arrays everywhere, and `tidy`/`dispose` only mark tensors disposed.

  /**
   * A `tidy` scope opened. Until the matching `endScope`, the backend may return storage it owns
   * (e.g. views into its linear memory) from its kernels; it must stay valid until `release`.
   */
  readonly beginScope?: () => void;
  /** The innermost `tidy` scope closed (after its tensors were disposed). */
  readonly endScope?: () => void;
  /**
   * Storage for a tensor created from JS values inside a scope (`tensor(...)`), or undefined to
   * let core-tensor allocate a plain typed array. Called only while a scope is open.
   */
  readonly alloc?: (size: number, dtype: DType) => TypedArray | undefined;
  /**
   * No live tensor views `data` any more (the last one was disposed): a backend that owns it may
   * reuse it now; storage it does not own is ignored. Never called for storage a live tensor views.
   */
  readonly release?: (data: TypedArray) => void;
  /**
   * Optional fused elementwise kernel (contract version 2). Runs `steps` over every element:
   * registers `0 … inputs.length − 1` hold the inputs (all of the output's shape, broadcast by
   * 0 strides, all of `dtype`), step `i` writes register `inputs.length + i`, and the last step's
   * register is the result, a fresh row-major array of `dtype` (float32 or float64). Each step
   * must round exactly as the matching `unary`/`binary` kernel does, so fused and unfused results
   * are bit-identical. With it, core-tensor evaluates chains of {@link FUSABLE_UNARY} and
   * {@link FUSABLE_BINARY} ops inside `tidy` lazily, in one pass, never writing intermediates.
   */
  readonly fused?: (steps: readonly FusedStep[], inputs: readonly StridedArray[], dtype: DType) => TypedArray;
  /**
   * Optional fused softmax over the last axis (contract version 3): `x` is float (`dtype`, rank ≥ 1,
   * any strides, last dim ≥ 1); every row becomes exp(x − max) / Σ exp(x − max), a fresh row-major
   * array. Within float32 rounding (a few ulp) of the composed ops; NaN in a row makes the row NaN.
   * With it (and only for the last axis), core-tensor's `softmax` runs one kernel instead of five.
   */
  readonly softmax?: (x: StridedArray, dtype: DType) => TypedArray;
  /**
   * Optional softmax vector-Jacobian product over the last axis (contract version 3): given the
   * softmax output `y` and the upstream gradient `g` (same shape, float `dtype`), returns
   * y ⊙ (g − Σ g ⊙ y) with the sum over the last axis, row-major. Used by softmax's backward pass.
   */
  readonly softmaxGrad?: (y: StridedArray, g: StridedArray, dtype: DType) => TypedArray;
}

/** One step of a fused elementwise program: `op` applied to the registers in `args` (one or two). */
export interface FusedStep {
  readonly op: UnaryOp | BinaryOp;
  readonly args: readonly number[];
}

/** The unary ops core-tensor fuses (exactly rounded everywhere, so fusion changes no bits). */
export const FUSABLE_UNARY: readonly UnaryOp[] = ['neg', 'abs', 'square', 'sqrt', 'relu'];
/** The binary ops core-tensor fuses. */
export const FUSABLE_BINARY: readonly BinaryOp[] = ['add', 'sub', 'mul', 'div', 'maximum', 'minimum'];

/** The names of every kernel a backend must provide (checked by setBackend). */
export const KERNEL_NAMES: readonly (Exclude<keyof Backend, 'name'>)[] = [
  'fill',
  'copy',
  'contiguous',
  'cast',
  'unary',
  'binary',
  'compare',
  'where',
  'reduce',
  'argReduce',
  'matmul',
  'gather',
  'scatterAdd',
];
