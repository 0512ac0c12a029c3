// Elementwise kernels over linear memory, generic in T ∈ {f32, f64}: SIMD128 where the op has a
// vector instruction, a scalar loop (AssemblyScript's Math/Mathf, ports of musl) where it does not.
// Op codes are shared with the JS side (src/kernel-codes.ts).

// Binary ops.
export const ADD: i32 = 0;
export const SUB: i32 = 1;
export const MUL: i32 = 2;
export const DIV: i32 = 3;
export const MAX: i32 = 4;
export const MIN: i32 = 5;
export const POW: i32 = 6;
export const EQ: i32 = 7;
export const LT: i32 = 8;
export const GT: i32 = 9;
export const LE: i32 = 10;
export const GE: i32 = 11;
export const NE: i32 = 12;

// Unary ops.
export const NEG: i32 = 0;
export const ABS: i32 = 1;
export const SQRT: i32 = 2;
export const RELU: i32 = 3;
export const SQUARE: i32 = 4;
export const RECIPROCAL: i32 = 5;
export const EXP: i32 = 6;
export const LOG: i32 = 7;
export const TANH: i32 = 8;
export const SIGMOID: i32 = 9;
export const SIN: i32 = 10;
export const COS: i32 = 11;
export const SIGN: i32 = 12;
export const FLOOR: i32 = 13;
export const CEIL: i32 = 14;
export const STEP: i32 = 15;
export const LOG1P: i32 = 16;
export const EXPM1: i32 = 17;

@inline function one<T>(): T {
  return <T>1;
}

@inline function scalarBinary<T>(op: i32, x: T, y: T): T {
  if (op == ADD) return x + y;
  if (op == SUB) return x - y;
  if (op == MUL) return x * y;
  if (op == DIV) return x / y;
  if (op == MAX) return isNaN(x) || isNaN(y) ? <T>NaN : max<T>(x, y);
  if (op == MIN) return isNaN(x) || isNaN(y) ? <T>NaN : min<T>(x, y);
  if (op == POW) return sizeof<T>() == 4 ? <T>Mathf.pow(<f32>x, <f32>y) : <T>Math.pow(<f64>x, <f64>y);
  if (op == EQ) return x == y ? one<T>() : 0;
  if (op == LT) return x < y ? one<T>() : 0;
  if (op == GT) return x > y ? one<T>() : 0;
  if (op == LE) return x <= y ? one<T>() : 0;
  if (op == GE) return x >= y ? one<T>() : 0;
  return x != y ? one<T>() : 0;
}

@inline function hasVectorBinary(op: i32): bool {
  return op != POW;
}

@inline function vectorBinary<T>(op: i32, x: v128, y: v128): v128 {
  if (op == ADD) return v128.add<T>(x, y);
  if (op == SUB) return v128.sub<T>(x, y);
  if (op == MUL) return v128.mul<T>(x, y);
  if (op == DIV) return v128.div<T>(x, y);
  if (op == MAX) return v128.max<T>(x, y);
  if (op == MIN) return v128.min<T>(x, y);
  const ones = v128.splat<T>(one<T>());
  if (op == EQ) return v128.and(v128.eq<T>(x, y), ones);
  if (op == LT) return v128.and(v128.lt<T>(x, y), ones);
  if (op == GT) return v128.and(v128.gt<T>(x, y), ones);
  if (op == LE) return v128.and(v128.le<T>(x, y), ones);
  if (op == GE) return v128.and(v128.ge<T>(x, y), ones);
  return v128.and(v128.ne<T>(x, y), ones);
}

