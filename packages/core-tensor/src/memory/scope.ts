/**
 * Explicit memory scopes: `tidy`, `keep` and `dispose`.
 *
 * Outside a scope nothing changes: every tensor owns a garbage-collected typed array and is never
 * disposed. Inside `tidy(fn)` every tensor created is tracked; when `fn` returns, the tracked
 * tensors it did not return (and did not `keep`) are disposed. Disposing drops one reference to
 * the tensor's storage; when the last tensor viewing a storage is gone, the backend's optional
 * `release` hook gets it back, so a backend that keeps storage in its own memory (the wasm
 * backend's linear memory) can reuse the block at once instead of waiting for the garbage
 * collector, and never pays for fresh pages.
 *
 * Reference counts are kept only for storage that a scope has seen (every resident block is
 * created inside one), so code that never calls `tidy` pays one WeakMap lookup per tensor.
 */
import type { Backend } from '../backend/backend.ts';
import { getBackend } from '../backend/registry.ts';
import type { DType, TypedArray } from '../dtype.ts';
import { allocate } from '../dtype.ts';
import { DisposedError, ValueError } from '../errors.ts';
import { currentMask } from '../autodiff/tape.ts';
import { Tensor } from '../tensor.ts';
import { dropLeaves, materialize } from './fusion.ts';

interface Scope {
  /** Tensors created (or returned by an inner scope) while this scope was innermost. */
  tensors: Tensor[];
  /** The backend active when the scope opened: it is told when the scope closes. */
  readonly backend: Backend;
}

const scopes: Scope[] = [];
/** How many live tensors view each storage that a scope has seen. */
const refs = new WeakMap<TypedArray, number>();

/** True while a `tidy` scope is open (backends allocate scoped storage then). */
export function inScope(): boolean {
  return scopes.length > 0;
}

/**
 * Fresh row-major storage for `size` elements of `dtype` that an op fills itself: the backend's
 * own (e.g. wasm linear memory) inside `tidy` when it offers it, else a JS typed array.
 */
export function storage(size: number, dtype: DType): TypedArray {
  return (inScope() ? getBackend().alloc?.(size, dtype) : undefined) ?? allocate(dtype, size);
}

/** @internal called by the Tensor constructor: counts the view and tracks the tensor in the open scope. */
export function adoptTensor(t: Tensor, buf: TypedArray): void {
  retainStorage(buf);
  scopes[scopes.length - 1]?.tensors.push(t);
}

/**
 * @internal one more live reference to `buf` (a tensor viewing it, or a pending fused program
 * reading it). Counted only for storage a scope has seen; empty storage is never counted.
 */
export function retainStorage(buf: TypedArray): void {
  if (buf.length === 0) return;
  const n = refs.get(buf);
  if (n !== undefined) refs.set(buf, n + 1);
  else if (scopes.length > 0) refs.set(buf, 1);
}

/** @internal one reference to `buf` fewer; the backend gets the storage back when it was the last. */
export function releaseStorage(buf: TypedArray, backend: Backend): void {
  const n = refs.get(buf);
  if (n === undefined) return;
  if (n > 1) {
    refs.set(buf, n - 1);
    return;
  }
  refs.delete(buf);
  backend.release?.(buf);
}

/** Drops t's reference to its storage (or a pending t's references to its inputs). */
function disposeOne(t: Tensor, backend: Backend): void {
  if (t._disposed || t._permanent) return;
  t._disposed = true;
  t._node = undefined;
  const p = t._pending;
  if (p !== undefined) {
    // Never ran: nothing to free but its hold on its inputs.
    t._pending = undefined;
    dropLeaves(p);
    return;
  }
  releaseStorage(t._storage, backend);
}

/** Every tensor inside `value`: a tensor, or arrays and plain objects of them (nested). */
function collectTensors(value: unknown, into: Set<Tensor>, seen: Set<object>): void {
  if (value instanceof Tensor) {
    into.add(value);
    return;
  }
  if (value === null || typeof value !== 'object' || seen.has(value)) return;
  seen.add(value);
  if (Array.isArray(value)) {
    for (const v of value) collectTensors(v, into, seen);
    return;
  }
  if (value instanceof Map) {
    for (const v of value.values()) collectTensors(v, into, seen);
    return;
  }
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto === Object.prototype || proto === null) {
    for (const v of Object.values(value)) collectTensors(v, into, seen);
  }
}

/**
 * Runs `fn` and then disposes every tensor created inside it except those it returns (a tensor,
 * or arrays, plain objects and Maps holding tensors) and those passed to {@link keep}. Returned
 * tensors belong to the enclosing scope, if any. With a backend that keeps storage in its own
 * memory (the wasm backend), the disposed tensors' storage is reused at once: a training step or
 * an inference loop wrapped in `tidy` runs in constant memory without waiting for the garbage
 * collector. Outside `tidy`, tensors are garbage-collected as usual.
 *
 * While a gradient is being recorded (inside the function given to `grad`, `valueAndGrad`, ...),
 * `tidy` disposes nothing: the recorded graph still needs its tensors. The tensors pass to the
 * enclosing scope instead, so wrap the whole gradient computation in `tidy`, not the function.
 * @param fn the computation; must not be async (tensors created after an `await` would escape)
 * @returns what `fn` returns
 * @throws ValueError when `fn` returns a Promise
 * @example
 * const w = tensor([1, 2, 3]);
 * const y = tidy(() => w.mul(2).add(1).sum());   // the product and the sum's input are disposed
 * y.item();                                       // 15
 */
