// Shape and stride arithmetic for the kernels' calling side.

/** Number of elements of a shape. */
export function sizeOfShape(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

/** The row-major (C-order) element strides of `shape`. */
export function rowMajorStrides(shape: readonly number[]): number[] {
  const s = new Array<number>(shape.length);
  let acc = 1;
  for (let d = shape.length - 1; d >= 0; d--) {
    s[d] = acc;
    acc *= shape[d] as number;
  }
  return s;
}

/** True when `strides` walk `shape` in row-major order without gaps (size-1 dims may have any stride). */
export function isRowMajor(shape: readonly number[], strides: readonly number[]): boolean {
  let expected = 1;
  for (let d = shape.length - 1; d >= 0; d--) {
    const n = shape[d] as number;
    if (n !== 1 && strides[d] !== expected) return false;
    expected *= n;
  }
  return true;
}

/**
 * Merges adjacent dims that every operand walks with compatible strides and drops size-1 dims,
 * so the kernels' inner loop runs over the longest possible rows. Returns rank ≥ 1.
 */
export function coalesce(shape: readonly number[], strides: readonly (readonly number[])[]): { shape: number[]; strides: number[][] } {
  const outShape: number[] = [];
  const outStrides: number[][] = strides.map(() => []);
  for (let d = 0; d < shape.length; d++) {
    const n = shape[d] as number;
    if (n === 1) continue;
    const last = outShape.length - 1;
    const merge = last >= 0 && strides.every((s, k) => (outStrides[k] as number[])[last] === (s[d] as number) * n);
    if (merge) {
      outShape[last] = (outShape[last] as number) * n;
      strides.forEach((s, k) => ((outStrides[k] as number[])[last] = s[d] as number));
    } else {
      outShape.push(n);
      strides.forEach((s, k) => (outStrides[k] as number[]).push(s[d] as number));
    }
  }
  if (outShape.length === 0) {
    outShape.push(1);
    for (const s of outStrides) s.push(0);
  }
  return { shape: outShape, strides: outStrides };
}
