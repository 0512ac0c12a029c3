import { describeType, requireObject, ShapeError, ValueError } from '@gradlab/core-tensor';

/** The sample indices of each class, classes in ascending label order. */
export function classIndices(labels: ArrayLike<number>, op: string): number[][] {
  const byLabel = new Map<number, number[]>();
  for (let i = 0; i < labels.length; i++) {
    const y = labels[i] as number;
    if (typeof y !== 'number' || Number.isNaN(y)) {
      throw new ValueError('labels must be numbers', { pkg: 'data', op, arg: `labels[${i}]`, expected: 'a class label', received: y });
    }
    const list = byLabel.get(y);
    if (list === undefined) byLabel.set(y, [i]);
    else list.push(i);
  }
  return [...byLabel.entries()].sort((a, b) => a[0] - b[0]).map(([, v]) => v);
}

/** Checks that two arrays describe the same N samples. */
export function checkSameLength(a: { length: number }, b: { length: number }, where: { op: string; a: string; b: string }): void {
  if (a.length !== b.length) {
    throw new ShapeError(`${where.a} and ${where.b} must have the same length`, { pkg: 'data', op: where.op, arg: where.b, expected: `${a.length} entries (as ${where.a})`, received: `${b.length} entries` });
  }
}

/**
 * Checks a data-set argument: an object with `x` (a matrix `[N, D]`) and `t` (N targets), as made
 * by `dataset()` and the loaders, so a wrong argument is a typed error rather than a crash.
 */
export function checkDataset(data: unknown, op: string, arg = 'data'): void {
  const d = requireObject<{ x?: unknown; t?: unknown }>(data, { pkg: 'data', op, arg });
  const x = d.x as { data?: unknown; shape?: unknown } | null | undefined;
  const t = d.t as { length?: unknown } | null | undefined;
  const xOk = x !== null && typeof x === 'object' && ArrayBuffer.isView(x.data) && Array.isArray(x.shape) && x.shape.length === 2;
  const tOk = t !== null && t !== undefined && ArrayBuffer.isView(t);
  if (!xOk || !tOk || (x.shape as number[])[0] !== (t as { length: number }).length) {
    throw new ValueError('expected a data set { x: [N, D], t: [N] }', { pkg: 'data', op, arg, expected: 'a Dataset, e.g. from dataset(x, t) or loadIris()', received: describeType(data) });
  }
}
