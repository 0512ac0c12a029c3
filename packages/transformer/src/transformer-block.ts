import { add, gelu, relu, rng as makeRng, ShapeError } from '@gradlab/core-tensor';
import type { Rng, Tensor } from '@gradlab/core-tensor';
import { Dropout, layerNorm, Module } from '@gradlab/models-nn';
import type { LayerConfig, LayerNorm, Linear } from '@gradlab/models-nn';
import { gpt2Linear } from './gpt2-init.ts';
import { onRows } from './on-rows.ts';
import type { KvCache } from './kv-cache.ts';
import { MultiHeadAttention } from './multi-head-attention.ts';
import { bool, checkKeys, floatDType, oneOf, positiveInt, rate, seedOf } from './options.ts';

/** The feed-forward activations of a {@link TransformerBlock}. */
export type FeedForwardActivation = 'gelu' | 'relu';

/** Options of {@link transformerBlock}. */
export interface TransformerBlockOptions {
  /** The model width D. */
  dModel: number;
  /** Attention heads (D divisible by it). */
  heads: number;
  /** The hidden width of the feed-forward network (default 4D). */
  ffn?: number;
  /** `gelu` (exact, with erf; default) or `relu`. */
  activation?: FeedForwardActivation;
  /** Dropout on the attention weights and on both residual branches, training only (default 0). */
  dropout?: number;
  /** Causal self-attention (default false). */
  causal?: boolean;
  /** Biases on the linear layers (default true). */
  bias?: boolean;
  /** The seed of the dropout masks (default 0). */
  seed?: number;
  /** The generator of the initial weights (default rng(0)). */
  rng?: Rng;
  /** The parameters' dtype (default float32). */
  dtype?: 'float32' | 'float64';
}

/** Options of {@link TransformerBlock.forward}. */
export interface BlockForwardOptions {
  /** The attention layer's KV cache (generation). */
  cache?: KvCache;
  /** A bool attention mask broadcastable to `[B, heads, T, Tk]`, true = keep. */
  mask?: Tensor;
}

const KEYS = ['dModel', 'heads', 'ffn', 'activation', 'dropout', 'causal', 'bias', 'seed', 'rng', 'dtype'];

/**
 * A pre-LN transformer block (GPT-2's arrangement: the layer norms sit inside the residual
 * branches, which keeps the residual path an identity and trains without warm-up):
 * `h = x + drop(attn(ln1(x)))`, `y = h + drop(fc2(act(fc1(ln2(h)))))`. LayerNorm eps is 1e-5.
 * Parameters: `ln1.weight/bias [D]`, `attn.qkv.weight [3D, D]`, `attn.qkv.bias [3D]`,
 * `attn.out.weight [D, D]`, `attn.out.bias [D]`, `ln2.weight/bias [D]`, `fc1.weight [ffn, D]`,
 * `fc1.bias [ffn]`, `fc2.weight [D, ffn]`, `fc2.bias [D]`.
 */
export class TransformerBlock extends Module {
  readonly kind = 'transformer-block';
  readonly dModel: number;
  readonly ffn: number;
  readonly activation: FeedForwardActivation;
  readonly dropout: number;
  readonly seed: number;
  readonly ln1: LayerNorm;
  readonly attn: MultiHeadAttention;
  readonly ln2: LayerNorm;
  readonly fc1: Linear;
  readonly fc2: Linear;
  readonly #drop: Dropout;

  constructor(options: TransformerBlockOptions) {
    super();
    const op = 'transformerBlock';
    checkKeys(op, options, KEYS);
    this.dModel = positiveInt(op, 'options.dModel', options.dModel);
    const D = this.dModel;
    this.ffn = positiveInt(op, 'options.ffn', options.ffn ?? 4 * D);
    this.activation = oneOf(op, 'options.activation', options.activation ?? 'gelu', ['gelu', 'relu'] as const);
    this.dropout = rate(op, 'options.dropout', options.dropout ?? 0);
    this.seed = seedOf(op, options.seed);
    const bias = bool(op, 'options.bias', options.bias ?? true);
    const dtype = floatDType(op, options.dtype);
    const r = options.rng ?? makeRng(0);
    this.ln1 = this.addModule('ln1', layerNorm(D, { eps: 1e-5, dtype }));
    this.attn = this.addModule('attn', new MultiHeadAttention({ dModel: D, heads: options.heads, bias, dropout: this.dropout, causal: options.causal ?? false, seed: this.seed, rng: r, dtype }));
    this.ln2 = this.addModule('ln2', layerNorm(D, { eps: 1e-5, dtype }));
    this.fc1 = this.addModule('fc1', gpt2Linear(D, this.ffn, { bias, rng: r, dtype }));
    this.fc2 = this.addModule('fc2', gpt2Linear(this.ffn, D, { bias, rng: r, dtype }));
    // A second stream, so the residual masks do not repeat the attention masks.
    this.#drop = new Dropout(this.dropout, { seed: this.seed + 1 });
  }

  #dropped(x: Tensor): Tensor {
    return this.training && this.dropout > 0 ? this.#drop.forward(x) : x;
  }

  /**
   * The block on `x: [B, T, D]`.
   * @param x `[B, T, D]` (with a cache: only the new positions)
   * @param options `cache` (generation), `mask`
   * @returns `[B, T, D]`
   * @throws ShapeError when x is not `[B, T, D]`
   */
  forward(x: Tensor, options: BlockForwardOptions = {}): Tensor {
    if (x.rank !== 3 || x.shape[2] !== this.dModel) {
      throw new ShapeError(`a transformer block expects [batch, time, ${this.dModel}]`, { pkg: 'transformer', op: 'transformerBlock.forward', arg: 'x', expected: `[B, T, ${this.dModel}]`, received: [...x.shape] });
    }
    const h = add(x, this.#dropped(this.attn.attend(this.ln1.forward(x), options).output));
    const m = onRows(this.ln2.forward(h), (r) => {
      const a = this.fc1.forward(r);
      return this.fc2.forward(this.activation === 'gelu' ? gelu(a) : relu(a));
    });
    return add(h, this.#dropped(m));
  }

  config(): LayerConfig {
    return { kind: this.kind, dModel: this.dModel, heads: this.attn.heads, ffn: this.ffn, activation: this.activation, dropout: this.dropout, causal: this.attn.causal, bias: this.fc1.bias !== undefined, seed: this.seed };
  }
}

/**
 * A pre-LN transformer block (see {@link TransformerBlock}).
 * @param options `dModel`, `heads`, `ffn` (4D), `activation` ('gelu'), `dropout` (0), `causal` (false), `bias` (true), `seed`, `rng`, `dtype`
 * @returns the module; `forward(x: [B, T, D])` gives `[B, T, D]`
 * @throws ShapeError when dModel is not divisible by heads; ValueError for a bad option
 * @example
 * const block = transformerBlock({ dModel: 8, heads: 2, ffn: 32, causal: true, rng: rng(0) });
 * block.forward(randNormal(rng(1), [2, 5, 8])).shape; // [2, 5, 8]
 */
export function transformerBlock(options: TransformerBlockOptions): TransformerBlock {
  return new TransformerBlock(options);
}
