import { ValueError } from './errors.ts';
import { checkElementCount } from './validate/element-cap.ts';
import { requireFinite } from './validate/require-number.ts';
import { requireFiniteArray } from './validate/require-shape.ts';

/**
 * A seeded pseudo-random generator: xoshiro128** (Blackman & Vigna), 128 bits of state, period
 * 2^128 − 1, seeded through splitmix32 so that nearby seeds give unrelated streams.
 *
 * All arithmetic is on 32-bit integers (`Math.imul`, `>>>`), so the same seed gives bit-identical
 * streams on every engine and platform. `split()` and `fork(key)` derive independent child
 * generators, the way JAX splits keys: a child never replays its parent's numbers.
 */
export interface Rng {
  /** The next raw 32-bit output as an unsigned integer in [0, 2^32). */
  nextUint32(): number;
  /** A double uniform on [0, 1) with 53 random bits; or on [low, high). */
  uniform(low?: number, high?: number): number;
  /** A draw from N(mean, std²) (Box–Muller, both values of each pair are used). */
  normal(mean?: number, std?: number): number;
  /** 1 with probability p, else 0. */
  bernoulli(p: number): 0 | 1;
  /** An index k with probability probs[k] (probs must be non-negative and sum to 1 within 1e-9). */
  categorical(probs: ArrayLike<number>): number;
  /** An integer uniform on [0, n), without modulo bias. */
  integer(n: number): number;
  /** A uniformly random permutation of 0..n-1 (Fisher–Yates). */
  permutation(n: number): Int32Array;
  /** A shuffled copy of `items` (Fisher–Yates); the input is left as it is. */
  shuffle<T>(items: readonly T[]): T[];
  /** A new independent generator; advances this one by one draw. */
  split(): Rng;
  /** The child generator number `key` of this one, without advancing this one. */
  fork(key: number): Rng;
  /** A copy with the same state: both then produce the same stream. */
  clone(): Rng;
  /** The 4×32-bit state, for saving; restore with {@link rngFromState}. */
  state(): [number, number, number, number];
}

