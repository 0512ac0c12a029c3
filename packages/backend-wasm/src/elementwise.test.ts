import { describe, expect, it } from 'vitest';
import type { BinaryOp, UnaryOp } from '@gradlab/core-tensor';
import { BINARY_CODES, UNARY_CODES, binaryWasm, unaryWasm } from './elementwise.ts';
import { WasmHeap } from './wasm-heap.ts';
import { compileKernelsSync, instantiateKernels } from './load-kernels.ts';
import { at, indices, maxRelError, randomArray, view } from '../test/reference.ts';

const heap = new WasmHeap(instantiateKernels(compileKernelsSync()));

const UNARY_REF: Record<string, (x: number) => number> = {
  neg: (x) => -x,
  abs: Math.abs,
  sqrt: Math.sqrt,
  relu: (x) => (Number.isNaN(x) ? x : Math.max(x, 0)),
  square: (x) => x * x,
  exp: Math.exp,
  log: Math.log,
  tanh: Math.tanh,
  sigmoid: (x) => 1 / (1 + Math.exp(-x)),
  sin: Math.sin,
  cos: Math.cos,
  sign: Math.sign,
  log1p: Math.log1p,
};

const BINARY_REF: Record<BinaryOp, (a: number, b: number) => number> = {
  add: (a, b) => a + b,
  sub: (a, b) => a - b,
  mul: (a, b) => a * b,
  div: (a, b) => a / b,
  maximum: (a, b) => (Number.isNaN(a) || Number.isNaN(b) ? NaN : Math.max(a, b)),
  minimum: (a, b) => (Number.isNaN(a) || Number.isNaN(b) ? NaN : Math.min(a, b)),
  pow: (a, b) => Math.pow(a, b),
};

describe.each(['float32', 'float64'] as const)('elementwise kernels, %s', (dtype) => {
  const tol = dtype === 'float32' ? 3e-6 : 1e-14;

  it.each(Object.keys(UNARY_CODES) as UnaryOp[])('unary %s matches Math over 1001 values, NaN and ±0 included', (op) => {
    const x = randomArray(dtype, 1001, 7);
    x[5] = NaN;
    x[6] = 0;
    x[7] = -0;
    x[8] = 3;
    const domainSafe = op === 'sqrt' || op === 'log' || op === 'log1p';
    if (domainSafe) for (let i = 9; i < x.length; i++) x[i] = Math.abs(x[i] as number);
    const got = unaryWasm(heap, undefined, UNARY_CODES[op] as number, view(x, [1001]), dtype);
    const ref = UNARY_REF[op] as (v: number) => number;
    const want = Array.from(x, (v) => ref(v));
    expect(maxRelError(got, want)).toBeLessThan(tol);
    expect(Object.is(got[6], ref(0))).toBe(true);
  });

  it('unary reads a transposed (non-contiguous) view', () => {
    const x = randomArray(dtype, 12 * 40, 9);
    const v = view(x, [40, 12], [1, 40]);
    const got = unaryWasm(heap, undefined, UNARY_CODES.exp as number, v, dtype);
    const want = [...indices([40, 12])].map((i) => Math.exp(at(v, i)));
    expect(maxRelError(got, want)).toBeLessThan(tol);
  });

  // Broadcast patterns as the tensor layer sends them: both operands already have the output
  // shape, broadcast axes carry stride 0.
  const PATTERNS: { name: string; shape: number[]; aStrides: number[]; bStrides: number[]; bSize: number }[] = [
    { name: 'same shape', shape: [37, 11], aStrides: [11, 1], bStrides: [11, 1], bSize: 407 },
    { name: 'row vector b', shape: [37, 11], aStrides: [11, 1], bStrides: [0, 1], bSize: 11 },
    { name: 'column vector b', shape: [37, 11], aStrides: [11, 1], bStrides: [1, 0], bSize: 37 },
    { name: 'scalar b', shape: [1001], aStrides: [1], bStrides: [0], bSize: 1 },
    { name: '3-d with a middle broadcast', shape: [3, 5, 7], aStrides: [35, 7, 1], bStrides: [7, 0, 1], bSize: 21 },
  ];

  it.each(Object.keys(BINARY_CODES) as BinaryOp[])('binary %s over every broadcast pattern', (op) => {
    const ref = BINARY_REF[op];
    for (const p of PATTERNS) {
      const size = p.shape.reduce((x, y) => x * y, 1);
      const A = randomArray(dtype, size, 21);
      const B = randomArray(dtype, p.bSize, 22);
      if (op === 'pow') for (let i = 0; i < A.length; i++) A[i] = Math.abs(A[i] as number);
      A[3] = NaN;
      const a = view(A, p.shape, p.aStrides);
      const b = view(B, p.shape, p.bStrides);
      const got = binaryWasm(heap, undefined, BINARY_CODES[op], a, b, dtype);
      const want = [...indices(p.shape)].map((i) => ref(at(a, i), at(b, i)));
      expect(maxRelError(got, want), `${op}, ${p.name}`).toBeLessThan(tol);
    }
  });

  it('binary with the scalar on the left, and a reversed (negative-stride) operand', () => {
    const A = randomArray(dtype, 1, 31);
    const B = randomArray(dtype, 513, 32);
    const a = view(A, [513], [0]);
    const b = view(B, [513], [-1], 512);
    const got = binaryWasm(heap, undefined, BINARY_CODES.sub, a, b, dtype);
    const want = [...indices([513])].map((i) => at(a, i) - at(b, i));
    expect(maxRelError(got, want)).toBeLessThan(tol);
  });
});

