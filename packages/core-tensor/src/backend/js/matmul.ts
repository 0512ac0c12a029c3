import type { StridedArray } from '../backend.ts';
import type { DType, TypedArray } from '../../dtype.ts';
import { allocOut } from './output.ts';
import { sizeOf } from '../../shape.ts';

/**
 * Matrix product in the GotoBLAS/BLIS layout: C is computed in blocks of KC (depth) × MC (rows)
 * × NC (columns). Each block of B is packed into column panels of width 4 and each block of A
 * into row panels of height 4, both as Float64Array, so the 4×4 micro-kernel streams through
 * memory with unit stride whatever the strides of A and B (a transposed operand costs only its
 * packing, never a slow path). The micro-kernel keeps its 16 sums in registers.
 */
const KC = 256;
const MC = 64;
const NC = 2048;

let packA = new Float64Array(MC * KC);
let packB = new Float64Array(KC * NC);

/** Below this many multiply-adds the packing overhead dominates: use a plain triple loop. */
const SMALL = 32 * 32 * 32;

function packBlockA(A: TypedArray, aOff: number, rs: number, cs: number, i0: number, mc: number, p0: number, kc: number): void {
  const panels = (mc + 3) >> 2;
  for (let ip = 0; ip < panels; ip++) {
    const base = ip * kc * 4;
    for (let ii = 0; ii < 4; ii++) {
      const i = ip * 4 + ii;
      if (i < mc) {
        let src = aOff + (i0 + i) * rs + p0 * cs;
        for (let p = 0; p < kc; p++, src += cs) packA[base + p * 4 + ii] = A[src] as number;
      } else {
        for (let p = 0; p < kc; p++) packA[base + p * 4 + ii] = 0;
      }
    }
  }
}

function packBlockB(B: TypedArray, bOff: number, rs: number, cs: number, p0: number, kc: number, j0: number, nc: number): void {
  const panels = (nc + 3) >> 2;
  for (let jp = 0; jp < panels; jp++) {
    const base = jp * kc * 4;
    for (let jj = 0; jj < 4; jj++) {
      const j = jp * 4 + jj;
      if (j < nc) {
        let src = bOff + p0 * rs + (j0 + j) * cs;
        for (let p = 0; p < kc; p++, src += rs) packB[base + p * 4 + jj] = B[src] as number;
      } else {
        for (let p = 0; p < kc; p++) packB[base + p * 4 + jj] = 0;
      }
    }
  }
}

/** C[i0.., j0..] += Apacked · Bpacked for one (mc × kc) · (kc × nc) block. */
function macroKernel(C: Float64Array, cOff: number, ldc: number, i0: number, mc: number, j0: number, nc: number, kc: number): void {
  const pa = packA;
  const pb = packB;
  const mPanels = (mc + 3) >> 2;
  const nPanels = (nc + 3) >> 2;
  for (let jp = 0; jp < nPanels; jp++) {
    const bBase = jp * kc * 4;
    for (let ip = 0; ip < mPanels; ip++) {
      let ai = ip * kc * 4;
      let bi = bBase;
      let c00 = 0, c01 = 0, c02 = 0, c03 = 0;
      let c10 = 0, c11 = 0, c12 = 0, c13 = 0;
      let c20 = 0, c21 = 0, c22 = 0, c23 = 0;
      let c30 = 0, c31 = 0, c32 = 0, c33 = 0;
      for (let p = 0; p < kc; p++) {
        const b0 = pb[bi] as number;
        const b1 = pb[bi + 1] as number;
        const b2 = pb[bi + 2] as number;
        const b3 = pb[bi + 3] as number;
        let a = pa[ai] as number;
        c00 += a * b0; c01 += a * b1; c02 += a * b2; c03 += a * b3;
        a = pa[ai + 1] as number;
        c10 += a * b0; c11 += a * b1; c12 += a * b2; c13 += a * b3;
        a = pa[ai + 2] as number;
        c20 += a * b0; c21 += a * b1; c22 += a * b2; c23 += a * b3;
        a = pa[ai + 3] as number;
        c30 += a * b0; c31 += a * b1; c32 += a * b2; c33 += a * b3;
        ai += 4;
        bi += 4;
      }
      const i = i0 + ip * 4;
      const j = j0 + jp * 4;
      const rows = Math.min(4, mc - ip * 4);
      const cols = Math.min(4, nc - jp * 4);
      if (rows === 4 && cols === 4) {
        let o = cOff + i * ldc + j;
        C[o] = (C[o] as number) + c00; C[o + 1] = (C[o + 1] as number) + c01; C[o + 2] = (C[o + 2] as number) + c02; C[o + 3] = (C[o + 3] as number) + c03;
        o += ldc;
        C[o] = (C[o] as number) + c10; C[o + 1] = (C[o + 1] as number) + c11; C[o + 2] = (C[o + 2] as number) + c12; C[o + 3] = (C[o + 3] as number) + c13;
        o += ldc;
        C[o] = (C[o] as number) + c20; C[o + 1] = (C[o + 1] as number) + c21; C[o + 2] = (C[o + 2] as number) + c22; C[o + 3] = (C[o + 3] as number) + c23;
        o += ldc;
        C[o] = (C[o] as number) + c30; C[o + 1] = (C[o + 1] as number) + c31; C[o + 2] = (C[o + 2] as number) + c32; C[o + 3] = (C[o + 3] as number) + c33;
      } else {
        const tile = [c00, c01, c02, c03, c10, c11, c12, c13, c20, c21, c22, c23, c30, c31, c32, c33];
        for (let r = 0; r < rows; r++) {
          for (let c = 0; c < cols; c++) {
            const o = cOff + (i + r) * ldc + j + c;
            C[o] = (C[o] as number) + (tile[r * 4 + c] as number);
          }
        }
      }
    }
  }
}

