import type { Backend, BinaryOp, FusedStep, StridedArray, UnaryOp } from '../backend/backend.ts';
import { BINARY_OPS, COMPARE_OPS, KERNEL_NAMES, UNARY_OPS } from '../backend/backend.ts';
import type { DType, TypedArray } from '../dtype.ts';
import { allocate } from '../dtype.ts';
import { rng } from '../random.ts';
import { rowMajorStrides, sizeOf } from '../shape.ts';
import { erf } from '../backend/js/special.ts';

/** The result of {@link checkBackend}. */
export interface BackendCheckReport {
  passed: boolean;
  /** One line per failed case: kernel, case, and what differed. */
  failures: string[];
  /** How many cases ran. */
  cases: number;
}

function arr(values: readonly number[], dtype: DType, shape: readonly number[] = [values.length]): StridedArray {
  const data = allocate(dtype, values.length);
  data.set(values);
  return { data, dtype, shape, strides: rowMajorStrides(shape), offset: 0 };
}

/** A transposed (non-contiguous) view of a row-major [r, c] array, as [c, r]. */
function transposed(x: StridedArray): StridedArray {
  return { ...x, shape: [x.shape[1] as number, x.shape[0] as number], strides: [x.strides[1] as number, x.strides[0] as number] };
}

/** Reads a strided array in row-major order (the reference reader). */
function read(x: StridedArray): number[] {
  const n = sizeOf(x.shape);
  const out: number[] = [];
  const idx = new Array<number>(x.shape.length).fill(0);
  for (let i = 0; i < n; i++) {
    let o = x.offset;
    for (let d = 0; d < idx.length; d++) o += (idx[d] as number) * (x.strides[d] as number);
    out.push(x.data[o] as number);
    for (let d = idx.length - 1; d >= 0; d--) {
      idx[d] = (idx[d] as number) + 1;
      if ((idx[d] as number) < (x.shape[d] as number)) break;
      idx[d] = 0;
    }
  }
  return out;
}

function close(a: ArrayLike<number>, b: readonly number[], tol: number): string | undefined {
  if (a.length !== b.length) return `length ${a.length}, expected ${b.length}`;
  for (let i = 0; i < b.length; i++) {
    const u = a[i] as number;
    const v = b[i] as number;
    if (Number.isNaN(v) ? !Number.isNaN(u) : !(Math.abs(u - v) <= tol * Math.max(1, Math.abs(v)) || u === v)) return `at ${i}: got ${u}, expected ${v}`;
  }
  return undefined;
}

const UNARY_REF: Record<string, (x: number) => number> = {
  neg: (x) => -x, abs: Math.abs, sign: Math.sign, square: (x) => x * x, sqrt: Math.sqrt, exp: Math.exp, log: Math.log, log1p: Math.log1p,
  sin: Math.sin, cos: Math.cos, tanh: Math.tanh, sigmoid: (x) => 1 / (1 + Math.exp(-x)), erf, relu: (x) => Math.max(x, 0),
};
const BINARY_REF: Record<string, (a: number, b: number) => number> = {
  add: (a, b) => a + b, sub: (a, b) => a - b, mul: (a, b) => a * b, div: (a, b) => a / b, pow: Math.pow, maximum: Math.max, minimum: Math.min,
};
const COMPARE_REF: Record<string, (a: number, b: number) => boolean> = {
  equal: (a, b) => a === b, notEqual: (a, b) => a !== b, less: (a, b) => a < b, lessEqual: (a, b) => a <= b, greater: (a, b) => a > b, greaterEqual: (a, b) => a >= b,
};

/**
 * The conformance suite of the {@link Backend} contract: runs every kernel on small cases with
 * strided, transposed and broadcast (stride-0) inputs, and compares with plain-JS reference
 * results; also checks that results are deterministic. Any backend (ours or a user's) runs it in
 * its own tests.
 * @param backend the backend to check
 * @returns `{ passed, failures, cases }`: failures name the kernel and case
 * @example
 * const report = checkBackend(createJsBackend());
 * report.passed; // true
 */
