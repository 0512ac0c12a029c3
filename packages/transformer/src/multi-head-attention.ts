import { add, cast, greater, matmul, permute, reshape, rng as makeRng, ShapeError, squeeze, slice } from '@gradlab/core-tensor';
import type { Rng, Tensor } from '@gradlab/core-tensor';
import { Dropout, Module } from '@gradlab/models-nn';
import type { LayerConfig, Linear } from '@gradlab/models-nn';
import { trailingCausalMask } from './attention/trailing-causal-mask.ts';
import { scaledDotProductAttention } from './attention/scaled-dot-product-attention.ts';
import { gpt2Linear } from './gpt2-init.ts';
import { onRows } from './on-rows.ts';
import type { KvCache } from './kv-cache.ts';
import { bool, checkKeys, floatDType, positiveInt, rate, seedOf } from './options.ts';

/** Options of {@link multiHeadAttention}. */
export interface MultiHeadAttentionOptions {
  /** The model width D (input and output features). */
  dModel: number;
  /** The number of heads; D must be divisible by it. */
  heads: number;
  /** Biases on the projections (default true). */
  bias?: boolean;
  /** Dropout on the attention weights, in training mode only (default 0). */
  dropout?: number;
  /** Whether `forward` hides later positions (default false). */
  causal?: boolean;
  /** The seed of the dropout masks (default 0). */
  seed?: number;
  /** The generator of the initial weights, N(0, 0.02²) with zero biases (default rng(0)). */
  rng?: Rng;
  /** The parameters' dtype (default float32). */
  dtype?: 'float32' | 'float64';
}

/** Options of {@link MultiHeadAttention.attend}. */
export interface AttendOptions {
  /** A bool mask broadcastable to `[B, heads, Tq, Tk]`, true = keep (e.g. `[B, 1, 1, Tk]` for padding). */
  mask?: Tensor;
  /** Hide later positions (default: the module's `causal`). */
  causal?: boolean;
  /** Keys and values of earlier positions; the new ones are appended to it. */
  cache?: KvCache;
}

/** a AND b for bool masks. */
const both = (a: Tensor, b: Tensor): Tensor => greater(add(cast(a, 'int32'), cast(b, 'int32')), 1);

const KEYS = ['dModel', 'heads', 'bias', 'dropout', 'causal', 'seed', 'rng', 'dtype'];

/**
 * Multi-head self-attention over a batch of sequences `x: [B, T, D]`, batch first. One fused
 * projection `qkv` (weight `[3D, D]`: the query rows, then the key rows, then the value rows, as
 * `in_proj_weight` of PyTorch's `nn.MultiheadAttention`) gives Q, K, V; each is split into `heads`
 * heads of size D/heads, `[B, heads, T, D/heads]`, attended in one batched matmul, merged back and
 * projected by `out`. Parameters: `qkv.weight [3D, D]`, `qkv.bias [3D]`, `out.weight [D, D]`,
 * `out.bias [D]`.
 */
export class MultiHeadAttention extends Module {
  readonly kind = 'multi-head-attention';
  readonly dModel: number;
  readonly heads: number;
  readonly headDim: number;
  readonly dropout: number;
  readonly causal: boolean;
  readonly seed: number;
  /** The fused input projection, `[B, T, D] → [B, T, 3D]`. */
  readonly qkv: Linear;
  /** The output projection, `[B, T, D] → [B, T, D]`. */
  readonly out: Linear;
  readonly #drop: Dropout;

  constructor(options: MultiHeadAttentionOptions) {
    super();
    const op = 'multiHeadAttention';
    checkKeys(op, options, KEYS);
    this.dModel = positiveInt(op, 'options.dModel', options.dModel);
    this.heads = positiveInt(op, 'options.heads', options.heads);
    if (this.dModel % this.heads !== 0) {
      throw new ShapeError('dModel must be divisible by heads', { pkg: 'transformer', op, arg: 'options.heads', expected: `a divisor of dModel = ${this.dModel}`, received: this.heads, hint: 'each head gets dModel / heads features' });
    }
    this.headDim = this.dModel / this.heads;
    this.dropout = rate(op, 'options.dropout', options.dropout ?? 0);
    this.causal = bool(op, 'options.causal', options.causal ?? false);
    this.seed = seedOf(op, options.seed);
    const bias = bool(op, 'options.bias', options.bias ?? true);
    const dtype = floatDType(op, options.dtype);
    const r = options.rng ?? makeRng(0);
    const D = this.dModel;
    this.qkv = this.addModule('qkv', gpt2Linear(D, 3 * D, { bias, rng: r, dtype }));
    this.out = this.addModule('out', gpt2Linear(D, D, { bias, rng: r, dtype }));
    this.#drop = new Dropout(this.dropout, { seed: this.seed });
  }