// out[i] = a[i·sa] op b[i·sb] for i < n, strides in elements (0 = broadcast).
@inline function binaryRow<T>(op: i32, n: i32, a: usize, sa: i32, b: usize, sb: i32, out: usize): void {
  const size = <usize>sizeof<T>();
  const lanes = 16 / <i32>sizeof<T>();
  let i = 0;
  if (hasVectorBinary(op)) {
    const vn = n - (n % lanes);
    // Four vectors per iteration in the common layouts: memory-bound loops run at the load/store
    // ports' pace only when the loop bookkeeping is amortised.
    const vn4 = n - (n % (4 * lanes));
    const stride = <usize>lanes * size;
    if (sa == 1 && sb == 1) {
      for (; i < vn4; i += 4 * lanes) {
        const o = <usize>i * size;
        const a0 = v128.load(a + o), a1 = v128.load(a + o + stride), a2 = v128.load(a + o + 2 * stride), a3 = v128.load(a + o + 3 * stride);
        const b0 = v128.load(b + o), b1 = v128.load(b + o + stride), b2 = v128.load(b + o + 2 * stride), b3 = v128.load(b + o + 3 * stride);
        v128.store(out + o, vectorBinary<T>(op, a0, b0));
        v128.store(out + o + stride, vectorBinary<T>(op, a1, b1));
        v128.store(out + o + 2 * stride, vectorBinary<T>(op, a2, b2));
        v128.store(out + o + 3 * stride, vectorBinary<T>(op, a3, b3));
      }
      for (; i < vn; i += lanes) {
        const o = <usize>i * size;
        v128.store(out + o, vectorBinary<T>(op, v128.load(a + o), v128.load(b + o)));
      }
    } else if (sa == 1 && sb == 0) {
      const y = v128.splat<T>(load<T>(b));
      for (; i < vn4; i += 4 * lanes) {
        const o = <usize>i * size;
        const a0 = v128.load(a + o), a1 = v128.load(a + o + stride), a2 = v128.load(a + o + 2 * stride), a3 = v128.load(a + o + 3 * stride);
        v128.store(out + o, vectorBinary<T>(op, a0, y));
        v128.store(out + o + stride, vectorBinary<T>(op, a1, y));
        v128.store(out + o + 2 * stride, vectorBinary<T>(op, a2, y));
        v128.store(out + o + 3 * stride, vectorBinary<T>(op, a3, y));
      }
      for (; i < vn; i += lanes) {
        const o = <usize>i * size;
        v128.store(out + o, vectorBinary<T>(op, v128.load(a + o), y));
      }
    } else if (sa == 0 && sb == 1) {
      const x = v128.splat<T>(load<T>(a));
      for (; i < vn; i += lanes) {
        const o = <usize>i * size;
        v128.store(out + o, vectorBinary<T>(op, x, v128.load(b + o)));
      }
    }
  }
  for (; i < n; i++) {
    const x = load<T>(a + <usize>(i * sa) * size);
    const y = load<T>(b + <usize>(i * sb) * size);
    store<T>(out + <usize>i * size, scalarBinary<T>(op, x, y));
  }
}

// N-d broadcast: out (contiguous, shape dims[0..rank)) = a op b, where a and b are read through
// element strides (0 on broadcast axes). meta: i32[3·rank] = shape, strides of a, strides of b.
// The innermost axis runs through binaryRow; the outer axes through an odometer kept in `index`.
@inline function binaryNd<T>(op: i32, out: usize, a: usize, b: usize, rank: i32, meta: usize, index: usize): void {
  const size = <usize>sizeof<T>();
  if (rank == 0) {
    store<T>(out, scalarBinary<T>(op, load<T>(a), load<T>(b)));
    return;
  }
  const last = rank - 1;
  const n = load<i32>(meta + <usize>last * 4);
  const sa = load<i32>(meta + <usize>(rank + last) * 4);
  const sb = load<i32>(meta + <usize>(2 * rank + last) * 4);
  let rows = 1;
  for (let d = 0; d < last; d++) {
    rows *= load<i32>(meta + <usize>d * 4);
    store<i32>(index + <usize>d * 4, 0);
  }
  let offA = 0, offB = 0;
  let o = out;
  for (let r = 0; r < rows; r++) {
    binaryRow<T>(op, n, a + <usize>offA * size, sa, b + <usize>offB * size, sb, o);
    o += <usize>n * size;
    for (let d = last - 1; d >= 0; d--) {
      const id = index + <usize>d * 4;
      const v = load<i32>(id) + 1;
      const dim = load<i32>(meta + <usize>d * 4);
      const strA = load<i32>(meta + <usize>(rank + d) * 4);
      const strB = load<i32>(meta + <usize>(2 * rank + d) * 4);
      if (v < dim) {
        store<i32>(id, v);
        offA += strA;
        offB += strB;
        break;
      }
      store<i32>(id, 0);
      offA -= strA * (dim - 1);
      offB -= strB * (dim - 1);
    }
  }
}

