import type { FusedStep } from '@gradlab/core-tensor';
import type { FloatDType } from './float-dtype.ts';

/**
 * A tiny WebAssembly code generator for fused elementwise programs.
 *
 * The chunked fused kernel (assembly/elementwise.ts) keeps intermediates in L1, but each step still
 * loads and stores every vector: it is bound by loads and stores, like running the ops one by one.
 * Here each distinct program becomes a small wasm function whose loop loads each input vector
 * once, runs the whole chain in SIMD registers (locals) and stores the result once: for
 * relu(x·w + b), three loads and one store per vector instead of seven loads and three stores.
 *
 * Scope: float32/float64, ops in core-tensor's fusable lists, inputs whose innermost stride is 1
 * (a row) or 0 (a value splatted over the row), over at most two dims after coalescing (rows of
 * `n` elements, each input advancing by its own row stride). Anything else stays with the chunked
 * kernel. Each step is the same IEEE operation as the unfused kernel (vector body and scalar tail
 * alike), so results are bit-identical. Functions are cached by program, import the backend's
 * memory, and are compiled synchronously (a few hundred bytes each).
 */

/** Kinds of input the generated loop reads: a contiguous row, or one value per row (splat). */
export type InputKind = 'row' | 'splat';

/** A compiled program: `(out, rows, n, base0, rowStride0, base1, rowStride1, …)`, addresses and strides in bytes. */
export type FusedFn = (...args: number[]) => void;

// Opcodes (the WebAssembly core and SIMD specifications).
const OP = {
  block: 0x02, loop: 0x03, br: 0x0c, brIf: 0x0d, end: 0x0b, select: 0x1b,
  localGet: 0x20, localSet: 0x21, localTee: 0x22,
  i32Const: 0x41, i32Add: 0x6a, i32Or: 0x72, i32GeU: 0x4f,
  f32Load: 0x2a, f64Load: 0x2b, f32Store: 0x38, f64Store: 0x39, f32Const: 0x43, f64Const: 0x44,
  simd: 0xfd,
} as const;
const I32 = 0x7f;
const F32 = 0x7d;
const F64 = 0x7c;
const V128 = 0x7b;

// Per dtype: scalar and SIMD opcodes of each op (SIMD ones follow the 0xfd prefix).
const SCALAR: Record<FloatDType, Record<string, number>> = {
  float32: { abs: 0x8b, neg: 0x8c, sqrt: 0x91, add: 0x92, sub: 0x93, mul: 0x94, div: 0x95, minimum: 0x96, maximum: 0x97, ne: 0x5c, gt: 0x5e },
  float64: { abs: 0x99, neg: 0x9a, sqrt: 0x9f, add: 0xa0, sub: 0xa1, mul: 0xa2, div: 0xa3, minimum: 0xa4, maximum: 0xa5, ne: 0x62, gt: 0x64 },
};
const VECTOR: Record<FloatDType, Record<string, number>> = {
  float32: { splat: 0x13, ne: 0x42, gt: 0x44, abs: 0xe0, neg: 0xe1, sqrt: 0xe3, add: 0xe4, sub: 0xe5, mul: 0xe6, div: 0xe7, minimum: 0xe8, maximum: 0xe9 },
  float64: { splat: 0x14, ne: 0x48, gt: 0x4a, abs: 0xec, neg: 0xed, sqrt: 0xef, add: 0xf0, sub: 0xf1, mul: 0xf2, div: 0xf3, minimum: 0xf4, maximum: 0xf5 },
};
const V128_LOAD = 0x00;
const V128_STORE = 0x0b;
const V128_CONST = 0x0c;
const V128_AND = 0x4e;
const V128_OR = 0x50;

/** The ops the generator knows (all of core-tensor's fusable ops). */
const KNOWN = new Set<string>(['abs', 'neg', 'sqrt', 'add', 'sub', 'mul', 'div', 'minimum', 'maximum', 'square', 'relu']);

function uleb(n: number): number[] {
  const out: number[] = [];
  let v = n >>> 0;
  do {
    let byte = v & 0x7f;
    v >>>= 7;
    if (v !== 0) byte |= 0x80;
    out.push(byte);
  } while (v !== 0);
  return out;
}

function sleb(n: number): number[] {
  const out: number[] = [];
  let v = n | 0;
  for (;;) {
    const byte = v & 0x7f;
    v >>= 7;
    if ((v === 0 && (byte & 0x40) === 0) || (v === -1 && (byte & 0x40) !== 0)) {
      out.push(byte);
      return out;
    }
    out.push(byte | 0x80);
  }
}

function section(id: number, body: number[]): number[] {
  return [id, ...uleb(body.length), ...body];
}

function vec(items: number[][]): number[] {
  return [...uleb(items.length), ...items.flat()];
}

function name(s: string): number[] {
  const bytes = Array.from(new TextEncoder().encode(s));
  return [...uleb(bytes.length), ...bytes];
}

