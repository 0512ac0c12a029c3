import type { StridedArray } from '../backend.ts';
import { isRowMajor } from '../../shape.ts';

/**
 * Merges adjacent dims that every operand walks with compatible strides, and drops size-1 dims,
 * so that strided loops run over as few, as long rows as possible.
 * @returns the coalesced shape and one stride list per operand (rank ≥ 1)
 */
export function coalesce(shape: readonly number[], strides: readonly (readonly number[])[]): { shape: number[]; strides: number[][] } {
  const outShape: number[] = [];
  const outStrides: number[][] = strides.map(() => []);
  for (let d = 0; d < shape.length; d++) {
    const n = shape[d] as number;
    if (n === 1) continue;
    const last = outShape.length - 1;
    let merge = last >= 0;
    if (merge) {
      for (let k = 0; k < strides.length; k++) {
        const sk = (strides[k] as readonly number[])[d] as number;
        const prev = (outStrides[k] as number[])[last] as number;
        if (prev !== sk * n) {
          merge = false;
          break;
        }
      }
    }
    if (merge) {
      outShape[last] = (outShape[last] as number) * n;
      for (let k = 0; k < strides.length; k++) (outStrides[k] as number[])[last] = (strides[k] as readonly number[])[d] as number;
    } else {
      outShape.push(n);
      for (let k = 0; k < strides.length; k++) (outStrides[k] as number[]).push((strides[k] as readonly number[])[d] as number);
    }
  }
  if (outShape.length === 0) {
    outShape.push(1);
    for (const s of outStrides) s.push(0);
  }
  return { shape: outShape, strides: outStrides };
}

/**
 * Calls `row(offsets, n, innerStrides)` once per row of the (coalesced) iteration space: the
 * callback runs a tight loop of `n` elements where operand k starts at `offsets[k]` and steps by
 * `innerStrides[k]`. The per-row call keeps closures out of the per-element loop.
 */
export function forEachRow(
  shape: readonly number[],
  strides: readonly (readonly number[])[],
  offsets: readonly number[],
  row: (offsets: number[], n: number, innerStrides: number[]) => void,
): void {
  for (const d of shape) if (d === 0) return;
  const c = coalesce(shape, strides);
  const r = c.shape.length;
  const k = strides.length;
  const n = c.shape[r - 1] as number;
  const inner = c.strides.map((s) => s[r - 1] as number);
  const pos = offsets.slice();
  const cur = pos.slice();
  const counters = new Array<number>(r - 1).fill(0);
  for (;;) {
    for (let q = 0; q < k; q++) cur[q] = pos[q] as number;
    row(cur, n, inner);
    let d = r - 2;
    for (; d >= 0; d--) {
      const cnt = (counters[d] as number) + 1;
      if (cnt < (c.shape[d] as number)) {
        counters[d] = cnt;
        for (let q = 0; q < k; q++) pos[q] = (pos[q] as number) + ((c.strides[q] as number[])[d] as number);
        break;
      }
      counters[d] = 0;
      for (let q = 0; q < k; q++) pos[q] = (pos[q] as number) - ((c.strides[q] as number[])[d] as number) * (cnt - 1);
    }
    if (d < 0) return;
  }
}

/** True when x's elements lie row-major from x.offset (no copy needed to read them in order). */
export function isContiguous(x: StridedArray): boolean {
  return isRowMajor(x.shape, x.strides);
}
