// Packed, register-blocked, cache-blocked float64 GEMM; the same loop nest as matmul-f32.ts
// with an MR×NR = 4×4 micro-kernel (eight f64x2 accumulators).

const MR: i32 = 4;
const NR: i32 = 4;
const KC: i32 = 256;
const MC: i32 = 64;
const NC: i32 = 1024;

/** Bytes of workspace `matmulF64` needs for any shape. */
export function matmulF64Workspace(): i32 {
  return (KC * NC + MC * KC + MR * NR) * 8;
}

// Reads two rows of two doubles (row r at src + r·step) and writes their transpose: dst gets
// (src[0][0], src[1][0]) and dst + dstStep gets (src[0][1], src[1][1]).
@inline function transposePair(src: usize, step: usize, dst: usize, dstStep: usize): void {
  const r0 = v128.load(src);
  const r1 = v128.load(src + step);
  v128.store(dst, i64x2.shuffle(r0, r1, 0, 2));
  v128.store(dst + dstStep, i64x2.shuffle(r0, r1, 1, 3));
}

function packB(kc: i32, nc: i32, b: usize, rsb: i32, csb: i32, dst: usize): void {
  for (let j0 = 0; j0 < nc; j0 += NR) {
    const w = min(NR, nc - j0);
    let out = dst + <usize>(j0 * kc) * 8;
    if (csb == 1 && w == NR) {
      let src = b + <usize>j0 * 8;
      const step = <usize>rsb * 8;
      for (let p = 0; p < kc; p++) {
        v128.store(out, v128.load(src));
        v128.store(out, v128.load(src, 16), 16);
        src += step;
        out += 32;
      }
    } else if (rsb == 1 && w == NR) {
      // op(B) = Bᵀ: each column is contiguous in p; transpose 2×2 blocks.
      const colStep = <usize>csb * 8;
      const c0 = b + <usize>(j0 * csb) * 8;
      const kv = kc & ~1;
      let p = 0;
      for (; p < kv; p += 2) {
        transposePair(c0 + <usize>p * 8, colStep, out, 32);
        transposePair(c0 + 2 * colStep + <usize>p * 8, colStep, out + 16, 32);
        out += 64;
      }
      if (p < kc) {
        for (let j = 0; j < NR; j++) store<f64>(out + <usize>j * 8, load<f64>(b + <usize>(p + (j0 + j) * csb) * 8));
      }
    } else {
      for (let p = 0; p < kc; p++) {
        for (let j = 0; j < NR; j++) {
          const v: f64 = j < w ? load<f64>(b + <usize>(p * rsb + (j0 + j) * csb) * 8) : 0;
          store<f64>(out + <usize>j * 8, v);
        }
        out += 32;
      }
    }
  }
}

function packA(mc: i32, kc: i32, a: usize, rsa: i32, csa: i32, dst: usize): void {
  for (let i0 = 0; i0 < mc; i0 += MR) {
    const h = min(MR, mc - i0);
    let out = dst + <usize>(i0 * kc) * 8;
    if (rsa == 1 && h == MR) {
      let src = a + <usize>i0 * 8;
      const step = <usize>csa * 8;
      for (let p = 0; p < kc; p++) {
        v128.store(out, v128.load(src));
        v128.store(out, v128.load(src, 16), 16);
        src += step;
        out += 32;
      }
    } else if (csa == 1 && h == MR) {
      // Row-major A: transpose 2×2 blocks of (row pair, p pair) with i64x2 shuffles.
      const rowStep = <usize>rsa * 8;
      const r0 = a + <usize>(i0 * rsa) * 8;
      const kv = kc & ~1;
      let p = 0;
      for (; p < kv; p += 2) {
        transposePair(r0 + <usize>p * 8, rowStep, out, 32);
        transposePair(r0 + 2 * rowStep + <usize>p * 8, rowStep, out + 16, 32);
        out += 64;
      }
      if (p < kc) {
        const o = <usize>p * 8;
        store<f64>(out, load<f64>(r0 + o));
        store<f64>(out, load<f64>(r0 + rowStep + o), 8);
        store<f64>(out, load<f64>(r0 + 2 * rowStep + o), 16);
        store<f64>(out, load<f64>(r0 + 3 * rowStep + o), 24);
      }
    } else {
      for (let p = 0; p < kc; p++) {
        for (let i = 0; i < MR; i++) {
          const v: f64 = i < h ? load<f64>(a + <usize>((i0 + i) * rsa + p * csa) * 8) : 0;
          store<f64>(out + <usize>i * 8, v);
        }
        out += 32;
      }
    }
  }
}