function binaryNdT<T>(op: i32, out: usize, a: usize, b: usize, rank: i32, meta: usize, index: usize): void {
  switch (op) {
    case ADD: binaryNd<T>(ADD, out, a, b, rank, meta, index); break;
    case SUB: binaryNd<T>(SUB, out, a, b, rank, meta, index); break;
    case MUL: binaryNd<T>(MUL, out, a, b, rank, meta, index); break;
    case DIV: binaryNd<T>(DIV, out, a, b, rank, meta, index); break;
    case MAX: binaryNd<T>(MAX, out, a, b, rank, meta, index); break;
    case MIN: binaryNd<T>(MIN, out, a, b, rank, meta, index); break;
    case POW: binaryNd<T>(POW, out, a, b, rank, meta, index); break;
    case EQ: binaryNd<T>(EQ, out, a, b, rank, meta, index); break;
    case LT: binaryNd<T>(LT, out, a, b, rank, meta, index); break;
    case GT: binaryNd<T>(GT, out, a, b, rank, meta, index); break;
    case LE: binaryNd<T>(LE, out, a, b, rank, meta, index); break;
    case GE: binaryNd<T>(GE, out, a, b, rank, meta, index); break;
    default: binaryNd<T>(NE, out, a, b, rank, meta, index);
  }
}

/** Broadcasting binary op, float32. index: rank i32 of scratch. */
export function binaryF32(op: i32, out: usize, a: usize, b: usize, rank: i32, meta: usize, index: usize): void {
  binaryNdT<f32>(op, out, a, b, rank, meta, index);
}

/** Broadcasting binary op, float64. */
export function binaryF64(op: i32, out: usize, a: usize, b: usize, rank: i32, meta: usize, index: usize): void {
  binaryNdT<f64>(op, out, a, b, rank, meta, index);
}

@inline function scalarUnary<T>(op: i32, x: T): T {
  const f = sizeof<T>() == 4;
  if (op == NEG) return -x;
  if (op == ABS) return abs<T>(x);
  if (op == SQRT) return sqrt<T>(x);
  if (op == RELU) return x > 0 ? x : isNaN(x) ? x : <T>0;
  if (op == SQUARE) return x * x;
  if (op == RECIPROCAL) return one<T>() / x;
  if (op == EXP) return f ? <T>Mathf.exp(<f32>x) : <T>Math.exp(<f64>x);
  if (op == LOG) return f ? <T>Mathf.log(<f32>x) : <T>Math.log(<f64>x);
  if (op == TANH) return f ? <T>Mathf.tanh(<f32>x) : <T>Math.tanh(<f64>x);
  if (op == SIGMOID) {
    // 1/(1+e^-x) for x ≥ 0, e^x/(1+e^x) otherwise: no overflow on either side.
    if (x >= 0) {
      const e = f ? <T>Mathf.exp(-<f32>x) : <T>Math.exp(-<f64>x);
      return one<T>() / (one<T>() + e);
    }
    const e = f ? <T>Mathf.exp(<f32>x) : <T>Math.exp(<f64>x);
    return e / (one<T>() + e);
  }
  if (op == SIN) return f ? <T>Mathf.sin(<f32>x) : <T>Math.sin(<f64>x);
  if (op == COS) return f ? <T>Mathf.cos(<f32>x) : <T>Math.cos(<f64>x);
  if (op == SIGN) return x > 0 ? one<T>() : x < 0 ? -one<T>() : x;
  if (op == FLOOR) return floor<T>(x);
  if (op == CEIL) return ceil<T>(x);
  if (op == STEP) return x > 0 ? one<T>() : <T>0;
  if (op == LOG1P) return f ? <T>Mathf.log1p(<f32>x) : <T>Math.log1p(<f64>x);
  return f ? <T>Mathf.expm1(<f32>x) : <T>Math.expm1(<f64>x);
}

@inline function hasVectorUnary<T>(op: i32): bool {
  if (sizeof<T>() == 4 && (op == EXP || op == SIGMOID)) return true;
  return op == NEG || op == ABS || op == SQRT || op == RELU || op == SQUARE || op == RECIPROCAL ||
    op == FLOOR || op == CEIL || op == STEP;
}

