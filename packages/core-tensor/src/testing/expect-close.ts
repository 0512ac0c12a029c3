import { Tensor } from '../tensor.ts';
import type { NestedArray } from '../tensor.ts';
import { GradlabError } from '../errors.ts';
import { fmtShape } from '../shape.ts';

/** What {@link expectClose} compares: tensors, numbers, nested arrays or typed arrays. */
export type Comparable = Tensor | NestedArray | ArrayLike<number>;

/** Tolerances of {@link expectClose}: |actual − expected| ≤ atol + rtol·|expected|. */
export interface CloseOptions {
  /** Relative tolerance (default 1e-5, as numpy.allclose). */
  rtol?: number;
  /** Absolute tolerance (default 1e-8). */
  atol?: number;
}

/** Thrown by {@link expectClose} when values differ beyond the tolerance. */
export class NotCloseError extends GradlabError {}

function flat(x: Comparable): { values: number[]; shape: number[] | undefined } {
  if (x instanceof Tensor) return { values: Array.from(x.data, Number), shape: [...x.shape] };
  if (typeof x === 'number') return { values: [x], shape: [] };
  if (Array.isArray(x)) {
    const shape: number[] = [];
    let cur: unknown = x;
    while (Array.isArray(cur)) {
      shape.push(cur.length);
      cur = cur[0];
    }
    return { values: (x).flat(Infinity as 1) as number[], shape };
  }
  return { values: Array.from(x, Number), shape: undefined };
}

/**
 * Asserts two values are elementwise close (NumPy's allclose rule; NaN matches NaN, infinities
 * must match exactly). Framework-free: it throws, so it works in any test runner.
 * @param actual
 * @param expected tensors, numbers, nested arrays or typed arrays of the same shape
 * @param options rtol, atol
 * @returns nothing; it throws on mismatch
 * @throws NotCloseError naming the shape mismatch, or the worst element: index, actual, expected
 * @example
 * expectClose(tensor([1, 2]).mul(0.1), [0.1, 0.2]);
 */
export function expectClose(actual: Comparable, expected: Comparable, options?: CloseOptions): void {
  const rtol = options?.rtol ?? 1e-5;
  const atol = options?.atol ?? 1e-8;
  const a = flat(actual);
  const e = flat(expected);
  const shapesKnown = a.shape !== undefined && e.shape !== undefined;
  if ((shapesKnown && fmtShape(a.shape as number[]) !== fmtShape(e.shape as number[]) && a.values.length !== e.values.length) || a.values.length !== e.values.length) {
    throw new NotCloseError('shapes differ', { op: 'expectClose', arg: 'actual', expected: e.shape ?? `${e.values.length} values`, received: a.shape ?? `${a.values.length} values` });
  }
  let bad = 0;
  let worst = -1;
  let worstExcess = -Infinity;
  for (let i = 0; i < a.values.length; i++) {
    const u = a.values[i] as number;
    const v = e.values[i] as number;
    let ok: boolean;
    let excess: number;
    if (Number.isNaN(u) || Number.isNaN(v)) {
      ok = Number.isNaN(u) && Number.isNaN(v);
      excess = Infinity;
    } else if (!Number.isFinite(u) || !Number.isFinite(v)) {
      ok = u === v;
      excess = Infinity;
    } else {
      const diff = Math.abs(u - v);
      excess = diff - (atol + rtol * Math.abs(v));
      ok = excess <= 0;
    }
    if (!ok) {
      bad++;
      if (excess > worstExcess) {
        worstExcess = excess;
        worst = i;
      }
    }
  }
  if (bad > 0) {
    const u = a.values[worst] as number;
    const v = e.values[worst] as number;
    throw new NotCloseError(`${bad} of ${a.values.length} elements differ beyond atol=${atol}, rtol=${rtol}; worst at flat index ${worst}: actual ${u}, expected ${v} (|diff| ${Math.abs(u - v)})`, {
      op: 'expectClose',
      arg: 'actual',
    });
  }
}
