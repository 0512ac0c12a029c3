// Packed, register-blocked, cache-blocked float32 GEMM (the BLIS/GotoBLAS loop nest).
//
//   C[m×n] = op(A)[m×k] · op(B)[k×n]   (+ C when `accumulate`)
//
// op(A) and op(B) are read through element strides (rsA, csA) and (rsB, csB), so a transposed
// operand costs nothing more than a different packing order. Loop nest, outermost first:
//   jc over n in NC columns -> pc over k in KC -> pack B[pc:, jc:] into NR-wide panels
//   ic over m in MC rows    -> pack A[ic:, pc:] into MR-tall panels
//   jr, ir over the panels  -> MR×NR micro-kernel, MR·NR/4 v128 accumulators held in registers.
// KC·NR·4 bytes of packed B (8 KiB) stay in L1 while a packed A block (MC·KC·4 = 128 KiB) stays in L2.

const MR: i32 = 4;
const NR: i32 = 8;
const KC: i32 = 256;
const MC: i32 = 128;
const NC: i32 = 1024;

/** Bytes of workspace `matmulF32` needs for any shape. */
export function matmulF32Workspace(): i32 {
  return (KC * NC + MC * KC + MR * NR) * 4;
}

// Reads 4 rows of 4 floats (row r at src + r·step) and writes their transpose to dst with a row
// stride of `dstStep` bytes: dst row q = (src[0][q], src[1][q], src[2][q], src[3][q]).
@inline function transpose4x4Strided(src: usize, step: usize, dst: usize, dstStep: usize): void {
  const r0 = v128.load(src);
  const r1 = v128.load(src + step);
  const r2 = v128.load(src + 2 * step);
  const r3 = v128.load(src + 3 * step);
  const t0 = i32x4.shuffle(r0, r1, 0, 4, 1, 5);
  const t1 = i32x4.shuffle(r0, r1, 2, 6, 3, 7);
  const t2 = i32x4.shuffle(r2, r3, 0, 4, 1, 5);
  const t3 = i32x4.shuffle(r2, r3, 2, 6, 3, 7);
  v128.store(dst, i32x4.shuffle(t0, t2, 0, 1, 4, 5));
  v128.store(dst + dstStep, i32x4.shuffle(t0, t2, 2, 3, 6, 7));
  v128.store(dst + 2 * dstStep, i32x4.shuffle(t1, t3, 0, 1, 4, 5));
  v128.store(dst + 3 * dstStep, i32x4.shuffle(t1, t3, 2, 3, 6, 7));
}

// A-panel layout (MR = 4 floats per p): the transposed block is 4 consecutive v128.
@inline function transpose4x4(src: usize, step: usize, dst: usize): void {
  transpose4x4Strided(src, step, dst, 16);
}

// Packs a kc×nc block of op(B) into ceil(nc/NR) panels of kc rows × NR columns, zero-padded.
function packB(kc: i32, nc: i32, b: usize, rsb: i32, csb: i32, dst: usize): void {
  for (let j0 = 0; j0 < nc; j0 += NR) {
    const w = min(NR, nc - j0);
    let out = dst + <usize>(j0 * kc) * 4;
    if (csb == 1 && w == NR) {
      let src = b + <usize>j0 * 4;
      const step = <usize>rsb * 4;
      for (let p = 0; p < kc; p++) {
        v128.store(out, v128.load(src));
        v128.store(out, v128.load(src, 16), 16);
        src += step;
        out += 32;
      }
    } else if (rsb == 1 && w == NR) {
      // op(B) = Bᵀ: each of the panel's 8 columns is contiguous in p; transpose 4×4 blocks.
      const colStep = <usize>csb * 4;
      const c0 = b + <usize>(j0 * csb) * 4;
      const c4 = c0 + 4 * colStep;
      const kv = kc & ~3;
      let p = 0;
      for (; p < kv; p += 4) {
        const o = <usize>p * 4;
        transpose4x4Strided(c0 + o, colStep, out, 32);
        transpose4x4Strided(c4 + o, colStep, out + 16, 32);
        out += 128;
      }
      for (; p < kc; p++) {
        for (let j = 0; j < NR; j++) store<f32>(out + <usize>j * 4, load<f32>(b + <usize>(p + (j0 + j) * csb) * 4));
        out += 32;
      }
    } else {
      for (let p = 0; p < kc; p++) {
        for (let j = 0; j < NR; j++) {
          const v: f32 = j < w ? load<f32>(b + <usize>(p * rsb + (j0 + j) * csb) * 4) : 0;
          store<f32>(out + <usize>j * 4, v);
        }
        out += 32;
      }
    }
  }
}

// Packs an mc×kc block of op(A) into ceil(mc/MR) panels of kc columns × MR rows, zero-padded.
function packA(mc: i32, kc: i32, a: usize, rsa: i32, csa: i32, dst: usize): void {
  for (let i0 = 0; i0 < mc; i0 += MR) {
    const h = min(MR, mc - i0);
    let out = dst + <usize>(i0 * kc) * 4;
    if (rsa == 1 && h == MR) {
      let src = a + <usize>i0 * 4;
      const step = <usize>csa * 4;
      for (let p = 0; p < kc; p++) {
        v128.store(out, v128.load(src));
        src += step;
        out += 16;
      }
    } else if (csa == 1 && h == MR) {
      // Row-major A: the panel's 4 rows are contiguous in p; transpose 4×4 blocks.
      const r0 = a + <usize>(i0 * rsa) * 4;
      const rowStep = <usize>rsa * 4;
      const kv = kc & ~3;
      let p = 0;
      for (; p < kv; p += 4) {
        transpose4x4(r0 + <usize>p * 4, rowStep, out);
        out += 64;
      }
      for (; p < kc; p++) {
        const o = <usize>p * 4;
        store<f32>(out, load<f32>(r0 + o));
        store<f32>(out, load<f32>(r0 + rowStep + o), 4);
        store<f32>(out, load<f32>(r0 + 2 * rowStep + o), 8);
        store<f32>(out, load<f32>(r0 + 3 * rowStep + o), 12);
        out += 16;
      }
    } else {
      for (let p = 0; p < kc; p++) {
        for (let i = 0; i < MR; i++) {
          const v: f32 = i < h ? load<f32>(a + <usize>((i0 + i) * rsa + p * csa) * 4) : 0;
          store<f32>(out + <usize>i * 4, v);
        }
        out += 16;
      }
    }
  }
}