// e^x for four float32 lanes. Range reduction x = n·ln2 + r with n = round(x·log2 e) and ln2 split
// in two (Cody–Waite: n·LN2_HI is exact for |n| < 2^15), |r| ≤ ln2/2; e^r by its degree-7 Taylor
// polynomial (truncation < 7e-9 relative); 2^n applied as two power-of-two factors so that
// results in the subnormal range round once and overflow/underflow saturate to inf/0. NaN passes.
//
// Cheap forms of each step, all giving the same bits as the obvious ones: the clamp uses the
// pseudo-min/max (one instruction each on x86; NaN is restored at the end anyway), and n is rounded
// by adding 1.5·2²³ (round-to-nearest-even, as f32x4.nearest), which also leaves n in the low bits
// of the sum, so no float-to-int conversion is needed.
@inline export function expF32x4(x: v128): v128 {
  const xc = f32x4.pmin(f32x4.splat(89.0), f32x4.pmax(f32x4.splat(-104.0), x));
  const magic = f32x4.splat(12582912.0); // 1.5·2²³
  const t = f32x4.add(f32x4.mul(xc, f32x4.splat(1.44269504088896341)), magic);
  const nf = f32x4.sub(t, magic);
  let r = f32x4.sub(xc, f32x4.mul(nf, f32x4.splat(0.693359375)));
  r = f32x4.sub(r, f32x4.mul(nf, f32x4.splat(-2.12194440e-4)));
  let p = f32x4.splat(1.0 / 5040.0);
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(1.0 / 720.0));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(1.0 / 120.0));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(1.0 / 24.0));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(1.0 / 6.0));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(0.5));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(1.0));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(1.0));
  const n = i32x4.sub(t, magic);
  const n1 = i32x4.shr_s(n, 1);
  const n2 = i32x4.sub(n, n1);
  const bias = i32x4.splat(127);
  const s1 = i32x4.shl(i32x4.add(n1, bias), 23);
  const s2 = i32x4.shl(i32x4.add(n2, bias), 23);
  const y = f32x4.mul(f32x4.mul(p, s1), s2);
  // NaN in, NaN out (min/max above replaced it by a bound).
  return v128.bitselect(x, y, f32x4.ne(x, x));
}

// 1/(1 + e^−x) for x ≥ 0 and e^x/(1 + e^x) for x < 0, from e = e^−|x| ≤ 1: never overflows.
@inline function sigmoidF32x4(x: v128): v128 {
  const e = expF32x4(f32x4.neg(f32x4.abs(x)));
  const d = f32x4.add(f32x4.splat(1.0), e);
  const num = v128.bitselect(f32x4.splat(1.0), e, f32x4.ge(x, f32x4.splat(0)));
  const y = f32x4.div(num, d);
  return v128.bitselect(x, y, f32x4.ne(x, x));
}

@inline function vectorUnary<T>(op: i32, x: v128): v128 {
  if (op == NEG) return v128.neg<T>(x);
  if (op == ABS) return v128.abs<T>(x);
  if (op == SQRT) return v128.sqrt<T>(x);
  // x where x > 0 or x is NaN, else +0: keeps NaN like the scalar path, in four cheap
  // instructions (the IEEE `max` needs a longer NaN-fixing sequence on x86).
  if (op == RELU) return v128.and(x, v128.or(v128.gt<T>(x, v128.splat<T>(0)), v128.ne<T>(x, x)));
  if (op == SQUARE) return v128.mul<T>(x, x);
  if (op == RECIPROCAL) return v128.div<T>(v128.splat<T>(one<T>()), x);
  if (op == FLOOR) return v128.floor<T>(x);
  if (op == CEIL) return v128.ceil<T>(x);
  if (op == EXP) return expF32x4(x);
  if (op == SIGMOID) return sigmoidF32x4(x);
  return v128.and(v128.gt<T>(x, v128.splat<T>(0)), v128.splat<T>(one<T>()));
}

