// Softmax over the last axis of a row-major [rows, n] block, and its vector-Jacobian product:
//   y = exp(x − max x) / Σ exp(x − max x)        dx = y ⊙ (g − Σ g ⊙ y)
// One call does per row what the composed ops do in five (max, sub, exp, sum, div) or three (mul,
// sum, sub/mul) passes over memory; the row stays in L1 between its passes. float32 rounds exactly
// as those kernels do (the same exp polynomial; sums accumulated in float64 in the reduce kernel's
// lane order), so the fused and the composed forward give the same bits on this backend.
import { expF32x4 } from './elementwise';

/** Σ of a float32 row in float64, in reduceF32's order: lanes {0,1} and {2,3} in two f64x2, then the tail. */
@inline function sumRowF32(p: usize, n: i32): f32 {
  let lo = f64x2.splat(0), hi = f64x2.splat(0);
  let j = 0;
  const vn = n - (n & 3);
  for (; j < vn; j += 4) {
    const v = v128.load(p + <usize>j * 4);
    lo = f64x2.add(lo, f64x2.promote_low_f32x4(v));
    hi = f64x2.add(hi, f64x2.promote_low_f32x4(i32x4.shuffle(v, v, 2, 3, 0, 1)));
  }
  const s = f64x2.add(lo, hi);
  let acc = f64x2.extract_lane(s, 0) + f64x2.extract_lane(s, 1);
  for (; j < n; j++) acc += <f64>load<f32>(p + <usize>j * 4);
  return <f32>acc;
}

/** Softmax of each float32 row of x [rows, n] into out (may not alias x). */
export function softmaxF32(out: usize, x: usize, rows: i32, n: i32): void {
  const vn = n - (n & 3);
  for (let r = 0; r < rows; r++) {
    const px = x + <usize>r * <usize>n * 4;
    const po = out + <usize>r * <usize>n * 4;
    // max, NaN-propagating (f32x4.max does; the scalar tail checks).
    let mv = f32x4.splat(-Infinity);
    let j = 0;
    for (; j < vn; j += 4) mv = f32x4.max(mv, v128.load(px + <usize>j * 4));
    let m = max(max(f32x4.extract_lane(mv, 0), f32x4.extract_lane(mv, 1)), max(f32x4.extract_lane(mv, 2), f32x4.extract_lane(mv, 3)));
    for (; j < n; j++) {
      const v = load<f32>(px + <usize>j * 4);
      m = isNaN(v) || isNaN(m) ? NaN : max(m, v);
    }
    const ms = f32x4.splat(m);
    for (j = 0; j < vn; j += 4) v128.store(po + <usize>j * 4, expF32x4(f32x4.sub(v128.load(px + <usize>j * 4), ms)));
    for (; j < n; j++) store<f32>(po + <usize>j * 4, f32x4.extract_lane(expF32x4(f32x4.splat(load<f32>(px + <usize>j * 4) - m)), 0));
    const s = sumRowF32(po, n);
    const ss = f32x4.splat(s);
    for (j = 0; j < vn; j += 4) v128.store(po + <usize>j * 4, f32x4.div(v128.load(po + <usize>j * 4), ss));
    for (; j < n; j++) store<f32>(po + <usize>j * 4, load<f32>(po + <usize>j * 4) / s);
  }
}

/** dx = y ⊙ (g − Σ g ⊙ y) per float32 row; the products are rounded to float32 before the sum, as mul then sum would. */
export function softmaxGradF32(out: usize, y: usize, g: usize, rows: i32, n: i32): void {
  const vn = n - (n & 3);
  for (let r = 0; r < rows; r++) {
    const off = <usize>r * <usize>n * 4;
    const py = y + off;
    const pg = g + off;
    const po = out + off;
    let lo = f64x2.splat(0), hi = f64x2.splat(0);
    let j = 0;
    for (; j < vn; j += 4) {
      const v = f32x4.mul(v128.load(pg + <usize>j * 4), v128.load(py + <usize>j * 4));
      lo = f64x2.add(lo, f64x2.promote_low_f32x4(v));
      hi = f64x2.add(hi, f64x2.promote_low_f32x4(i32x4.shuffle(v, v, 2, 3, 0, 1)));
    }
    const sv = f64x2.add(lo, hi);
    let acc = f64x2.extract_lane(sv, 0) + f64x2.extract_lane(sv, 1);
    for (; j < n; j++) acc += <f64>(load<f32>(pg + <usize>j * 4) * load<f32>(py + <usize>j * 4));
    const s = <f32>acc;
    const ss = f32x4.splat(s);
    for (j = 0; j < vn; j += 4) {
      v128.store(po + <usize>j * 4, f32x4.mul(v128.load(py + <usize>j * 4), f32x4.sub(v128.load(pg + <usize>j * 4), ss)));
    }
    for (; j < n; j++) store<f32>(po + <usize>j * 4, load<f32>(py + <usize>j * 4) * (load<f32>(pg + <usize>j * 4) - s));
  }
}

/** Softmax of each float64 row (scalar; exp is AssemblyScript's port of musl, as in unaryF64). */
export function softmaxF64(out: usize, x: usize, rows: i32, n: i32): void {
  for (let r = 0; r < rows; r++) {
    const px = x + <usize>r * <usize>n * 8;
    const po = out + <usize>r * <usize>n * 8;
    let m: f64 = -Infinity;
    for (let j = 0; j < n; j++) {
      const v = load<f64>(px + <usize>j * 8);
      m = isNaN(v) || isNaN(m) ? NaN : max(m, v);
    }
    let s: f64 = 0;
    for (let j = 0; j < n; j++) {
      const e = Math.exp(load<f64>(px + <usize>j * 8) - m);
      store<f64>(po + <usize>j * 8, e);
      s += e;
    }
    for (let j = 0; j < n; j++) store<f64>(po + <usize>j * 8, load<f64>(po + <usize>j * 8) / s);
  }
}

/** dx = y ⊙ (g − Σ g ⊙ y) per float64 row. */
export function softmaxGradF64(out: usize, y: usize, g: usize, rows: i32, n: i32): void {
  for (let r = 0; r < rows; r++) {
    const off = <usize>r * <usize>n * 8;
    let s: f64 = 0;
    for (let j = 0; j < n; j++) s += load<f64>(g + off + <usize>j * 8) * load<f64>(y + off + <usize>j * 8);
    for (let j = 0; j < n; j++) store<f64>(out + off + <usize>j * 8, load<f64>(y + off + <usize>j * 8) * (load<f64>(g + off + <usize>j * 8) - s));
  }
}