export function tidy<T>(fn: () => T): T {
  if (typeof fn !== 'function') {
    throw new ValueError('tidy needs a function', { op: 'tidy', arg: 'fn', expected: 'a function', received: typeof fn });
  }
  const backend = getBackend();
  const scope: Scope = { tensors: [], backend };
  scopes.push(scope);
  // A scope opened while a gradient records disposes nothing (see closeScope), so the backend is
  // not told about it: its results must not count on being released.
  const disposing = currentMask() === 0;
  if (disposing) backend.beginScope?.();
  let result!: T;
  const returned = new Set<Tensor>();
  try {
    result = fn();
    collectTensors(result, returned, new Set());
    // What leaves the scope is computed inside it (fused chains run now, into scoped storage, and
    // their storage is counted while the scope is still open).
    materializeEscaping(scope, returned);
  } finally {
    scopes.pop();
    try {
      closeScope(scope, returned);
    } finally {
      if (disposing) backend.endScope?.();
    }
  }
  if (result !== null && typeof result === 'object' && typeof (result as { then?: unknown }).then === 'function') {
    throw new ValueError('tidy cannot track an async function', {
      op: 'tidy',
      arg: 'fn',
      expected: 'a function returning tensors synchronously',
      received: 'a Promise',
      hint: 'call tidy around the synchronous part after each await, or dispose() the tensors yourself',
    });
  }
  return result;
}

/** Runs the pending programs of the tensors a scope returns or keeps. */
function materializeEscaping(scope: Scope, returned: ReadonlySet<Tensor>): void {
  for (const t of returned) if (t._pending !== undefined && !t._disposed) materialize(t);
  for (const t of scope.tensors) if (t._kept && t._pending !== undefined && !t._disposed) materialize(t);
}

/** Disposes the scope's tensors that it does not return (or hands them all on while a gradient records). */
function closeScope(scope: Scope, returned: ReadonlySet<Tensor>): void {
  const parent = scopes[scopes.length - 1];
  // A recording gradient still needs every tensor of its graph: hand them all to the outer scope.
  const recording = currentMask() !== 0;
  for (const t of scope.tensors) {
    if (t._disposed || t._kept || t._permanent) continue;
    if (recording || returned.has(t)) parent?.tensors.push(t);
    else disposeOne(t, scope.backend);
  }
  scope.tensors = [];
}

/**
 * Exempts `t` from every enclosing and future `tidy` scope: it lives until {@link dispose} (or
 * until it is garbage-collected). Returns `t`, so `keep(x.mul(2))` reads naturally.
 * @param t the tensor to keep
 * @returns t
 * @throws ValueError when `t` is not a Tensor
 * @example
 * let kept: Tensor | undefined;
 * tidy(() => { kept = keep(tensor([1, 2]).mul(2)); });
 * kept!.toArray(); // [2, 4]
 */
export function keep<T extends Tensor>(t: T): T {
  if (!(t instanceof Tensor)) throw new ValueError('keep needs a Tensor', { op: 'keep', arg: 't', expected: 'a Tensor', received: typeof t });
  if (t.isDisposed) {
    throw new DisposedError('cannot keep a disposed tensor', { op: 'keep', arg: 't', expected: 'a live tensor', received: 'a disposed tensor', hint: 'call keep(t) inside the tidy scope, before it ends' });
  }
  t._kept = true;
  return t;
}

/**
 * Disposes tensors now: each one is unusable afterwards (its ops and data throw), and storage that
 * no live tensor views any more goes back to the backend. Accepts a tensor or arrays, plain
 * objects and Maps of them; disposing twice is harmless; anything that is not a tensor is
 * ignored. Inside `tidy` this is rarely needed; outside it, it frees backend memory early.
 * @param value a tensor or a container of tensors
 * @example
 * const a = tensor([1, 2]);
 * dispose(a);
 * a.isDisposed; // true
 */
export function dispose(value: unknown): void {
  const found = new Set<Tensor>();
  collectTensors(value, found, new Set());
  const backend = getBackend();
  for (const t of found) disposeOne(t, backend);
}

/** Diagnostics of the memory scopes (what tfjs's `memory()` reports, for gradlab). */
export interface MemoryInfo {
  /** How many `tidy` scopes are open now. */
  readonly scopes: number;
  /** Tensors tracked by the open scopes (they are disposed when their scope closes). */
  readonly trackedTensors: number;
}

/**
 * How many scopes are open and how many tensors they track; a backend may report more of its
 * own (the wasm backend's `residentBytes`).
 * @returns the open scopes and their tracked tensors
 * @example
 * memoryInfo().scopes; // 0 outside tidy
 */
export function memoryInfo(): MemoryInfo {
  let tracked = 0;
  for (const s of scopes) for (const t of s.tensors) if (!t._disposed) tracked++;
  return { scopes: scopes.length, trackedTensors: tracked };
}