@inline function unaryLoop<T>(op: i32, out: usize, x: usize, n: i32): void {
  const size = <usize>sizeof<T>();
  const lanes = 16 / <i32>sizeof<T>();
  let i = 0;
  if (hasVectorUnary<T>(op)) {
    const vn = n - (n % lanes);
    const vn4 = n - (n % (4 * lanes));
    const stride = <usize>lanes * size;
    for (; i < vn4; i += 4 * lanes) {
      const o = <usize>i * size;
      const x0 = v128.load(x + o), x1 = v128.load(x + o + stride), x2 = v128.load(x + o + 2 * stride), x3 = v128.load(x + o + 3 * stride);
      v128.store(out + o, vectorUnary<T>(op, x0));
      v128.store(out + o + stride, vectorUnary<T>(op, x1));
      v128.store(out + o + 2 * stride, vectorUnary<T>(op, x2));
      v128.store(out + o + 3 * stride, vectorUnary<T>(op, x3));
    }
    for (; i < vn; i += lanes) {
      const o = <usize>i * size;
      v128.store(out + o, vectorUnary<T>(op, v128.load(x + o)));
    }
    if (i < n) {
      // The tail goes through the vector code too (lane loads and stores), so every element gets
      // the same arithmetic wherever it sits: float32 exp and sigmoid's polynomial and the scalar
      // library function may differ in the last bit, and fused programs must match us exactly.
      const rem = n - i;
      const src = x + <usize>i * size;
      const dst = out + <usize>i * size;
      const zero = v128.splat<T>(0);
      if (sizeof<T>() == 4) {
        let v = v128.load32_lane(src, zero, 0);
        if (rem > 1) v = v128.load32_lane(src + 4, v, 1);
        if (rem > 2) v = v128.load32_lane(src + 8, v, 2);
        const y = vectorUnary<T>(op, v);
        v128.store32_lane(dst, y, 0);
        if (rem > 1) v128.store32_lane(dst + 4, y, 1);
        if (rem > 2) v128.store32_lane(dst + 8, y, 2);
      } else {
        v128.store64_lane(dst, vectorUnary<T>(op, v128.load64_lane(src, zero, 0)), 0);
      }
    }
    return;
  }
  for (; i < n; i++) {
    const o = <usize>i * size;
    store<T>(out + o, scalarUnary<T>(op, load<T>(x + o)));
  }
}

function unaryT<T>(op: i32, out: usize, x: usize, n: i32): void {
  switch (op) {
    case NEG: unaryLoop<T>(NEG, out, x, n); break;
    case ABS: unaryLoop<T>(ABS, out, x, n); break;
    case SQRT: unaryLoop<T>(SQRT, out, x, n); break;
    case RELU: unaryLoop<T>(RELU, out, x, n); break;
    case SQUARE: unaryLoop<T>(SQUARE, out, x, n); break;
    case RECIPROCAL: unaryLoop<T>(RECIPROCAL, out, x, n); break;
    case EXP: unaryLoop<T>(EXP, out, x, n); break;
    case LOG: unaryLoop<T>(LOG, out, x, n); break;
    case TANH: unaryLoop<T>(TANH, out, x, n); break;
    case SIGMOID: unaryLoop<T>(SIGMOID, out, x, n); break;
    case SIN: unaryLoop<T>(SIN, out, x, n); break;
    case COS: unaryLoop<T>(COS, out, x, n); break;
    case SIGN: unaryLoop<T>(SIGN, out, x, n); break;
    case FLOOR: unaryLoop<T>(FLOOR, out, x, n); break;
    case CEIL: unaryLoop<T>(CEIL, out, x, n); break;
    case STEP: unaryLoop<T>(STEP, out, x, n); break;
    case LOG1P: unaryLoop<T>(LOG1P, out, x, n); break;
    default: unaryLoop<T>(EXPM1, out, x, n);
  }
}

/** out[i] = op(x[i]) for i < n, float32 (contiguous; out may alias x). */
export function unaryF32(op: i32, out: usize, x: usize, n: i32): void {
  unaryT<f32>(op, out, x, n);
}

/** out[i] = op(x[i]) for i < n, float64. */
export function unaryF64(op: i32, out: usize, x: usize, n: i32): void {
  unaryT<f64>(op, out, x, n);
}

// ---------------------------------------------------------------------------------------------
// Fused elementwise programs: a chain of unary/binary ops run chunk by chunk, so intermediates
// live in small L1-resident registers and only the inputs are read and the result written.

/** Elements per register chunk (512 B of f32, 1 KiB of f64). */
const FUSED_CHUNK: i32 = 128;

function binaryContigT<T>(op: i32, out: usize, a: usize, b: usize, n: i32): void {
  switch (op) {
    case ADD: binaryRow<T>(ADD, n, a, 1, b, 1, out); break;
    case SUB: binaryRow<T>(SUB, n, a, 1, b, 1, out); break;
    case MUL: binaryRow<T>(MUL, n, a, 1, b, 1, out); break;
    case DIV: binaryRow<T>(DIV, n, a, 1, b, 1, out); break;
    case MAX: binaryRow<T>(MAX, n, a, 1, b, 1, out); break;
    case MIN: binaryRow<T>(MIN, n, a, 1, b, 1, out); break;
    default: binaryRow<T>(POW, n, a, 1, b, 1, out);
  }
}

