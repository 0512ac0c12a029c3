// Strided gather into a contiguous row-major block: out[i0, i1, ...] = x[Σ i_k·strides[k]].
// meta: i32[2·rank] = shape, strides of x (elements, any sign); index: rank i32 of scratch.

@inline function copyNd<T>(out: usize, x: usize, rank: i32, meta: usize, index: usize): void {
  const size = <usize>sizeof<T>();
  if (rank == 0) {
    store<T>(out, load<T>(x));
    return;
  }
  const last = rank - 1;
  const n = load<i32>(meta + <usize>last * 4);
  const s = load<i32>(meta + <usize>(rank + last) * 4);
  let rows = 1;
  for (let d = 0; d < last; d++) {
    rows *= load<i32>(meta + <usize>d * 4);
    store<i32>(index + <usize>d * 4, 0);
  }
  let off = 0;
  let o = out;
  for (let r = 0; r < rows; r++) {
    const src = x + <usize>off * size;
    if (s == 1) {
      memory.copy(o, src, <usize>n * size);
    } else {
      for (let i = 0; i < n; i++) store<T>(o + <usize>i * size, load<T>(src + <usize>(i * s) * size));
    }
    o += <usize>n * size;
    for (let d = last - 1; d >= 0; d--) {
      const id = index + <usize>d * 4;
      const v = load<i32>(id) + 1;
      const dim = load<i32>(meta + <usize>d * 4);
      const str = load<i32>(meta + <usize>(rank + d) * 4);
      if (v < dim) {
        store<i32>(id, v);
        off += str;
        break;
      }
      store<i32>(id, 0);
      off -= str * (dim - 1);
    }
  }
}

/** Strided float32 gather into contiguous `out`. */
export function copyF32(out: usize, x: usize, rank: i32, meta: usize, index: usize): void {
  copyNd<f32>(out, x, rank, meta, index);
}

/** Strided float64 gather into contiguous `out`. */
export function copyF64(out: usize, x: usize, rank: i32, meta: usize, index: usize): void {
  copyNd<f64>(out, x, rank, meta, index);
}