describe('float32 SIMD exp and sigmoid (own polynomial)', () => {
  const xs = new Float32Array(4001);
  for (let i = 0; i < xs.length; i++) xs[i] = -110 + (205 * i) / (xs.length - 1);
  xs[0] = NaN;
  xs[1] = Infinity;
  xs[2] = -Infinity;

  it('exp is within 2 ulp of the correctly rounded value, saturating to 0 and inf', () => {
    const got = unaryWasm(heap, undefined, UNARY_CODES.exp as number, view(xs, [xs.length]), 'float32');
    for (let i = 0; i < xs.length; i++) {
      const x = xs[i] as number;
      const want = Math.fround(Math.exp(x));
      const g = got[i] as number;
      if (Number.isNaN(x)) expect(g).toBeNaN();
      else if (want === 0 || !Number.isFinite(want)) expect(g).toBe(want);
      // Subnormal results carry absolute, not relative, precision.
      else expect(Math.abs(g - want), `exp(${x})`).toBeLessThanOrEqual(Math.max(2.4e-7 * want, 2 ** -149));
    }
  });

  it('give every element the same bits wherever it sits (the last partial vector too)', () => {
    for (const op of ['exp', 'sigmoid'] as const) {
      const whole = unaryWasm(heap, undefined, UNARY_CODES[op] as number, view(xs, [xs.length]), 'float32');
      for (const [start, len] of [[1, 7], [3, 5], [10, 3], [4000, 1]] as const) {
        const part = unaryWasm(heap, undefined, UNARY_CODES[op] as number, view(xs.slice(start, start + len), [len]), 'float32');
        for (let i = 0; i < len; i++) expect(Object.is(part[i], whole[start + i]), `${op} at ${start + i}`).toBe(true);
      }
    }
  });

  it('sigmoid is accurate on both tails and never overflows', () => {
    const got = unaryWasm(heap, undefined, UNARY_CODES.sigmoid as number, view(xs, [xs.length]), 'float32');
    for (let i = 0; i < xs.length; i++) {
      const x = xs[i] as number;
      const want = x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
      const g = got[i] as number;
      if (Number.isNaN(x)) expect(g).toBeNaN();
      else expect(Math.abs(g - want), `sigmoid(${x})`).toBeLessThanOrEqual(Math.max(4e-7 * want, 2 ** -148));
    }
  });
});
