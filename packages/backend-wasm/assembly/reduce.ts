// Reductions over one axis of a tensor viewed as [outer, r, inner] (row-major, contiguous):
//   out[o, i] = reduce_{j < r} x[o, j, i]
// inner == 1 reduces contiguous runs (SIMD partial sums, then a horizontal step); inner > 1 sweeps
// whole rows of `inner` elements, accumulating in SIMD across the inner axis.

export const SUM: i32 = 0;
export const MAXR: i32 = 1;
export const MINR: i32 = 2;
export const PROD: i32 = 3;

@inline function identity<T>(op: i32): T {
  if (op == SUM) return <T>0;
  if (op == PROD) return <T>1;
  if (op == MAXR) return <T>-Infinity;
  return <T>Infinity;
}

@inline function combine<T>(op: i32, x: T, y: T): T {
  if (op == SUM) return x + y;
  if (op == PROD) return x * y;
  if (isNaN(x) || isNaN(y)) return <T>NaN;
  if (op == MAXR) return max<T>(x, y);
  return min<T>(x, y);
}

@inline function combineV<T>(op: i32, x: v128, y: v128): v128 {
  if (op == SUM) return v128.add<T>(x, y);
  if (op == PROD) return v128.mul<T>(x, y);
  if (op == MAXR) return v128.max<T>(x, y);
  return v128.min<T>(x, y);
}

// float32 sums accumulate in float64 (the contract's rule): each f32x4 is widened to two f64x2.
function sumF32WideF64(out: usize, x: usize, outer: i32, r: i32, inner: i32): void {
  if (inner == 1) {
    let src = x;
    for (let o = 0; o < outer; o++) {
      let lo = f64x2.splat(0), hi = f64x2.splat(0);
      let j = 0;
      const vn = r - (r % 4);
      for (; j < vn; j += 4) {
        const v = v128.load(src + <usize>j * 4);
        lo = f64x2.add(lo, f64x2.promote_low_f32x4(v));
        hi = f64x2.add(hi, f64x2.promote_low_f32x4(i32x4.shuffle(v, v, 2, 3, 0, 1)));
      }
      const s = f64x2.add(lo, hi);
      let acc = f64x2.extract_lane(s, 0) + f64x2.extract_lane(s, 1);
      for (; j < r; j++) acc += <f64>load<f32>(src + <usize>j * 4);
      store<f32>(out + <usize>o * 4, <f32>acc);
      src += <usize>r * 4;
    }
    return;
  }
  const rowBytes = <usize>inner * 4;
  const vn = inner - (inner % 4);
  for (let o = 0; o < outer; o++) {
    const dst = out + <usize>o * rowBytes;
    const base = x + <usize>o * <usize>r * rowBytes;
    let i = 0;
    for (; i < vn; i += 4) {
      let lo = f64x2.splat(0), hi = f64x2.splat(0);
      let p = base + <usize>i * 4;
      for (let j = 0; j < r; j++) {
        const v = v128.load(p);
        lo = f64x2.add(lo, f64x2.promote_low_f32x4(v));
        hi = f64x2.add(hi, f64x2.promote_low_f32x4(i32x4.shuffle(v, v, 2, 3, 0, 1)));
        p += rowBytes;
      }
      v128.store64_lane(dst + <usize>i * 4, f32x4.demote_f64x2_zero(lo), 0);
      v128.store64_lane(dst + <usize>i * 4 + 8, f32x4.demote_f64x2_zero(hi), 0);
    }
    for (; i < inner; i++) {
      let acc: f64 = 0;
      let p = base + <usize>i * 4;
      for (let j = 0; j < r; j++) {
        acc += <f64>load<f32>(p);
        p += rowBytes;
      }
      store<f32>(dst + <usize>i * 4, <f32>acc);
    }
  }
}

@inline function reduceAxis<T>(op: i32, out: usize, x: usize, outer: i32, r: i32, inner: i32): void {
  const size = <usize>sizeof<T>();
  const lanes = 16 / <i32>sizeof<T>();
  if (op == SUM && sizeof<T>() == 4) {
    sumF32WideF64(out, x, outer, r, inner);
    return;
  }
  if (inner == 1) {
    let src = x;
    for (let o = 0; o < outer; o++) {
      // Four independent vector accumulators hide the add latency.
      const id = v128.splat<T>(identity<T>(op));
      let v0 = id, v1 = id, v2 = id, v3 = id;
      let j = 0;
      const step = 4 * lanes;
      const vn = r - (r % step);
      for (; j < vn; j += step) {
        const p = src + <usize>j * size;
        v0 = combineV<T>(op, v0, v128.load(p));
        v1 = combineV<T>(op, v1, v128.load(p, 16));
        v2 = combineV<T>(op, v2, v128.load(p, 32));
        v3 = combineV<T>(op, v3, v128.load(p, 48));
      }
      v0 = combineV<T>(op, combineV<T>(op, v0, v1), combineV<T>(op, v2, v3));
      let acc = identity<T>(op);
      for (let l = 0; l < lanes; l++) {
        const lane: T = sizeof<T>() == 4 ? <T>f32x4.extract_lane(v0, 0) : <T>f64x2.extract_lane(v0, 0);
        acc = combine<T>(op, acc, lane);
        v0 = sizeof<T>() == 4 ? i32x4.shuffle(v0, v0, 1, 2, 3, 0) : i64x2.shuffle(v0, v0, 1, 0);
      }
      for (; j < r; j++) acc = combine<T>(op, acc, load<T>(src + <usize>j * size));
      store<T>(out + <usize>o * size, acc);
      src += <usize>r * size;
    }
    return;
  }
  const rowBytes = <usize>inner * size;
  const vn = inner - (inner % lanes);
  for (let o = 0; o < outer; o++) {
    const dst = out + <usize>o * rowBytes;
    const base = x + <usize>o * <usize>r * rowBytes;
    const id = v128.splat<T>(identity<T>(op));
    let i = 0;
    for (; i < vn; i += lanes) {
      let acc = id;
      let p = base + <usize>i * size;
      for (let j = 0; j < r; j++) {
        acc = combineV<T>(op, acc, v128.load(p));
        p += rowBytes;
      }
      v128.store(dst + <usize>i * size, acc);
    }
    for (; i < inner; i++) {
      let acc = identity<T>(op);
      let p = base + <usize>i * size;
      for (let j = 0; j < r; j++) {
        acc = combine<T>(op, acc, load<T>(p));
        p += rowBytes;
      }
      store<T>(dst + <usize>i * size, acc);
    }
  }
}

function reduceT<T>(op: i32, out: usize, x: usize, outer: i32, r: i32, inner: i32): void {
  switch (op) {
    case SUM: reduceAxis<T>(SUM, out, x, outer, r, inner); break;
    case MAXR: reduceAxis<T>(MAXR, out, x, outer, r, inner); break;
    case MINR: reduceAxis<T>(MINR, out, x, outer, r, inner); break;
    default: reduceAxis<T>(PROD, out, x, outer, r, inner);
  }
}

/** Reduces x viewed as [outer, r, inner] over its middle axis into out [outer, inner], float32. */
export function reduceF32(op: i32, out: usize, x: usize, outer: i32, r: i32, inner: i32): void {
  reduceT<f32>(op, out, x, outer, r, inner);
}

/** Reduces x viewed as [outer, r, inner] over its middle axis into out [outer, inner], float64. */
export function reduceF64(op: i32, out: usize, x: usize, outer: i32, r: i32, inner: i32): void {
  reduceT<f64>(op, out, x, outer, r, inner);
}
