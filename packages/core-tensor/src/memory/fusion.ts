/**
 * Lazy elementwise fusion inside `tidy` (the tinygrad idea, kept small).
 *
 * Inside a scope, on a backend with a `fused` kernel, a float unary or binary op from the fusable
 * lists does not run: it returns a *pending* tensor that records the op and its operands. An op
 * on pending operands folds their programs into its own, so `relu(add(mul(x, w), b))` becomes one
 * program over the leaves x, w and b. A pending tensor runs (materialises) when anything reads its
 * storage (a non-fusable op, `.data`, `item()`, a gradient rule) or when its scope returns or keeps
 * it; intermediates that nobody reads are never computed or written. Every step rounds as its
 * unfused kernel does (the backend contract requires it), so results are bit-identical to eager
 * evaluation.
 *
 * Safety: a pending tensor holds a reference on each leaf's storage (as a view would), so disposing
 * a leaf cannot hand its storage back to the backend before the pending tensor has run. A pending
 * operand is folded into at most one consumer; a second consumer runs it and reads the result,
 * which bounds recomputation to one extra evaluation of cheap, memory-bound ops.
 */
import type { Backend, BinaryOp, FusedStep, StridedArray, UnaryOp } from '../backend/backend.ts';
import { FUSABLE_BINARY, FUSABLE_UNARY } from '../backend/backend.ts';
import { getBackend } from '../backend/registry.ts';
import type { DType, TypedArray } from '../dtype.ts';
import { rowMajorStrides, sizeOf } from '../shape.ts';
import { Tensor } from '../tensor.ts';
import { broadcastView } from '../ops/broadcast.ts';
import { inScope, releaseStorage, retainStorage } from './scope.ts';

/** What a pending tensor will compute. */
export interface Pending {
  /** The program over `leaves` (registers 0 … leaves.length − 1), result in the last step's register. */
  readonly steps: FusedStep[];
  /** The inputs, as views of the pending tensor's shape. */
  readonly leaves: StridedArray[];
  /** The backend whose `fused` kernel will run it (the one active when the op was called). */
  readonly backend: Backend;
  /** True once folded into a consumer (a second consumer runs it instead). */
  folded: boolean;
}

const UNARY = new Set<string>(FUSABLE_UNARY);
const BINARY = new Set<string>(FUSABLE_BINARY);
/** Tensors smaller than this run eagerly: building a program costs more than a pass over them. */
const MIN_SIZE = 1024;
const MAX_LEAVES = 8;
const MAX_STEPS = 24;
/** The storage of every pending tensor (never read: `_buf` runs the program first). */
export const PENDING_STORAGE = new Float64Array(0);

type Operand = { readonly kind: 'leaf'; readonly view: StridedArray } | { readonly kind: 'program'; readonly pending: Pending; readonly shape: readonly number[] };

/** A view of `v` (whose shape broadcasts to `shape`) with `shape`: new and size-1 dims get stride 0. */
function rebroadcast(v: StridedArray, shape: readonly number[]): StridedArray {
  const lead = shape.length - v.shape.length;
  const strides = shape.map((d, i) => (i < lead || (v.shape[i - lead] === 1 && d !== 1) ? 0 : (v.strides[i - lead] as number)));
  return { data: v.data, dtype: v.dtype, shape, strides, offset: v.offset };
}

function sameView(a: StridedArray, b: StridedArray): boolean {
  if (a.data !== b.data || a.offset !== b.offset) return false;
  for (let i = 0; i < a.strides.length; i++) if (a.strides[i] !== b.strides[i]) return false;
  return true;
}

/** The operand for tensor `t` in a program of shape `shape`: its pending program (folded once) or a leaf. */
function operand(t: Tensor, shape: readonly number[]): Operand {
  const p = t._pending;
  if (p !== undefined && !p.folded && p.backend === getBackend()) {
    p.folded = true;
    return { kind: 'program', pending: p, shape: t.shape };
  }
  return { kind: 'leaf', view: broadcastView(t, shape) };
}