export function checkBackend(backend: Backend): BackendCheckReport {
  const failures: string[] = [];
  let cases = 0;
  const check = (name: string, fn: () => string | undefined): void => {
    cases++;
    try {
      const msg = fn();
      if (msg !== undefined) failures.push(`${name}: ${msg}`);
    } catch (e) {
      failures.push(`${name}: threw ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  for (const k of KERNEL_NAMES) {
    if (typeof (backend as unknown as Record<string, unknown>)[k] !== 'function') failures.push(`${k}: missing kernel`);
  }
  if (failures.length > 0) return { passed: false, failures, cases: KERNEL_NAMES.length };
  const r = rng(20261129);
  const rand = (n: number, lo = -2, hi = 2): number[] => Array.from({ length: n }, () => r.uniform(lo, hi));
  const m23 = arr(rand(6), 'float64', [2, 3]);
  const t32 = transposed(m23);

  check('fill float64', () => close(backend.fill(4, 2.5, 'float64'), [2.5, 2.5, 2.5, 2.5], 0));
  check('fill int32', () => close(backend.fill(3, -7, 'int32'), [-7, -7, -7], 0));
  check('contiguous of a transposed view', () => close(backend.contiguous(t32), read(t32), 0));
  check('copy into a strided view', () => {
    const dst = allocate('float64', 6);
    backend.copy(arr([1, 2, 3], 'float64'), { data: dst, dtype: 'float64', shape: [3], strides: [2], offset: 1 });
    return close(dst, [0, 1, 0, 2, 0, 3], 0);
  });
  check('cast float64 → int32 (truncate)', () => close(backend.cast(arr([1.7, -1.7, 0, 3], 'float64'), 'int32'), [1, -1, 0, 3], 0));
  check('cast float64 → bool', () => close(backend.cast(arr([0.5, 0, -2], 'float64'), 'bool'), [1, 0, 1], 0));
  check('cast float64 → float32 rounds', () => close(backend.cast(arr([0.1], 'float64'), 'float32'), [Math.fround(0.1)], 0));
  check('cast of a transposed int view', () => close(backend.cast(transposed(arr([1, 2, 3, 4, 5, 6], 'int32', [2, 3])), 'float64'), [1, 4, 2, 5, 3, 6], 0));
  const xs = [-2.5, -1, -0.3, 0, 0.4, 1, 2.7, 3.5];
  for (const op of UNARY_OPS) {
    const positive = op === 'sqrt' || op === 'log';
    const vals = positive ? xs.map((v) => Math.abs(v) + 0.1) : xs;
    const f = UNARY_REF[op] as (x: number) => number;
    check(`unary ${op} float64`, () => close(backend.unary(op, arr(vals, 'float64'), 'float64'), vals.map(f), 1e-13));
    check(`unary ${op} float32`, () => close(backend.unary(op, arr(vals, 'float32'), 'float32'), vals.map((v) => Math.fround(f(Math.fround(v)))), 1e-6));
    const strided = transposed(arr(vals, 'float64', [2, 4]));
    check(`unary ${op} strided`, () => close(backend.unary(op, strided, 'float64'), read(strided).map(f), 1e-13));
  }
  check('unary neg int32', () => close(backend.unary('neg', arr([1, -2, 0], 'int32'), 'int32'), [-1, 2, 0], 0));
  const b3: StridedArray = { ...arr(rand(3, 0.5, 2), 'float64', [3]), shape: [2, 3], strides: [0, 1] };
  for (const op of BINARY_OPS) {
    const f = BINARY_REF[op] as (a: number, b: number) => number;
    const base = op === 'pow' ? arr(rand(6, 0.1, 2), 'float64', [2, 3]) : m23;
    check(`binary ${op} with a broadcast (stride-0) operand`, () => {
      const A = read(base);
      const B = read(b3);
      return close(backend.binary(op, base, b3, 'float64'), A.map((v, i) => f(v, B[i] as number)), 1e-13);
    });
    check(`binary ${op} on a transposed view`, () => {
      const a = transposed(base);
      const b = arr(rand(6, 0.5, 2), 'float64', [3, 2]);
      const A = read(a);
      const B = read(b);
      return close(backend.binary(op, a, b, 'float64'), A.map((v, i) => f(v, B[i] as number)), 1e-13);
    });
  }
  check('binary mul int32 wraps', () => close(backend.binary('mul', arr([65536, 3], 'int32'), arr([65536, -4], 'int32'), 'int32'), [0, -12], 0));
  check('binary add mixes dtypes', () => close(backend.binary('add', arr([1, 2], 'int32'), arr([0.5, 0.25], 'float64'), 'float64'), [1.5, 2.25], 0));
  check('binary maximum propagates NaN', () => close(backend.binary('maximum', arr([NaN, 1], 'float64'), arr([0, NaN], 'float64'), 'float64'), [NaN, NaN], 0));
  for (const op of COMPARE_OPS) {
    const f = COMPARE_REF[op] as (a: number, b: number) => boolean;
    const a = [1, 2, 3, NaN, -0, 5];
    const b = [1, 3, 2, 1, 0, 5];
    check(`compare ${op}`, () => close(backend.compare(op, arr(a, 'float64'), arr(b, 'float64')), a.map((v, i) => (f(v, b[i] as number) ? 1 : 0)), 0));
  }
  check('where with a broadcast condition', () => {
    const cond: StridedArray = { ...arr([1, 0, 1], 'bool'), shape: [2, 3], strides: [0, 1] };
    const A = read(m23);
    return close(backend.where(cond, m23, arr([9, 9, 9, 9, 9, 9], 'float64', [2, 3]), 'float64'), A.map((v, i) => (i % 3 === 1 ? 9 : v)), 0);
  });
  const cube = arr(rand(24), 'float64', [2, 3, 4]);
  const cubeT: StridedArray = { ...cube, shape: [4, 3, 2], strides: [1, 4, 12] };
  const ref = (x: StridedArray, op: 'sum' | 'max' | 'min', axes: number[]): number[] => {
    const vals = read(x);
    const shape = x.shape;
    const outShape = shape.filter((_, i) => !axes.includes(i));
    const out = new Array<number>(sizeOf(outShape)).fill(op === 'sum' ? 0 : op === 'max' ? -Infinity : Infinity);
    const strides = rowMajorStrides(outShape);
    vals.forEach((v, flatI) => {
      let rem = flatI;
      let o = 0;
      let k = 0;
      for (let d = 0; d < shape.length; d++) {
        const size = sizeOf(shape.slice(d + 1));
        const id = Math.floor(rem / size);
        rem -= id * size;
        if (!axes.includes(d)) o += id * (strides[k++] as number);
      }
      out[o] = op === 'sum' ? (out[o] as number) + v : op === 'max' ? Math.max(out[o] as number, v) : Math.min(out[o] as number, v);
    });
    return out;
  };
  for (const op of ['sum', 'max', 'min'] as const) {
    for (const axes of [[0], [1], [2], [0, 2], [0, 1, 2], []]) {
      check(`reduce ${op} over [${axes.join(',')}]`, () => close(backend.reduce(op, cube, axes), ref(cube, op, axes), 1e-13));
      check(`reduce ${op} over [${axes.join(',')}] of a permuted view`, () => close(backend.reduce(op, cubeT, axes), ref(cubeT, op, axes), 1e-13));
    }
  }
  check('argReduce argmax (first on ties)', () => close(backend.argReduce('argmax', arr([1, 5, 5, 2, 0, 2], 'float64', [2, 3]), 1), [1, 0], 0));
  check('argReduce argmin along axis 0 of a view', () => close(backend.argReduce('argmin', transposed(arr([3, 1, 2, 0, 4, 0], 'float64', [2, 3])), 0), [1, 0], 0));
  const naiveMatmul = (a: StridedArray, b: StridedArray): number[] => {
    const r = a.shape.length;
    const [m, k] = [a.shape[r - 2] as number, a.shape[r - 1] as number];
    const n = b.shape[r - 1] as number;
    const batch = sizeOf(a.shape.slice(0, r - 2));
    const A = read(a);
    const B = read(b);
    const out: number[] = [];
    for (let t = 0; t < batch; t++) for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) {
      let s = 0;
      for (let p = 0; p < k; p++) s += (A[t * m * k + i * k + p] as number) * (B[t * k * n + p * n + j] as number);
      out.push(s);
    }
    return out;
  };
  for (const [m, k, n] of [[2, 3, 4], [37, 41, 43], [70, 300, 65]] as const) {
    const a = arr(rand(m * k), 'float64', [m, k]);
    const bT = arr(rand(k * n), 'float64', [n, k]);
    const b = transposed(bT);
    check(`matmul ${m}x${k}x${n} with a transposed b`, () => close(backend.matmul(a, b, 'float64'), naiveMatmul(a, b), 1e-12));
    check(`matmul ${m}x${k}x${n} with a transposed a`, () => {
      const aT = transposed(arr(rand(m * k), 'float64', [k, m]));
      const bb = arr(rand(k * n), 'float64', [k, n]);
      return close(backend.matmul(aT, bb, 'float64'), naiveMatmul(aT, bb), 1e-12);
    });
  }
  check('matmul batched with a broadcast (stride-0) batch dim', () => {
    const a = arr(rand(2 * 3 * 5), 'float64', [2, 3, 5]);
    const bBase = arr(rand(5 * 4), 'float64', [5, 4]);
    const b: StridedArray = { ...bBase, shape: [2, 5, 4], strides: [0, 4, 1] };
    return close(backend.matmul(a, b, 'float64'), naiveMatmul(a, b), 1e-12);
  });
  check('matmul float32', () => {
    const a = arr(rand(12), 'float32', [3, 4]);
    const b = arr(rand(8), 'float32', [4, 2]);
    return close(backend.matmul(a, b, 'float32'), naiveMatmul(a, b).map(Math.fround), 1e-6);
  });
  check('matmul is deterministic', () => {
    const a = arr(rand(64 * 64), 'float64', [64, 64]);
    const x1 = backend.matmul(a, a, 'float64');
    const x2 = backend.matmul(a, a, 'float64');
    return close(x1, Array.from(x2), 0);
  });
  check('gather along axis 1 with repeats', () => close(backend.gather(m23, 1, Int32Array.from([2, 0, 2])), (() => { const A = read(m23); return [A[2], A[0], A[2], A[5], A[3], A[5]] as number[]; })(), 0));
  check('gather along axis 0 of a transposed view', () => close(backend.gather(t32, 0, Int32Array.from([1])), read(t32).slice(2, 4), 0));
  check('scatterAdd accumulates repeated indices', () => {
    const src = arr([1, 2, 3, 4, 5, 6], 'float64', [2, 3]);
    return close(backend.scatterAdd(src, 1, Int32Array.from([1, 0, 1]), 2), [2, 4, 5, 10], 0);
  });
  const outputs: TypedArray[] = [backend.fill(2, 1, 'float64')];
  check('outputs are typed arrays of the requested dtype', () => (outputs[0] instanceof Float64Array && backend.fill(1, 1, 'bool') instanceof Uint8Array && backend.compare('equal', arr([1], 'float64'), arr([1], 'float64')) instanceof Uint8Array ? undefined : 'wrong typed array type'));
  const fused = backend.fused;
  if (fused !== undefined) {
    const layouts = [
      ['broadcast and transposed inputs', [7, 37], true],
      ['rows and splatted values', [5, 131], false],
    ] as const;
    for (const [layout, shape, withTransposed] of layouts) for (const dtype of ['float32', 'float64'] as const) {
      check(`fused ${dtype}: every fusable op over ${layout}, bit-identical to the unfused kernels`, () => {
        const [rows, cols] = shape;
        const xs = rand(rows * cols);
        xs[5] = Number.NaN;
        xs[6] = -0;
        const inputs: StridedArray[] = [
          arr(xs, dtype, shape),
          { ...arr(rand(cols), dtype), shape, strides: [0, 1] },
          { ...arr([0.75], dtype), shape, strides: [0, 0] },
          withTransposed ? transposed(arr(rand(rows * cols, 0.1, 2), dtype, [cols, rows])) : arr(rand(rows * cols, 0.1, 2), dtype, shape),
        ];
        const steps: FusedStep[] = [
          { op: 'mul', args: [0, 1] },
          { op: 'add', args: [4, 2] },
          { op: 'relu', args: [5] },
          { op: 'sqrt', args: [3] },
          { op: 'div', args: [6, 7] },
          { op: 'neg', args: [8] },
          { op: 'abs', args: [9] },
          { op: 'square', args: [10] },
          { op: 'maximum', args: [11, 0] },
          { op: 'minimum', args: [12, 1] },
          { op: 'sub', args: [13, 2] },
        ];
        const regs = [...inputs];
        for (const st of steps) {
          const [a, b] = st.args.map((r) => regs[r] as StridedArray);
          const data = b === undefined ? backend.unary(st.op as UnaryOp, a as StridedArray, dtype) : backend.binary(st.op as BinaryOp, a as StridedArray, b, dtype);
          regs.push({ data, dtype, shape, strides: rowMajorStrides(shape), offset: 0 });
        }
        const want = (regs[regs.length - 1] as StridedArray).data;
        const got = fused(steps, inputs, dtype);
        if (got.length !== want.length) return `length ${got.length}, expected ${want.length}`;
        for (let i = 0; i < want.length; i++) if (!Object.is(got[i], want[i])) return `at ${i}: got ${got[i]}, unfused kernels give ${want[i]}`;
        return undefined;
      });
    }
  }
  // Optional fused softmax kernels (contract version 3): rows of a transposed view, a row with −∞
  // entries (a causal mask) and a row with a NaN, against a float64 reference.
  const softmaxRef = (rows: number[][]): number[] =>
    rows.flatMap((row) => {
      const m = row.some(Number.isNaN) ? Number.NaN : Math.max(...row);
      const e = row.map((v) => Math.exp(v - m));
      const z = e.reduce((acc, v) => acc + v, 0);
      return e.map((v) => v / z);
    });
  const rowsOf = (x: StridedArray): number[][] => {
    const flat = read(x);
    const n = x.shape[x.shape.length - 1] as number;
    return Array.from({ length: flat.length / n }, (_, i) => flat.slice(i * n, (i + 1) * n));
  };
  const smx = transposed(arr(rand(5 * 9, -4, 4), 'float64', [9, 5]));
  const masked = arr([0.5, -Infinity, 2, -Infinity, -Infinity, -Infinity, 1, Number.NaN, 3, 0, 1, 2], 'float64', [4, 3]);
  const softmax = backend.softmax;
  if (softmax !== undefined) {
    for (const [dtype, tol] of [['float64', 1e-13], ['float32', 1e-6]] as const) {
      for (const [layout, x] of [['a transposed view', smx], ['masked and NaN rows', masked]] as const) {
        check(`softmax ${dtype} over ${layout}`, () => {
          const xv = dtype === 'float64' ? x : arr(read(x), 'float32', x.shape);
          return close(softmax(xv, dtype), softmaxRef(rowsOf(xv)), tol);
        });
      }
    }
  }
  const softmaxGrad = backend.softmaxGrad;
  if (softmaxGrad !== undefined) {
    for (const [dtype, tol] of [['float64', 1e-13], ['float32', 1e-6]] as const) {
      check(`softmaxGrad ${dtype}: y ⊙ (g − Σ g ⊙ y) per row, g transposed`, () => {
        const y = arr(softmaxRef(rowsOf(arr(rand(5 * 9, -4, 4), 'float64', [5, 9]))), dtype, [5, 9]);
        const g = transposed(arr(rand(5 * 9), dtype, [9, 5]));
        const Y = read(y);
        const G = read(g);
        const want = Y.map((v, i) => {
          const r0 = Math.floor(i / 9) * 9;
          let sdot = 0;
          for (let j = r0; j < r0 + 9; j++) sdot += (G[j] as number) * (Y[j] as number);
          return v * ((G[i] as number) - sdot);
        });
        return close(softmaxGrad(y, g, dtype), want, tol);
      });
    }
  }
  return { passed: failures.length === 0, failures, cases };
}