/** The wasm bytes of a fused program's function (exported as `run`). */
export function emitFusedModule(steps: readonly FusedStep[], kinds: readonly InputKind[], dtype: FloatDType, sharedMemory: boolean): Uint8Array<ArrayBuffer> {
  const T = dtype === 'float32' ? F32 : F64;
  const size = dtype === 'float32' ? 4 : 8;
  const align = dtype === 'float32' ? 2 : 3;
  const sc = SCALAR[dtype];
  const vc = VECTOR[dtype];
  const nIn = kinds.length;
  const nReg = nIn + steps.length;
  // Params: out, rows, n, then (base, rowStride) per input.
  const P_OUT = 0;
  const P_ROWS = 1;
  const P_N = 2;
  const pBase = (j: number): number => 3 + 2 * j;
  const pStride = (j: number): number => 4 + 2 * j;
  const nParams = 3 + 2 * nIn;
  // Locals after the params: r, o, end4, end1, endAll (i32); then nReg v128; then nReg scalars.
  const L_R = nParams;
  const L_O = nParams + 1;
  const L_END4 = nParams + 2;
  const L_END1 = nParams + 3;
  const L_ENDALL = nParams + 4;
  const L_ADDR = nParams + 5; // one i32 address per input, per vector iteration
  const vReg = (k: number): number => nParams + 5 + nIn + k;
  const sReg = (k: number): number => nParams + 5 + nIn + nReg + k;

  const code: number[] = [];
  const emit = (...b: number[]): void => {
    code.push(...b);
  };
  const get = (l: number): void => emit(OP.localGet, ...uleb(l));
  const set = (l: number): void => emit(OP.localSet, ...uleb(l));
  const i32c = (v: number): void => emit(OP.i32Const, ...sleb(v));
  const simd = (op: number, ...imm: number[]): void => emit(OP.simd, ...uleb(op), ...imm);
  const zeroVector = (): void => simd(V128_CONST, ...new Array<number>(16).fill(0));
  const zeroScalar = (): void => (T === F32 ? emit(OP.f32Const, 0, 0, 0, 0) : emit(OP.f64Const, 0, 0, 0, 0, 0, 0, 0, 0));

  /** Step k on vector registers. */
  const vectorStep = (k: number): void => {
    const s = steps[k] as FusedStep;
    const [a, b] = s.args as [number, number | undefined];
    if (s.op === 'relu') {
      // x & ((x > 0) | (x != x)): keeps NaN, gives +0 elsewhere, as the unfused kernels.
      get(vReg(a));
      get(vReg(a));
      zeroVector();
      simd(vc.gt as number);
      get(vReg(a));
      get(vReg(a));
      simd(vc.ne as number);
      simd(V128_OR);
      simd(V128_AND);
    } else if (s.op === 'square') {
      get(vReg(a));
      get(vReg(a));
      simd(vc.mul as number);
    } else {
      get(vReg(a));
      if (b !== undefined) get(vReg(b));
      simd(vc[s.op] as number);
    }
    set(vReg(nIn + k));
  };
  /** Step k on scalar registers. */
  const scalarStep = (k: number): void => {
    const s = steps[k] as FusedStep;
    const [a, b] = s.args as [number, number | undefined];
    if (s.op === 'relu') {
      // select(x, +0, x > 0 || x != x)
      get(sReg(a));
      zeroScalar();
      get(sReg(a));
      zeroScalar();
      emit(sc.gt as number);
      get(sReg(a));
      get(sReg(a));
      emit(sc.ne as number);
      emit(OP.i32Or);
      emit(OP.select);
    } else if (s.op === 'square') {
      get(sReg(a));
      get(sReg(a));
      emit(sc.mul as number);
    } else {
      get(sReg(a));
      if (b !== undefined) get(sReg(b));
      emit(sc[s.op] as number);
    }
    set(sReg(nIn + k));
  };
  const last = nReg - 1;

  /** One vector iteration at byte offset o + `extra` (inputs' addresses already in L_ADDR + j). */
  const vectorBody = (extra: number): void => {
    for (let j = 0; j < nIn; j++) {
      if (kinds[j] !== 'row') continue;
      get(L_ADDR + j);
      simd(V128_LOAD, 0, ...uleb(extra));
      set(vReg(j));
    }
    for (let k = 0; k < steps.length; k++) vectorStep(k);
  };
  const storeVector = (extra: number): void => {
    get(P_OUT);
    get(L_O);
    emit(OP.i32Add);
    get(vReg(last));
    simd(V128_STORE, 0, ...uleb(extra));
  };
  const computeAddresses = (): void => {
    for (let j = 0; j < nIn; j++) {
      if (kinds[j] !== 'row') continue;
      get(pBase(j));
      get(L_O);
      emit(OP.i32Add);
      set(L_ADDR + j);
    }
  };
  /** A loop over o while o < end, running `body` and adding `stepBytes`. */
  const loopUntil = (end: number, stepBytes: number, body: () => void): void => {
    emit(OP.block, 0x40, OP.loop, 0x40);
    get(L_O);
    get(end);
    emit(OP.i32GeU, OP.brIf, 1);
    body();
    get(L_O);
    i32c(stepBytes);
    emit(OP.i32Add);
    set(L_O);
    emit(OP.br, 0, OP.end, OP.end);
  };

  const lanes = 16 / size;
  // endAll = n·size; end1 = (n − n mod lanes)·size; end4 = (n − n mod 4·lanes)·size.
  get(P_N);
  i32c(size);
  emit(0x6c); // i32.mul
  set(L_ENDALL);
  get(P_N);
  get(P_N);
  i32c(lanes);
  emit(0x70); // i32.rem_u
  emit(0x6b); // i32.sub
  i32c(size);
  emit(0x6c);
  set(L_END1);
  get(P_N);
  get(P_N);
  i32c(4 * lanes);
  emit(0x70);
  emit(0x6b);
  i32c(size);
  emit(0x6c);
  set(L_END4);

  // for (r = 0; r < rows; r++)
  emit(OP.block, 0x40, OP.loop, 0x40);
  get(L_R);
  get(P_ROWS);
  emit(OP.i32GeU, OP.brIf, 1);
  // Splatted inputs: one value per row.
  for (let j = 0; j < nIn; j++) {
    if (kinds[j] !== 'splat') continue;
    get(pBase(j));
    emit(T === F32 ? OP.f32Load : OP.f64Load, align, 0);
    emit(OP.localTee, ...uleb(sReg(j)));
    simd(vc.splat as number);
    set(vReg(j));
  }
  i32c(0);
  set(L_O);
  // Four vectors per iteration, then one, then the scalar tail.
  loopUntil(L_END4, 64, () => {
    computeAddresses();
    for (let u = 0; u < 4; u++) {
      vectorBody(16 * u);
      storeVector(16 * u);
    }
  });
  loopUntil(L_END1, 16, () => {
    computeAddresses();
    vectorBody(0);
    storeVector(0);
  });
  loopUntil(L_ENDALL, size, () => {
    for (let j = 0; j < nIn; j++) {
      if (kinds[j] !== 'row') continue;
      get(pBase(j));
      get(L_O);
      emit(OP.i32Add);
      emit(T === F32 ? OP.f32Load : OP.f64Load, align, 0);
      set(sReg(j));
    }
    for (let k = 0; k < steps.length; k++) scalarStep(k);
    get(P_OUT);
    get(L_O);
    emit(OP.i32Add);
    get(sReg(last));
    emit(T === F32 ? OP.f32Store : OP.f64Store, align, 0);
  });
  // Next row.
  for (let j = 0; j < nIn; j++) {
    get(pBase(j));
    get(pStride(j));
    emit(OP.i32Add);
    set(pBase(j));
  }
  get(P_OUT);
  get(L_ENDALL);
  emit(OP.i32Add);
  set(P_OUT);
  get(L_R);
  i32c(1);
  emit(OP.i32Add);
  set(L_R);
  emit(OP.br, 0, OP.end, OP.end, OP.end);

  const locals = vec([
    [...uleb(5 + nIn), I32],
    [...uleb(nReg), V128],
    [...uleb(nReg), T],
  ]);
  const body = [...locals, ...code];
  const funcType = [0x60, ...vec(new Array<number[]>(nParams).fill([I32])), 0];
  const memoryLimits = sharedMemory ? [0x03, 0, ...uleb(65536)] : [0x00, 0];
  const bytes = [
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, vec([funcType])),
    ...section(2, vec([[...name('env'), ...name('memory'), 0x02, ...memoryLimits]])),
    ...section(3, vec([[0]])),
    ...section(7, vec([[...name('run'), 0x00, 0]])),
    ...section(10, vec([[...uleb(body.length), ...body]])),
  ];
  return new Uint8Array(bytes);
}

