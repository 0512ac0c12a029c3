// Selection and comparison over strided operands (broadcasting arrives as 0 strides):
//   where:   out[i] = cond[i] != 0 ? a[i] : b[i]   (cond is bytes, a/b/out of one float type)
//   compare: out[i] = a[i] OP b[i] ? 1 : 0         (a/b of one float type, out is bytes)
// meta: i32[(1 + k)·rank] = shape, then the k operands' element strides (cond's in bytes = elements).
// The odometer walks all dims but the last; each row is a scalar loop with the operands' strides.

const EQ: i32 = 0;
const NE: i32 = 1;
const LT: i32 = 2;
const LE: i32 = 3;
const GT: i32 = 4;
const GE: i32 = 5;

/** Advances the odometer over dims [0, rank − 1); returns false when every row is done. */
@inline function nextRow(rank: i32, meta: usize, index: usize, offs: usize, k: i32): bool {
  for (let d = rank - 2; d >= 0; d--) {
    const id = index + <usize>d * 4;
    const v = load<i32>(id) + 1;
    const dim = load<i32>(meta + <usize>d * 4);
    if (v < dim) {
      store<i32>(id, v);
      for (let q = 0; q < k; q++) {
        const o = offs + <usize>q * 4;
        store<i32>(o, load<i32>(o) + load<i32>(meta + <usize>((q + 1) * rank + d) * 4));
      }
      return true;
    }
    store<i32>(id, 0);
    for (let q = 0; q < k; q++) {
      const o = offs + <usize>q * 4;
      store<i32>(o, load<i32>(o) - load<i32>(meta + <usize>((q + 1) * rank + d) * 4) * (dim - 1));
    }
  }
  return false;
}

@inline function whereNd<T>(out: usize, cond: usize, a: usize, b: usize, rank: i32, meta: usize, index: usize): void {
  const size = <usize>sizeof<T>();
  const last = rank - 1;
  const n = load<i32>(meta + <usize>last * 4);
  const sc = load<i32>(meta + <usize>(rank + last) * 4);
  const sa = load<i32>(meta + <usize>(2 * rank + last) * 4);
  const sb = load<i32>(meta + <usize>(3 * rank + last) * 4);
  const offs = index + <usize>rank * 4;
  for (let d = 0; d < rank; d++) store<i32>(index + <usize>d * 4, 0);
  for (let q = 0; q < 3; q++) store<i32>(offs + <usize>q * 4, 0);
  let o = out;
  do {
    const c = cond + <usize>load<i32>(offs);
    const pa = a + <usize>load<i32>(offs + 4) * size;
    const pb = b + <usize>load<i32>(offs + 8) * size;
    let i = 0;
    // float32 rows whose operands are contiguous or broadcast: four lanes per step, a bitselect
    // on the widened cond bytes. A branch per element would mispredict on random masks (relu's
    // gradient selects by the sign of its input).
    if (sizeof<T>() == 4 && <u32>sc <= 1 && <u32>sa <= 1 && <u32>sb <= 1) {
      const vn = n - (n & 3);
      const zero = i32x4.splat(0);
      const cs = i32x4.splat(load<u8>(c));
      const as = v128.load32_splat(pa);
      const bs = v128.load32_splat(pb);
      for (; i < vn; i += 4) {
        const m = sc == 0 ? cs : i32x4.extend_low_i16x8_u(i16x8.extend_low_i8x16_u(v128.load32_zero(c + <usize>i)));
        const va = sa == 0 ? as : v128.load(pa + <usize>i * 4);
        const vb = sb == 0 ? bs : v128.load(pb + <usize>i * 4);
        v128.store(o + <usize>i * 4, v128.bitselect(va, vb, i32x4.ne(m, zero)));
      }
    }
    for (; i < n; i++) {
      const va = load<T>(pa + <usize>(i * sa) * size);
      const vb = load<T>(pb + <usize>(i * sb) * size);
      store<T>(o + <usize>i * size, select<T>(va, vb, load<u8>(c + <usize>(i * sc)) != 0));
    }
    o += <usize>n * size;
  } while (nextRow(rank, meta, index, offs, 3));
}

@inline function test<T>(op: i32, x: T, y: T): u8 {
  if (op == EQ) return <u8>(x == y);
  if (op == NE) return <u8>(x != y);
  if (op == LT) return <u8>(x < y);
  if (op == LE) return <u8>(x <= y);
  if (op == GT) return <u8>(x > y);
  return <u8>(x >= y);
}

@inline function compareRow<T>(op: i32, o: usize, pa: usize, sa: i32, pb: usize, sb: i32, n: i32): void {
  const size = <usize>sizeof<T>();
  for (let i = 0; i < n; i++) store<u8>(o + <usize>i, test<T>(op, load<T>(pa + <usize>(i * sa) * size), load<T>(pb + <usize>(i * sb) * size)));
}

@inline function compareNd<T>(op: i32, out: usize, a: usize, b: usize, rank: i32, meta: usize, index: usize): void {
  const size = <usize>sizeof<T>();
  const last = rank - 1;
  const n = load<i32>(meta + <usize>last * 4);
  const sa = load<i32>(meta + <usize>(rank + last) * 4);
  const sb = load<i32>(meta + <usize>(2 * rank + last) * 4);
  const offs = index + <usize>rank * 4;
  for (let d = 0; d < rank; d++) store<i32>(index + <usize>d * 4, 0);
  for (let q = 0; q < 2; q++) store<i32>(offs + <usize>q * 4, 0);
  let o = out;
  do {
    const pa = a + <usize>load<i32>(offs) * size;
    const pb = b + <usize>load<i32>(offs + 4) * size;
    // One switch per row, so each op's loop is branch-free inside.
    switch (op) {
      case EQ: compareRow<T>(EQ, o, pa, sa, pb, sb, n); break;
      case NE: compareRow<T>(NE, o, pa, sa, pb, sb, n); break;
      case LT: compareRow<T>(LT, o, pa, sa, pb, sb, n); break;
      case LE: compareRow<T>(LE, o, pa, sa, pb, sb, n); break;
      case GT: compareRow<T>(GT, o, pa, sa, pb, sb, n); break;
      default: compareRow<T>(GE, o, pa, sa, pb, sb, n);
    }
    o += <usize>n;
  } while (nextRow(rank, meta, index, offs, 2));
}

/** `cond ? a : b` over float32 operands, bytes for cond. index: (rank + 3) i32 of scratch. */
export function whereF32(out: usize, cond: usize, a: usize, b: usize, rank: i32, meta: usize, index: usize): void {
  whereNd<f32>(out, cond, a, b, rank, meta, index);
}

/** `cond ? a : b` over float64 operands. */
export function whereF64(out: usize, cond: usize, a: usize, b: usize, rank: i32, meta: usize, index: usize): void {
  whereNd<f64>(out, cond, a, b, rank, meta, index);
}

/** Elementwise comparison of float32 operands into bytes. index: (rank + 2) i32 of scratch. */
export function compareF32(op: i32, out: usize, a: usize, b: usize, rank: i32, meta: usize, index: usize): void {
  compareNd<f32>(op, out, a, b, rank, meta, index);
}

/** Elementwise comparison of float64 operands into bytes. */
export function compareF64(op: i32, out: usize, a: usize, b: usize, rank: i32, meta: usize, index: usize): void {
  compareNd<f64>(op, out, a, b, rank, meta, index);
}