// The 4×8 micro-kernel: C[4×8] (+)= Apanel[kc×4]ᵀ · Bpanel[kc×8]; ldc in bytes.
function kernel4x8(kc: i32, pa: usize, pb: usize, c: usize, ldc: usize, accumulate: bool): void {
  let c00 = f32x4.splat(0), c01 = f32x4.splat(0);
  let c10 = f32x4.splat(0), c11 = f32x4.splat(0);
  let c20 = f32x4.splat(0), c21 = f32x4.splat(0);
  let c30 = f32x4.splat(0), c31 = f32x4.splat(0);
  for (let p = 0; p < kc; p++) {
    const b0 = v128.load(pb);
    const b1 = v128.load(pb, 16);
    let a = v128.load32_splat(pa);
    c00 = f32x4.add(c00, f32x4.mul(a, b0));
    c01 = f32x4.add(c01, f32x4.mul(a, b1));
    a = v128.load32_splat(pa, 4);
    c10 = f32x4.add(c10, f32x4.mul(a, b0));
    c11 = f32x4.add(c11, f32x4.mul(a, b1));
    a = v128.load32_splat(pa, 8);
    c20 = f32x4.add(c20, f32x4.mul(a, b0));
    c21 = f32x4.add(c21, f32x4.mul(a, b1));
    a = v128.load32_splat(pa, 12);
    c30 = f32x4.add(c30, f32x4.mul(a, b0));
    c31 = f32x4.add(c31, f32x4.mul(a, b1));
    pa += 16;
    pb += 32;
  }
  let r = c;
  if (accumulate) {
    c00 = f32x4.add(c00, v128.load(r)); c01 = f32x4.add(c01, v128.load(r, 16)); r += ldc;
    c10 = f32x4.add(c10, v128.load(r)); c11 = f32x4.add(c11, v128.load(r, 16)); r += ldc;
    c20 = f32x4.add(c20, v128.load(r)); c21 = f32x4.add(c21, v128.load(r, 16)); r += ldc;
    c30 = f32x4.add(c30, v128.load(r)); c31 = f32x4.add(c31, v128.load(r, 16));
    r = c;
  }
  v128.store(r, c00); v128.store(r, c01, 16); r += ldc;
  v128.store(r, c10); v128.store(r, c11, 16); r += ldc;
  v128.store(r, c20); v128.store(r, c21, 16); r += ldc;
  v128.store(r, c30); v128.store(r, c31, 16);
}

/**
 * C = op(A)·op(B) (or C += op(A)·op(B) when accumulate != 0), float32.
 * a, b, c, work: byte addresses; strides in elements; C is row-major with leading dimension n.
 * work: matmulF32Workspace() bytes, 16-byte aligned.
 */
export function matmulF32(
  a: usize, b: usize, c: usize, m: i32, k: i32, n: i32,
  rsa: i32, csa: i32, rsb: i32, csb: i32, accumulate: i32, work: usize,
): void {
  const packedB = work;
  const packedA = work + <usize>(KC * NC) * 4;
  const tile = packedA + <usize>(MC * KC) * 4;
  const ldc = <usize>n * 4;
  if (k == 0) {
    if (accumulate == 0) memory.fill(c, 0, <usize>(m * n) * 4);
    return;
  }
  for (let jc = 0; jc < n; jc += NC) {
    const nc = min(NC, n - jc);
    for (let pc = 0; pc < k; pc += KC) {
      const kc = min(KC, k - pc);
      const acc = accumulate != 0 || pc > 0;
      packB(kc, nc, b + <usize>(pc * rsb + jc * csb) * 4, rsb, csb, packedB);
      for (let ic = 0; ic < m; ic += MC) {
        const mc = min(MC, m - ic);
        packA(mc, kc, a + <usize>(ic * rsa + pc * csa) * 4, rsa, csa, packedA);
        for (let jr = 0; jr < nc; jr += NR) {
          const w = min(NR, nc - jr);
          const pb = packedB + <usize>(jr * kc) * 4;
          for (let ir = 0; ir < mc; ir += MR) {
            const h = min(MR, mc - ir);
            const pa = packedA + <usize>(ir * kc) * 4;
            const cij = c + <usize>((ic + ir) * n + jc + jr) * 4;
            if (h == MR && w == NR) {
              kernel4x8(kc, pa, pb, cij, ldc, acc);
            } else {
              kernel4x8(kc, pa, pb, tile, NR * 4, false);
              for (let i = 0; i < h; i++) {
                for (let j = 0; j < w; j++) {
                  const dst = cij + <usize>i * ldc + <usize>j * 4;
                  const v = load<f32>(tile + <usize>(i * NR + j) * 4);
                  store<f32>(dst, acc ? load<f32>(dst) + v : v);
                }
              }
            }
          }
        }
      }
    }
  }
}
