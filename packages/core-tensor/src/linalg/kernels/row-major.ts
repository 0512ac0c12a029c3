/**
 * Dense row-major float64 matrices, the storage every linear-algebra kernel works on: entry (i, j)
 * of an m×n matrix lives at `data[i * n + j]`.
 */

/** The machine epsilon of float64, 2^-52. */
export const EPS64 = 2 ** -52;

/** The n×n identity matrix. */
export function identity(n: number): Float64Array {
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) out[i * n + i] = 1;
  return out;
}

/** The transpose of the m×n matrix `a`, as an n×m matrix. */
export function transpose(a: Float64Array, m: number, n: number): Float64Array {
  const out = new Float64Array(m * n);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) out[j * m + i] = a[i * n + j]!;
  }
  return out;
}

/** The product of the m×k matrix `a` and the k×n matrix `b`, an m×n matrix. */
export function matmul(a: Float64Array, b: Float64Array, m: number, k: number, n: number): Float64Array {
  const out = new Float64Array(m * n);
  for (let i = 0; i < m; i++) {
    for (let p = 0; p < k; p++) {
      const aip = a[i * k + p]!;
      if (aip === 0) continue;
      for (let j = 0; j < n; j++) out[i * n + j]! += aip * b[p * n + j]!;
    }
  }
  return out;
}

/** The largest absolute entry of `a` (0 for an empty matrix). */
export function maxAbs(a: Float64Array): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) {
    const v = Math.abs(a[i]!);
    if (v > m) m = v;
  }
  return m;
}

/** The Euclidean norm of `v`, scaled so that it neither overflows nor underflows. */
export function norm2(v: Float64Array): number {
  const scale = maxAbs(v);
  if (scale === 0) return 0;
  let s = 0;
  for (let i = 0; i < v.length; i++) {
    const x = v[i]! / scale;
    s += x * x;
  }
  return scale * Math.sqrt(s);
}

/**
 * A power of two close to 1/max|a|, to bring the entries of `a` near 1 before sums of squares
 * (which would overflow past 1e154 or underflow below 1e-154). Scaling by a power of two is
 * exact. 1 for a zero matrix.
 */
export function unitScale(a: Float64Array): number {
  const m = maxAbs(a);
  if (m === 0 || !Number.isFinite(m)) return 1;
  return 2 ** -Math.min(1000, Math.max(-1000, Math.round(Math.log2(m))));
}
