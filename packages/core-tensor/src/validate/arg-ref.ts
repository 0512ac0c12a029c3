import { ValueError } from '../errors.ts';

/** Where a checked value comes from: the package, the public function, and the argument's name. */
export interface ArgRef {
  /** The package that owns the function, e.g. `prob` (default `core-tensor`). */
  pkg?: string | undefined;
  /** The public function or factory, e.g. `gaussian`. */
  op: string;
  /** The argument, e.g. `x` or `options.lr`. */
  arg: string;
}

/**
 * Checks the `at` argument of the boundary helpers themselves (they are public too).
 * @param at what the caller passed as `at`
 * @param helper the helper's name
 * @returns at, known to be an ArgRef
 */
export function checkRef(at: unknown, helper: string): ArgRef {
  const r = at as Partial<ArgRef> | null | undefined;
  if (r === null || typeof r !== 'object' || typeof r.op !== 'string' || (r.arg !== undefined && typeof r.arg !== 'string') || (r.pkg !== undefined && typeof r.pkg !== 'string')) {
    throw new ValueError('at must name the function and the argument', { op: helper, arg: 'at', expected: '{ pkg?: string, op: string, arg: string }', received: describeType(at) });
  }
  return { pkg: r.pkg, op: r.op, arg: r.arg ?? 'value' };
}

/** A short description of a value's JS type for messages: `null`, `an array`, `a string ("ab")`. */
export function describeType(v: unknown): string {
  if (v === null) return 'null';
  if (v === undefined) return 'undefined';
  if (Array.isArray(v)) return `an array of length ${v.length}`;
  if (typeof v === 'string') return `a string (${JSON.stringify(v.length > 20 ? `${v.slice(0, 20)}…` : v)})`;
  if (typeof v === 'number') return Number.isNaN(v) ? 'NaN' : String(v);
  if (typeof v === 'function') return 'a function';
  if (typeof v === 'object') {
    const name = (v as { constructor?: { name?: unknown } }).constructor?.name;
    return typeof name === 'string' && name !== 'Object' ? `a ${name}` : 'an object';
  }
  return typeof v;
}

/** The value to store in an error's `received` field: numbers as they are, anything else described. */
export function receivedValue(v: unknown): unknown {
  return typeof v === 'number' || typeof v === 'boolean' ? v : describeType(v);
}