/** C (row-major, m × n, at cOff) = A · B for strided A (m × k) and B (k × n). */
function gemm(m: number, n: number, k: number, A: TypedArray, aOff: number, ars: number, acs: number, B: TypedArray, bOff: number, brs: number, bcs: number, C: Float64Array, cOff: number): void {
  if (m * n * k <= SMALL) {
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < n; j++) {
        let acc = 0;
        let ao = aOff + i * ars;
        let bo = bOff + j * bcs;
        for (let p = 0; p < k; p++, ao += acs, bo += brs) acc += (A[ao] as number) * (B[bo] as number);
        C[cOff + i * n + j] = acc;
      }
    }
    return;
  }
  const nc0 = Math.min(NC, n);
  const kc0 = Math.min(KC, k);
  if (packB.length < kc0 * (nc0 + 3)) packB = new Float64Array(kc0 * (nc0 + 3));
  if (packA.length < kc0 * (MC + 3)) packA = new Float64Array(kc0 * (MC + 3));
  for (let j0 = 0; j0 < n; j0 += NC) {
    const nc = Math.min(NC, n - j0);
    for (let p0 = 0; p0 < k; p0 += KC) {
      const kc = Math.min(KC, k - p0);
      packBlockB(B, bOff, brs, bcs, p0, kc, j0, nc);
      for (let i0 = 0; i0 < m; i0 += MC) {
        const mc = Math.min(MC, m - i0);
        packBlockA(A, aOff, ars, acs, i0, mc, p0, kc);
        macroKernel(C, cOff, n, i0, mc, j0, nc, kc);
      }
    }
  }
}

export function matmul(a: StridedArray, b: StridedArray, dtype: DType): TypedArray {
  const r = a.shape.length;
  const batchShape = a.shape.slice(0, r - 2);
  const m = a.shape[r - 2] as number;
  const k = a.shape[r - 1] as number;
  const n = b.shape[r - 1] as number;
  const batch = sizeOf(batchShape);
  const mn = m * n;
  const acc = new Float64Array(batch * mn);
  const ars = a.strides[r - 2] as number;
  const acs = a.strides[r - 1] as number;
  const brs = b.strides[r - 2] as number;
  const bcs = b.strides[r - 1] as number;
  const idx = new Array<number>(batchShape.length).fill(0);
  for (let t = 0; t < batch; t++) {
    let ao = a.offset;
    let bo = b.offset;
    for (let d = 0; d < idx.length; d++) {
      ao += (idx[d] as number) * (a.strides[d] as number);
      bo += (idx[d] as number) * (b.strides[d] as number);
    }
    if (k > 0 && mn > 0) gemm(m, n, k, a.data, ao, ars, acs, b.data, bo, brs, bcs, acc, t * mn);
    for (let d = idx.length - 1; d >= 0; d--) {
      idx[d] = (idx[d] as number) + 1;
      if ((idx[d] as number) < (batchShape[d] as number)) break;
      idx[d] = 0;
    }
  }
  if (dtype === 'float64') return acc;
  const out = allocOut(dtype, acc.length);
  if (dtype === 'bool') for (let i = 0; i < acc.length; i++) out[i] = (acc[i] as number) !== 0 ? 1 : 0;
  else out.set(acc);
  return out;
}