/** Folds the operands' programs and leaves into one program and appends `op`; undefined when too big. */
function combine(op: UnaryOp | BinaryOp, operands: readonly Operand[], shape: readonly number[]): { steps: FusedStep[]; leaves: StridedArray[] } | undefined {
  const leaves: StridedArray[] = [];
  const leafIndex = (v: StridedArray): number => {
    const i = leaves.findIndex((l) => sameView(l, v));
    if (i >= 0) return i;
    leaves.push(v);
    return leaves.length - 1;
  };
  // First pass: every leaf, so that step registers can be numbered after them.
  const leafMaps: number[][] = operands.map((o) => (o.kind === 'leaf' ? [leafIndex(o.view)] : o.pending.leaves.map((l) => leafIndex(rebroadcast(l, shape)))));
  let stepCount = 1;
  for (const o of operands) if (o.kind === 'program') stepCount += o.pending.steps.length;
  if (leaves.length > MAX_LEAVES || stepCount > MAX_STEPS) return undefined;
  const steps: FusedStep[] = [];
  const results: number[] = [];
  operands.forEach((o, k) => {
    const map = leafMaps[k] as number[];
    if (o.kind === 'leaf') {
      results.push(map[0] as number);
      return;
    }
    const p = o.pending;
    const base = leaves.length + steps.length;
    const reg = (r: number): number => (r < p.leaves.length ? (map[r] as number) : base + (r - p.leaves.length));
    for (const s of p.steps) steps.push({ op: s.op, args: s.args.map(reg) });
    results.push(base + p.steps.length - 1);
  });
  steps.push({ op, args: results });
  return { steps, leaves };
}

/**
 * The pending result of `op` on `inputs` (already broadcast-compatible with `shape`), or undefined
 * when the op must run eagerly: outside a scope, on a backend without `fused`, for a non-fusable op
 * or dtype, for small tensors, or when the program would grow too large.
 */
export function fuse(op: UnaryOp | BinaryOp, inputs: readonly Tensor[], shape: readonly number[], dtype: DType): Tensor | undefined {
  if (!inScope()) return undefined;
  const backend = getBackend();
  if (backend.fused === undefined || (dtype !== 'float32' && dtype !== 'float64')) return undefined;
  if (!(inputs.length === 1 ? UNARY.has(op) : BINARY.has(op))) return undefined;
  if (sizeOf(shape) < MIN_SIZE) return undefined;
  for (const t of inputs) if (t.dtype !== dtype || t._disposed) return undefined;
  const operands = inputs.map((t) => operand(t, shape));
  let program = combine(op, operands, shape);
  if (program === undefined) {
    // Too big to fold: run the folded operands now and use them as leaves.
    operands.forEach((o, k) => {
      if (o.kind === 'program') o.pending.folded = false;
      void (inputs[k] as Tensor)._buf;
    });
    program = combine(op, inputs.map((t) => ({ kind: 'leaf', view: broadcastView(t, shape) })), shape);
    if (program === undefined) return undefined;
  }
  for (const l of program.leaves) retainStorage(l.data);
  const pending: Pending = { steps: program.steps, leaves: program.leaves, backend, folded: false };
  const out = new Tensor(PENDING_STORAGE, shape, dtype, rowMajorStrides(shape), 0);
  out._pending = pending;
  return out;
}

/** Runs t's program now: t gets its storage, and its leaves' storage loses t's reference. */
export function materialize(t: Tensor): void {
  const p = t._pending;
  if (p === undefined) return;
  const fused = p.backend.fused as NonNullable<Backend['fused']>;
  const out: TypedArray = fused(p.steps, p.leaves, t.dtype);
  t._pending = undefined;
  t._storage = out;
  retainStorage(out);
  dropLeaves(p);
}

/** Releases a pending program's references on its leaves' storage (when it ran or was disposed). */
export function dropLeaves(p: Pending): void {
  for (const l of p.leaves) releaseStorage(l.data, p.backend);
}