  /**
   * Self-attention of each sequence, with the module's `causal` setting.
   * @param x `[B, T, D]`
   * @returns `[B, T, D]`
   * @throws ShapeError when x is not `[B, T, D]`
   */
  forward(x: Tensor): Tensor {
    return this.attend(x).output;
  }

  /**
   * Self-attention returning the weights too.
   * @param x `[B, T, D]` (with a cache: only the new positions)
   * @param options `mask`, `causal` (default the module's), `cache`
   * @returns `{ output: [B, T, D], weights: [B, heads, T, Tk] }` where Tk counts cached positions
   * @throws ShapeError when x is not `[B, T, D]` or does not fit the cache
   */
  attend(x: Tensor, options: AttendOptions = {}): { output: Tensor; weights: Tensor } {
    const D = this.dModel;
    if (x.rank !== 3 || x.shape[2] !== D) {
      throw new ShapeError(`multi-head attention expects [batch, time, ${D}]`, { pkg: 'transformer', op: 'multiHeadAttention.attend', arg: 'x', expected: `[B, T, ${D}]`, received: [...x.shape], ...(x.rank === 2 ? { hint: 'add a batch axis: expandDims(x, 0)' } : {}) });
    }
    const [B, T] = x.shape as [number, number, number];
    const H = this.heads;
    const hd = this.headDim;
    // [B, T, 3D] → [3, B, H, T, hd]: q, k, v are views, no per-head loop.
    const qkv = permute(reshape(onRows(x, (r) => this.qkv.forward(r)), [B, T, 3, H, hd]), [2, 0, 3, 1, 4]);
    const part = (i: number): Tensor => squeeze(slice(qkv, [i], [1]), 0);
    const q = part(0);
    let k = part(1);
    let v = part(2);
    if (options.cache !== undefined) ({ k, v } = options.cache.append(k, v));
    const Tk = k.shape[2] as number;
    const causal = options.causal ?? this.causal;
    // The cached mask is aligned at the bottom right, so queries after a cache see their past.
    let mask = causal && T > 1 ? trailingCausalMask(T, Tk) : undefined;
    if (options.mask !== undefined) mask = mask === undefined ? options.mask : both(options.mask, mask);
    let { output, weights } = scaledDotProductAttention(q, k, v, mask === undefined ? {} : { mask });
    if (this.training && this.dropout > 0) {
      weights = this.#drop.forward(weights);
      output = matmul(weights, v);
    }
    const merged = reshape(permute(output, [0, 2, 1, 3]), [B * T, D]);
    return { output: reshape(this.out.forward(merged), [B, T, D]), weights };
  }

  config(): LayerConfig {
    return { kind: this.kind, dModel: this.dModel, heads: this.heads, bias: this.qkv.bias !== undefined, dropout: this.dropout, causal: this.causal, seed: this.seed };
  }
}

/**
 * Multi-head self-attention (see {@link MultiHeadAttention}).
 * @param options `dModel`, `heads`, `bias` (true), `dropout` (0), `causal` (false), `seed`, `rng`, `dtype`
 * @returns the module; `forward(x: [B, T, D])` gives `[B, T, D]`
 * @throws ShapeError when dModel is not divisible by heads; ValueError for a bad option
 * @example
 * const mha = multiHeadAttention({ dModel: 8, heads: 2, causal: true, rng: rng(0) });
 * mha.forward(randNormal(rng(1), [2, 5, 8])).shape; // [2, 5, 8]
 */
export function multiHeadAttention(options: MultiHeadAttentionOptions): MultiHeadAttention {
  return new MultiHeadAttention(options);
}
