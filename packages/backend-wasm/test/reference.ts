// Plain-JS reference implementations (float64 arithmetic) the wasm kernels are tested against.
import { rng } from '@gradlab/core-tensor';
import type { StridedArray } from '@gradlab/core-tensor';
import { rowMajorStrides as rowMajor } from '../src/strides.ts';

/** A row-major strided view of `data` with the given shape. */
export function view(data: Float32Array | Float64Array, shape: number[], strides?: number[], offset = 0): StridedArray {
  const s = strides ?? rowMajor(shape);
  return { data, dtype: data instanceof Float32Array ? 'float32' : 'float64', shape, strides: s, offset };
}

/** Row-major strides of a shape (the kernels' own helper: trivial, and tested through every test here). */
export { rowMajor };

/** `size` normal(0, 1) samples from a seeded Rng, as the given array type. */
export function randomArray(kind: 'float32' | 'float64', size: number, seed: number): Float32Array | Float64Array {
  const r = rng(seed);
  const out = kind === 'float32' ? new Float32Array(size) : new Float64Array(size);
  for (let i = 0; i < size; i++) out[i] = r.normal();
  return out;
}

/** Element [idx] of a strided view. */
export function at(x: StridedArray, idx: readonly number[]): number {
  let o = x.offset;
  for (let d = 0; d < idx.length; d++) o += (idx[d] as number) * (x.strides[d] as number);
  return x.data[o] as number;
}

/** Every multi-index of a shape, row-major. */
export function* indices(shape: readonly number[]): Generator<number[]> {
  const size = shape.reduce((a, b) => a * b, 1);
  const idx = new Array<number>(shape.length).fill(0);
  for (let t = 0; t < size; t++) {
    yield idx.slice();
    for (let d = shape.length - 1; d >= 0; d--) {
      idx[d] = (idx[d] as number) + 1;
      if ((idx[d] as number) < (shape[d] as number)) break;
      idx[d] = 0;
    }
  }
}

/** Batched matmul in float64: a [...batch, m, k] · b [...batch, k, n], row-major result. */
export function matmulReference(a: StridedArray, b: StridedArray): Float64Array {
  const rank = a.shape.length;
  const m = a.shape[rank - 2] as number;
  const k = a.shape[rank - 1] as number;
  const n = b.shape[rank - 1] as number;
  const batch = a.shape.slice(0, rank - 2);
  const out: number[] = [];
  for (const bi of indices(batch)) {
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < n; j++) {
        let s = 0;
        for (let p = 0; p < k; p++) s += at(a, [...bi, i, p]) * at(b, [...bi, p, j]);
        out.push(s);
      }
    }
  }
  return Float64Array.from(out);
}

/** Largest |got − want| / (1 + |want|). */
export function maxRelError(got: ArrayLike<number>, want: ArrayLike<number>): number {
  if (got.length !== want.length) return Infinity;
  let worst = 0;
  for (let i = 0; i < got.length; i++) {
    const g = got[i] as number;
    const w = want[i] as number;
    if (Number.isNaN(g) !== Number.isNaN(w)) return Infinity;
    if (Number.isNaN(w) || g === w) continue;
    worst = Math.max(worst, Math.abs(g - w) / (1 + Math.abs(w)));
  }
  return worst;
}
