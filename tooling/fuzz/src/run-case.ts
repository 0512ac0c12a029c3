/**
 * Runs one fuzz case and judges it. The oracle: the call returns a finite-looking result, or
 * throws one of the project's error classes (GradlabError and its subclasses: ShapeError,
 * ValueError, DTypeError, DisposedError, DivergenceError, CsvError, ...). A TypeError, a
 * RangeError, a stack overflow, or NaN from finite input is a failure. (Hangs are caught by the
 * driver's time guard, outside this function.)
 */
import type { ArgSpec } from './fuzz-cases.ts';
import { PRIMITIVES } from './edge-values.ts';

/** The verdict on one case. */
export type Outcome = { kind: 'result' } | { kind: 'typed'; error: string } | { kind: 'fail'; reason: string };

type AnyFn = (...args: unknown[]) => unknown;

/** Turns an argument description into a fresh value. */
export function materialize(a: ArgSpec, pool: Readonly<Record<string, () => unknown>>): unknown {
  switch (a.kind) {
    case 'pool':
      return (pool[a.name] as () => unknown)();
    case 'number':
      return a.value;
    case 'array':
      return a.value.slice();
    case 'options':
      return Object.fromEntries(a.entries.map(([k, v]) => [k, (PRIMITIVES[v] as () => unknown)()]));
  }
}

interface TensorShape {
  readonly size: number;
  readonly isDisposed: boolean;
  readonly data: ArrayLike<number>;
}

/** True when `v` holds a non-finite number or a callback anywhere (then NaN out is no bug). */
function hasNonFinite(v: unknown, isTensor: (x: unknown) => boolean, depth = 0): boolean {
  if (typeof v === 'number') return !Number.isFinite(v);
  if (typeof v === 'function') return true;
  if (depth > 4 || v === null || typeof v !== 'object') return false;
  if (isTensor(v)) {
    const t = v as TensorShape;
    if (t.isDisposed || t.size > 10_000) return true;
    for (let i = 0; i < t.data.length; i++) if (!Number.isFinite(t.data[i])) return true;
    return false;
  }
  if (ArrayBuffer.isView(v)) return Array.from(v as unknown as ArrayLike<number>).some((x) => !Number.isFinite(x));
  return Object.values(v).some((x) => hasNonFinite(x, isTensor, depth + 1));
}

/** True when a returned value is (or directly holds) NaN. */
function hasNaN(v: unknown, isTensor: (x: unknown) => boolean, depth = 0): boolean {
  if (typeof v === 'number') return Number.isNaN(v);
  if (depth > 2 || v === null || typeof v !== 'object') return false;
  if (isTensor(v)) {
    const t = v as TensorShape;
    if (t.isDisposed || t.size > 10_000 || t.size === 0) return false;
    for (let i = 0; i < t.data.length; i++) if (Number.isNaN(t.data[i])) return true;
    return false;
  }
  if (Array.isArray(v)) return v.slice(0, 1000).some((x) => hasNaN(x, isTensor, depth + 1));
  if (Object.getPrototypeOf(v) !== Object.prototype) return false;
  return Object.values(v).some((x) => hasNaN(x, isTensor, depth + 1));
}

/** What the oracle needs from the fuzzed packages. */
export interface OracleContext {
  /** The base class of the project's errors. */
  readonly GradlabError: new (...a: never[]) => Error;
  /** Tells a Tensor from other objects. */
  readonly isTensor: (x: unknown) => boolean;
  /** Whether NaN in a result counts as a failure for this export (false for IEEE tensor arithmetic). */
  readonly checkNaN: boolean;
}

function judgeError(e: unknown, ctx: OracleContext): Outcome {
  if (e instanceof ctx.GradlabError) return { kind: 'typed', error: e.constructor.name };
  const err = e instanceof Error ? e : new Error(typeof e === 'string' ? e : typeof e);
  return { kind: 'fail', reason: `untyped ${err.name}: ${err.message.slice(0, 300)}` };
}

function judgeResult(out: unknown, args: readonly unknown[], ctx: OracleContext): Outcome {
  if (ctx.checkNaN && hasNaN(out, ctx.isTensor) && !args.some((a) => hasNonFinite(a, ctx.isTensor))) {
    return { kind: 'fail', reason: 'NaN from finite input' };
  }
  return { kind: 'result' };
}

/**
 * Calls `fn(...args)` and judges the outcome (awaiting a returned promise).
 * @param fn the export
 * @param args the materialized arguments
 * @param ctx the oracle's context
 * @returns the verdict
 */
export async function runCase(fn: AnyFn, args: readonly unknown[], ctx: OracleContext): Promise<Outcome> {
  let out: unknown;
  try {
    out = fn(...args);
  } catch (e) {
    return judgeError(e, ctx);
  }
  if (out instanceof Promise) {
    try {
      out = await out;
    } catch (e) {
      return judgeError(e, ctx);
    }
  }
  try {
    return judgeResult(out, args, ctx);
  } catch (e) {
    // Reading the result itself failed (e.g. a getter threw).
    return judgeError(e, ctx);
  }
}