// The 4×4 micro-kernel: C[4×4] (+)= Apanel[kc×4]ᵀ · Bpanel[kc×4]; ldc in bytes.
function kernel4x4(kc: i32, pa: usize, pb: usize, c: usize, ldc: usize, accumulate: bool): void {
  let c00 = f64x2.splat(0), c01 = f64x2.splat(0);
  let c10 = f64x2.splat(0), c11 = f64x2.splat(0);
  let c20 = f64x2.splat(0), c21 = f64x2.splat(0);
  let c30 = f64x2.splat(0), c31 = f64x2.splat(0);
  for (let p = 0; p < kc; p++) {
    const b0 = v128.load(pb);
    const b1 = v128.load(pb, 16);
    let a = v128.load64_splat(pa);
    c00 = f64x2.add(c00, f64x2.mul(a, b0));
    c01 = f64x2.add(c01, f64x2.mul(a, b1));
    a = v128.load64_splat(pa, 8);
    c10 = f64x2.add(c10, f64x2.mul(a, b0));
    c11 = f64x2.add(c11, f64x2.mul(a, b1));
    a = v128.load64_splat(pa, 16);
    c20 = f64x2.add(c20, f64x2.mul(a, b0));
    c21 = f64x2.add(c21, f64x2.mul(a, b1));
    a = v128.load64_splat(pa, 24);
    c30 = f64x2.add(c30, f64x2.mul(a, b0));
    c31 = f64x2.add(c31, f64x2.mul(a, b1));
    pa += 32;
    pb += 32;
  }
  let r = c;
  if (accumulate) {
    c00 = f64x2.add(c00, v128.load(r)); c01 = f64x2.add(c01, v128.load(r, 16)); r += ldc;
    c10 = f64x2.add(c10, v128.load(r)); c11 = f64x2.add(c11, v128.load(r, 16)); r += ldc;
    c20 = f64x2.add(c20, v128.load(r)); c21 = f64x2.add(c21, v128.load(r, 16)); r += ldc;
    c30 = f64x2.add(c30, v128.load(r)); c31 = f64x2.add(c31, v128.load(r, 16));
    r = c;
  }
  v128.store(r, c00); v128.store(r, c01, 16); r += ldc;
  v128.store(r, c10); v128.store(r, c11, 16); r += ldc;
  v128.store(r, c20); v128.store(r, c21, 16); r += ldc;
  v128.store(r, c30); v128.store(r, c31, 16);
}

/**
 * C = op(A)·op(B) (or C += op(A)·op(B) when accumulate != 0), float64.
 * a, b, c, work: byte addresses; strides in elements; C is row-major with leading dimension n.
 */
export function matmulF64(
  a: usize, b: usize, c: usize, m: i32, k: i32, n: i32,
  rsa: i32, csa: i32, rsb: i32, csb: i32, accumulate: i32, work: usize,
): void {
  const packedB = work;
  const packedA = work + <usize>(KC * NC) * 8;
  const tile = packedA + <usize>(MC * KC) * 8;
  const ldc = <usize>n * 8;
  if (k == 0) {
    if (accumulate == 0) memory.fill(c, 0, <usize>(m * n) * 8);
    return;
  }
  for (let jc = 0; jc < n; jc += NC) {
    const nc = min(NC, n - jc);
    for (let pc = 0; pc < k; pc += KC) {
      const kc = min(KC, k - pc);
      const acc = accumulate != 0 || pc > 0;
      packB(kc, nc, b + <usize>(pc * rsb + jc * csb) * 8, rsb, csb, packedB);
      for (let ic = 0; ic < m; ic += MC) {
        const mc = min(MC, m - ic);
        packA(mc, kc, a + <usize>(ic * rsa + pc * csa) * 8, rsa, csa, packedA);
        for (let jr = 0; jr < nc; jr += NR) {
          const w = min(NR, nc - jr);
          const pb = packedB + <usize>(jr * kc) * 8;
          for (let ir = 0; ir < mc; ir += MR) {
            const h = min(MR, mc - ir);
            const pa = packedA + <usize>(ir * kc) * 8;
            const cij = c + <usize>((ic + ir) * n + jc + jr) * 8;
            if (h == MR && w == NR) {
              kernel4x4(kc, pa, pb, cij, ldc, acc);
            } else {
              kernel4x4(kc, pa, pb, tile, NR * 8, false);
              for (let i = 0; i < h; i++) {
                for (let j = 0; j < w; j++) {
                  const dst = cij + <usize>i * ldc + <usize>j * 8;
                  const v = load<f64>(tile + <usize>(i * NR + j) * 8);
                  store<f64>(dst, acc ? load<f64>(dst) + v : v);
                }
              }
            }
          }
        }
      }
    }
  }
}