// out (contiguous, shape dims[0..rank)) = the program's result.
// bases: u32[nIn] byte addresses of the inputs' element [0, …, 0]; meta: i32[rank·(1 + nIn)] =
// shape, then each input's element strides; prog: i32[4·nSteps] = kind (0 unary, 1 binary), op,
// first and second register; step k writes register nIn + k. Scratch: index i32[rank],
// offs i32[nIn], regs (nIn + nSteps) chunks, ptrs u32[nIn + nSteps].
function fusedT<T>(out: usize, nIn: i32, bases: usize, rank: i32, meta: usize, index: usize, offs: usize, prog: usize, nSteps: i32, regs: usize, ptrs: usize): void {
  const size = <usize>sizeof<T>();
  const chunkBytes = <usize>FUSED_CHUNK * size;
  const last = rank - 1;
  const n = load<i32>(meta + <usize>last * 4);
  let rows = 1;
  for (let d = 0; d < last; d++) {
    rows *= load<i32>(meta + <usize>d * 4);
    store<i32>(index + <usize>d * 4, 0);
  }
  for (let j = 0; j < nIn; j++) store<i32>(offs + <usize>j * 4, 0);
  for (let r = 0; r < rows; r++) {
    for (let c0 = 0; c0 < n; c0 += FUSED_CHUNK) {
      const len = min(FUSED_CHUNK, n - c0);
      for (let j = 0; j < nIn; j++) {
        const s = load<i32>(meta + <usize>((1 + j) * rank + last) * 4);
        const base = <usize>load<u32>(bases + <usize>j * 4) + <usize>(load<i32>(offs + <usize>j * 4) + c0 * s) * size;
        let p = base;
        if (s != 1) {
          p = regs + <usize>j * chunkBytes;
          if (s == 0) {
            const v = load<T>(base);
            for (let i = 0; i < len; i++) store<T>(p + <usize>i * size, v);
          } else {
            for (let i = 0; i < len; i++) store<T>(p + <usize>i * size, load<T>(base + <usize>(i * s) * size));
          }
        }
        store<u32>(ptrs + <usize>j * 4, <u32>p);
      }
      for (let k = 0; k < nSteps; k++) {
        const at = prog + <usize>k * 16;
        const kind = load<i32>(at);
        const op = load<i32>(at + 4);
        const a = <usize>load<u32>(ptrs + <usize>load<i32>(at + 8) * 4);
        const dst = k == nSteps - 1 ? out + <usize>(r * n + c0) * size : regs + <usize>(nIn + k) * chunkBytes;
        if (kind == 0) unaryT<T>(op, dst, a, len);
        else binaryContigT<T>(op, dst, a, <usize>load<u32>(ptrs + <usize>load<i32>(at + 12) * 4), len);
        store<u32>(ptrs + <usize>(nIn + k) * 4, <u32>dst);
      }
    }
    // Next row: advance the odometer over the outer dims and every input's offset.
    for (let d = last - 1; d >= 0; d--) {
      const id = index + <usize>d * 4;
      const v = load<i32>(id) + 1;
      const dim = load<i32>(meta + <usize>d * 4);
      if (v < dim) {
        store<i32>(id, v);
        for (let j = 0; j < nIn; j++) {
          const o = offs + <usize>j * 4;
          store<i32>(o, load<i32>(o) + load<i32>(meta + <usize>((1 + j) * rank + d) * 4));
        }
        break;
      }
      store<i32>(id, 0);
      for (let j = 0; j < nIn; j++) {
        const o = offs + <usize>j * 4;
        store<i32>(o, load<i32>(o) - load<i32>(meta + <usize>((1 + j) * rank + d) * 4) * (dim - 1));
      }
    }
  }
}

/** A fused elementwise program, float32 (see fusedT). */
export function fusedF32(out: usize, nIn: i32, bases: usize, rank: i32, meta: usize, index: usize, offs: usize, prog: usize, nSteps: i32, regs: usize, ptrs: usize): void {
  fusedT<f32>(out, nIn, bases, rank, meta, index, offs, prog, nSteps, regs, ptrs);
}

/** A fused elementwise program, float64. */
export function fusedF64(out: usize, nIn: i32, bases: usize, rank: i32, meta: usize, index: usize, offs: usize, prog: usize, nSteps: i32, regs: usize, ptrs: usize): void {
  fusedT<f64>(out, nIn, bases, rank, meta, index, offs, prog, nSteps, regs, ptrs);
}