/** Compiles and caches one function per fused program over a backend's memory. */
export class FusedJit {
  private readonly cache = new Map<string, FusedFn | null>();
  private readonly memory: WebAssembly.Memory;
  private readonly shared: boolean;

  /** @param memory the kernels' memory; @param shared whether it is a shared memory */
  constructor(memory: WebAssembly.Memory, shared: boolean) {
    this.memory = memory;
    this.shared = shared;
  }

  /** How many programs have a compiled function now. */
  get compiled(): number {
    let n = 0;
    for (const f of this.cache.values()) if (f !== null) n++;
    return n;
  }

  /** The compiled function for this program, or undefined when it cannot be generated here. */
  get(steps: readonly FusedStep[], kinds: readonly InputKind[], dtype: FloatDType): FusedFn | undefined {
    if (steps.some((s) => !KNOWN.has(s.op))) return undefined;
    const key = `${dtype}|${kinds.join(',')}|${steps.map((s) => `${s.op}:${s.args.join(',')}`).join(';')}`;
    let fn = this.cache.get(key);
    if (fn === undefined) {
      try {
        const module = new WebAssembly.Module(emitFusedModule(steps, kinds, dtype, this.shared));
        const instance = new WebAssembly.Instance(module, { env: { memory: this.memory } });
        fn = instance.exports.run as FusedFn;
      } catch {
        fn = null; // e.g. an engine that refuses synchronous compilation: the chunked kernel runs instead
      }
      if (this.cache.size > 256) this.cache.clear();
      this.cache.set(key, fn);
    }
    return fn ?? undefined;
  }
}