function splitmix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** Mixes a 32-bit word into another (murmur3 finalizer); used to derive child seeds. */
function mix(a: number, b: number): number {
  let h = (a ^ Math.imul(b, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

const TWO_POW_32 = 4294967296;
const TWO_POW_53 = 9007199254740992;

class Xoshiro128 implements Rng {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;
  private spare: number | undefined = undefined;

  constructor(s0: number, s1: number, s2: number, s3: number) {
    this.s0 = s0 >>> 0;
    this.s1 = s1 >>> 0;
    this.s2 = s2 >>> 0;
    this.s3 = s3 >>> 0;
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
  }

  nextUint32(): number {
    const t1 = Math.imul(this.s1, 5);
    const result = Math.imul((t1 << 7) | (t1 >>> 25), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = (this.s3 << 11) | (this.s3 >>> 21);
    this.s0 >>>= 0;
    this.s1 >>>= 0;
    this.s2 >>>= 0;
    this.s3 >>>= 0;
    return result;
  }

  uniform(low = 0, high = 1): number {
    if (low !== 0 || high !== 1) {
      requireFinite(low, { op: 'Rng.uniform', arg: 'low' });
      requireFinite(high, { op: 'Rng.uniform', arg: 'high' });
    }
    const a = this.nextUint32() >>> 5;
    const b = this.nextUint32() >>> 6;
    const u = (a * 67108864 + b) / TWO_POW_53;
    return low === 0 && high === 1 ? u : low + (high - low) * u;
  }

  normal(mean = 0, std = 1): number {
    if (mean !== 0 || std !== 1) {
      requireFinite(mean, { op: 'Rng.normal', arg: 'mean' });
      requireFinite(std, { op: 'Rng.normal', arg: 'std' }, { min: 0 });
    }
    if (this.spare !== undefined) {
      const z = this.spare;
      this.spare = undefined;
      return mean + std * z;
    }
    // Box–Muller on (0, 1]: 1 − u never hits 0, so the log is finite.
    const u1 = 1 - this.uniform();
    const u2 = this.uniform();
    const r = Math.sqrt(-2 * Math.log(u1));
    const theta = 2 * Math.PI * u2;
    this.spare = r * Math.sin(theta);
    return mean + std * r * Math.cos(theta);
  }

  bernoulli(p: number): 0 | 1 {
    if (!(p >= 0 && p <= 1)) {
      throw new ValueError('p must be a probability', { op: 'Rng.bernoulli', arg: 'p', expected: 'a number in [0, 1]', received: p });
    }
    return this.uniform() < p ? 1 : 0;
  }

  categorical(probs: ArrayLike<number>): number {
    requireFiniteArray(probs, { op: 'Rng.categorical', arg: 'probs' });
    let total = 0;
    for (let i = 0; i < probs.length; i++) {
      const p = probs[i] as number;
      if (!(p >= 0)) {
        throw new ValueError('probabilities must be non-negative numbers', { op: 'Rng.categorical', arg: `probs[${i}]`, expected: '>= 0', received: p });
      }
      total += p;
    }
    if (probs.length === 0 || Math.abs(total - 1) > 1e-9) {
      throw new ValueError('probabilities must sum to 1', { op: 'Rng.categorical', arg: 'probs', expected: 'sum 1 (within 1e-9)', received: `sum ${total}` });
    }
    const u = this.uniform() * total;
    let acc = 0;
    for (let i = 0; i < probs.length; i++) {
      acc += probs[i] as number;
      if (u < acc) return i;
    }
    // Rounding can leave u just above the last partial sum: return the last index with mass.
    for (let i = probs.length - 1; i >= 0; i--) if ((probs[i] as number) > 0) return i;
    return probs.length - 1;
  }

  integer(n: number): number {
    if (!Number.isInteger(n) || n <= 0 || n > TWO_POW_32) {
      throw new ValueError('n must be a positive integer up to 2^32', { op: 'Rng.integer', arg: 'n', expected: 'integer in [1, 2^32]', received: n });
    }
    // Rejection sampling removes the modulo bias of `x % n`.
    const limit = TWO_POW_32 - (TWO_POW_32 % n);
    for (;;) {
      const x = this.nextUint32();
      if (x < limit) return x % n;
    }
  }

  permutation(n: number): Int32Array {
    if (!Number.isInteger(n) || n < 0) {
      throw new ValueError('n must be a non-negative integer', { op: 'Rng.permutation', arg: 'n', expected: 'integer >= 0', received: n });
    }
    checkElementCount(n, { op: 'Rng.permutation', arg: 'n' });
    const out = new Int32Array(n);
    for (let i = 0; i < n; i++) out[i] = i;
    for (let i = n - 1; i > 0; i--) {
      const j = this.integer(i + 1);
      const tmp = out[i] as number;
      out[i] = out[j] as number;
      out[j] = tmp;
    }
    return out;
  }

  shuffle<T>(items: readonly T[]): T[] {
    if (!Array.isArray(items)) throw new ValueError('items must be an array', { op: 'Rng.shuffle', arg: 'items', expected: 'an array', received: typeof items });
    const perm = this.permutation(items.length);
    return Array.from(perm, (i) => items[i] as T);
  }

  split(): Rng {
    const a = this.nextUint32();
    const b = this.nextUint32();
    return seeded4(mix(a, 0x243f6a88), mix(b, 0x85a308d3), mix(a ^ b, 0x13198a2e), mix(b, a));
  }

  fork(key: number): Rng {
    if (!Number.isInteger(key) || key < 0) {
      throw new ValueError('key must be a non-negative integer', { op: 'Rng.fork', arg: 'key', expected: 'integer >= 0', received: key });
    }
    const k = key >>> 0;
    const hi = Math.floor(key / TWO_POW_32) >>> 0;
    return seeded4(mix(this.s0, k), mix(this.s1, hi ^ 0x3c6ef372), mix(this.s2, k ^ 0xa54ff53a), mix(this.s3, k + 0x510e527f));
  }

  clone(): Rng {
    const c = new Xoshiro128(this.s0, this.s1, this.s2, this.s3);
    c.spare = this.spare;
    return c;
  }

  state(): [number, number, number, number] {
    return [this.s0, this.s1, this.s2, this.s3];
  }
}

function seeded4(a: number, b: number, c: number, d: number): Rng {
  // Run the four words through splitmix once more so related inputs give unrelated states.
  const sm = splitmix32(mix(mix(a, b), mix(c, d)));
  return new Xoshiro128(sm() ^ a, sm() ^ b, sm() ^ c, sm() ^ d);
}

/**
 * Creates a seeded generator. The same seed gives the same stream, bit for bit, everywhere.
 * @param seed a finite integer in [0, 2^53) (default 0)
 * @returns a fresh {@link Rng}
 * @throws ValueError when the seed is not a safe non-negative integer
 * @example
 * const r = rng(42);
 * r.uniform();      // 0.… the same every run
 * const [a, b] = [r.split(), r.split()]; // independent streams
 */
export function rng(seed = 0): Rng {
  if (!Number.isSafeInteger(seed) || seed < 0) {
    throw new ValueError('seed must be a non-negative safe integer', { op: 'rng', arg: 'seed', expected: 'integer in [0, 2^53)', received: seed });
  }
  const lo = seed >>> 0;
  const hi = Math.floor(seed / TWO_POW_32) >>> 0;
  const sm = splitmix32(mix(lo, hi));
  return new Xoshiro128(sm(), sm(), sm(), sm());
}

/**
 * Restores a generator from {@link Rng.state}.
 * @throws ValueError when the state is not four 32-bit words, or all zero
 */
export function rngFromState(state: readonly number[]): Rng {
  if (!Array.isArray(state) || state.length !== 4 || state.some((w) => !Number.isInteger(w) || w < 0 || w >= TWO_POW_32)) {
    throw new ValueError('state must be four unsigned 32-bit integers', { op: 'rngFromState', arg: 'state', expected: '[u32, u32, u32, u32]', received: Array.isArray(state) ? state : typeof state });
  }
  if (state.every((w) => w === 0)) {
    throw new ValueError('an all-zero state is invalid for xoshiro128**', { op: 'rngFromState', arg: 'state', received: state });
  }
  return new Xoshiro128(state[0] as number, state[1] as number, state[2] as number, state[3] as number);
}
