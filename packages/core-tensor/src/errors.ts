/**
 * Typed errors of gradlab. Every message names the package, the function (op), the argument,
 * what was expected and what was received, so that the fix can be read off the message:
 *
 * `[gradlab/core-tensor] matmul: inner dimensions must match: a is [2, 3], b is [4, 5] ...`
 */

/** The fields every gradlab error carries, besides its message. */
export interface GradlabErrorDetails {
  /** The package that raised the error, e.g. `core-tensor`. Defaults to `core-tensor`. */
  pkg?: string | undefined;
  /** The function or op that rejected its input, e.g. `matmul`. */
  op: string;
  /** The argument at fault, e.g. `b` or `options.lr`. */
  arg?: string | undefined;
  /** What was expected, in words or as a value. */
  expected?: unknown;
  /** What was received. */
  received?: unknown;
  /** A hint for a common fix. */
  hint?: string | undefined;
}

function describeValue(v: unknown): string {
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return `[${v.map((x) => describeValue(x)).join(', ')}]`;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  if (v === undefined) return 'undefined';
  if (v === null) return 'null';
  try {
    return JSON.stringify(v);
  } catch {
    return Object.prototype.toString.call(v);
  }
}

function formatMessage(summary: string, d: GradlabErrorDetails): string {
  let msg = `[gradlab/${d.pkg ?? 'core-tensor'}] ${d.op}: ${summary}`;
  const parts: string[] = [];
  if (d.arg !== undefined) parts.push(`argument ${d.arg}`);
  if (d.expected !== undefined) parts.push(`expected ${describeValue(d.expected)}`);
  if (d.received !== undefined) parts.push(`received ${describeValue(d.received)}`);
  if (parts.length > 0) msg += ` (${parts.join('; ')})`;
  if (d.hint !== undefined) msg += `. Hint: ${d.hint}`;
  return msg;
}

/** Base class of every error gradlab throws on bad input. */
export class GradlabError extends Error {
  readonly pkg: string;
  readonly op: string;
  readonly arg: string | undefined;
  readonly expected: unknown;
  readonly received: unknown;
  readonly hint: string | undefined;

  constructor(summary: string, details: GradlabErrorDetails) {
    super(formatMessage(summary, details));
    this.name = new.target.name;
    this.pkg = details.pkg ?? 'core-tensor';
    this.op = details.op;
    this.arg = details.arg;
    this.expected = details.expected;
    this.received = details.received;
    this.hint = details.hint;
  }
}

/** Shapes that do not fit the op: mismatched dimensions, wrong rank, a size that does not divide. */
export class ShapeError extends GradlabError {}

/** A dtype the op does not accept, e.g. `log` of an `int32` tensor. */
export class DTypeError extends GradlabError {}

/** A value outside the op's domain: NaN where a number is needed, a negative probability, K > N. */
export class ValueError extends GradlabError {}

/** A backend that lacks a kernel the op needs, or no backend selected. */
export class BackendError extends GradlabError {}

/** A tensor used after `dispose()`, or after the `tidy` scope that created it ended. */
export class DisposedError extends GradlabError {}
