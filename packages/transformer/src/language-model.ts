import { add, arange, cast, div, DTypeError, gather, logSumExp, matmul, mul, reshape, rng as makeRng, ShapeError, slice, sub, sum, Tensor, tensor, transpose, ValueError } from '@gradlab/core-tensor';
import { onRows } from './on-rows.ts';
import type { Rng } from '@gradlab/core-tensor';
import { Dropout, layerNorm, Module, Sequential } from '@gradlab/models-nn';
import type { Embedding, LayerConfig, LayerNorm, Linear } from '@gradlab/models-nn';
import { generateTokens } from './generate.ts';
import type { GenerateOptions } from './generate.ts';
import { gpt2Embedding, gpt2Linear } from './gpt2-init.ts';
import { KvCache } from './kv-cache.ts';
import { sinusoidalPositions } from './positions/sinusoidal-positions.ts';
import { TransformerBlock } from './transformer-block.ts';
import type { FeedForwardActivation } from './transformer-block.ts';
import { bool, checkKeys, floatDType, oneOf, positiveInt, rate, seedOf } from './options.ts';

/** How a {@link LanguageModel} encodes positions. */
export type PositionalEncoding = 'learned' | 'sinusoidal';

/** Options of {@link languageModel}. */
export interface LanguageModelOptions {
  /** The number of token ids V. */
  vocabSize: number;
  /** The longest sequence the model reads (the context window). */
  contextLength: number;
  /** The model width D. */
  dModel: number;
  /** Attention heads per block (D divisible by it). */
  heads: number;
  /** The number of transformer blocks. */
  layers: number;
  /** The feed-forward hidden width (default 4D). */
  ffn?: number;
  /** The feed-forward activation (default `gelu`, exact). */
  activation?: FeedForwardActivation;
  /** Dropout on the embeddings, attention weights and residual branches, training only (default 0). */
  dropout?: number;
  /** `learned` (a `wpe` table, default, as GPT-2) or `sinusoidal` (fixed, not a parameter). */
  positional?: PositionalEncoding;
  /** Share the token table with the output layer: logits = h · wteᵀ (default false). */
  tieWeights?: boolean;
  /** Biases on the blocks' linear layers (default true). */
  bias?: boolean;
  /** The seed of the dropout masks (default 0). */
  seed?: number;
  /** The generator of the initial weights (default rng(0)). */
  rng?: Rng;
  /** The parameters' dtype (default float32). */
  dtype?: 'float32' | 'float64';
}

/** Options of {@link LanguageModel.hidden} and {@link LanguageModel.forward}. */
export interface LanguageModelForwardOptions {
  /** One KV cache per block (from {@link LanguageModel.createCache}); `ids` are then the new positions only. */
  caches?: readonly KvCache[];
}

const KEYS = ['vocabSize', 'contextLength', 'dModel', 'heads', 'layers', 'ffn', 'activation', 'dropout', 'positional', 'tieWeights', 'bias', 'seed', 'rng', 'dtype'];

/**
 * A decoder-only (GPT-style) language model: token embeddings `wte` plus positions (a learned
 * `wpe` table, or fixed sinusoids), `layers` pre-LN causal {@link TransformerBlock}s in `blocks`, a
 * final layer norm `lnF`, and a bias-free `head` to V logits (or `wte` itself when `tieWeights`).
 * Weights start as GPT-2's: N(0, 0.02²) for linear and embedding weights, zero biases, unit
 * layer-norm gains. Parameter names: `wte.weight [V, D]`, `wpe.weight [C, D]`,
 * `blocks.<i>.ln1.weight`, `blocks.<i>.attn.qkv.weight [3D, D]`, ... (see {@link TransformerBlock}),
 * `lnF.weight [D]`, `lnF.bias [D]`, `head.weight [V, D]`.
 */
export class LanguageModel extends Module {
  readonly kind = 'language-model';
  readonly vocabSize: number;
  readonly contextLength: number;
  readonly dModel: number;
  readonly heads: number;
  readonly layers: number;
  readonly ffn: number;
  readonly activation: FeedForwardActivation;
  readonly dropout: number;
  readonly positional: PositionalEncoding;
  readonly tieWeights: boolean;
  readonly bias: boolean;
  readonly seed: number;
  readonly wte: Embedding;
  readonly wpe: Embedding | undefined;
  readonly blocks: Sequential;
  readonly lnF: LayerNorm;
  readonly head: Linear | undefined;
  readonly #table: Tensor | undefined;
  readonly #drop: Dropout;

  constructor(options: LanguageModelOptions) {
    super();
    const op = 'languageModel';
    checkKeys(op, options, KEYS);
    this.vocabSize = positiveInt(op, 'options.vocabSize', options.vocabSize);
    this.contextLength = positiveInt(op, 'options.contextLength', options.contextLength);
    this.dModel = positiveInt(op, 'options.dModel', options.dModel);
    this.heads = positiveInt(op, 'options.heads', options.heads);
    this.layers = positiveInt(op, 'options.layers', options.layers);
    this.ffn = positiveInt(op, 'options.ffn', options.ffn ?? 4 * this.dModel);
    this.activation = oneOf(op, 'options.activation', options.activation ?? 'gelu', ['gelu', 'relu'] as const);
    this.dropout = rate(op, 'options.dropout', options.dropout ?? 0);
    this.positional = oneOf(op, 'options.positional', options.positional ?? 'learned', ['learned', 'sinusoidal'] as const);
    this.tieWeights = bool(op, 'options.tieWeights', options.tieWeights ?? false);
    this.bias = bool(op, 'options.bias', options.bias ?? true);
    this.seed = seedOf(op, options.seed);
    const dtype = floatDType(op, options.dtype);
    const r = options.rng ?? makeRng(0);
    const D = this.dModel;
    this.wte = this.addModule('wte', gpt2Embedding(this.vocabSize, D, { rng: r, dtype }));
    if (this.positional === 'learned') {
      this.wpe = this.addModule('wpe', gpt2Embedding(this.contextLength, D, { rng: r, dtype }));
      this.#table = undefined;
    } else {
      this.wpe = undefined;
      this.#table = cast(sinusoidalPositions(this.contextLength, D), dtype);
    }
    const blocks: TransformerBlock[] = [];
    for (let i = 0; i < this.layers; i++) {
      blocks.push(new TransformerBlock({ dModel: D, heads: this.heads, ffn: this.ffn, activation: this.activation, dropout: this.dropout, causal: true, bias: this.bias, seed: this.seed + 2 * i, rng: r, dtype }));
    }
    this.blocks = this.addModule('blocks', new Sequential(blocks));
    this.lnF = this.addModule('lnF', layerNorm(D, { eps: 1e-5, dtype }));
    this.head = this.tieWeights ? undefined : this.addModule('head', gpt2Linear(D, this.vocabSize, { bias: false, rng: r, dtype }));
    this.#drop = new Dropout(this.dropout, { seed: this.seed + 2 * this.layers });
  }

  override get inputKind(): 'features' | 'indices' {
    return 'indices';
  }

  /** The blocks, in order. */
  get blockList(): readonly TransformerBlock[] {
    return this.blocks.layers as readonly TransformerBlock[];
  }

  /** One empty KV cache per block, for {@link LanguageModel.hidden} with `caches`. */
  createCache(): KvCache[] {
    return this.blockList.map(() => new KvCache());
  }

  #checkIds(ids: Tensor, offset: number): void {
    const op = 'languageModel.forward';
    if (!(ids instanceof Tensor) || ids.dtype !== 'int32') {
      throw new DTypeError('a language model reads int32 token ids', { pkg: 'transformer', op, arg: 'ids', expected: 'int32 [B, T]', received: ids instanceof Tensor ? ids.dtype : typeof ids, hint: "cast them: cast(ids, 'int32')" });
    }
    if (ids.rank !== 2) {
      throw new ShapeError('a language model reads a batch of sequences', { pkg: 'transformer', op, arg: 'ids', expected: '[B, T]', received: [...ids.shape], ...(ids.rank === 1 ? { hint: 'add a batch axis: reshape(ids, [1, -1])' } : {}) });
    }
    const T = ids.shape[1] as number;
    if (T < 1 || offset + T > this.contextLength) {
      throw new ShapeError(`sequences are at most contextLength = ${this.contextLength} tokens`, { pkg: 'transformer', op, arg: 'ids', expected: `[B, T] with 1 <= T <= ${this.contextLength - offset}`, received: [...ids.shape], hint: offset > 0 ? 'the cache is full: clear it and feed the last contextLength tokens' : 'crop to the last contextLength tokens' });
    }
  }

  /** Token plus position embeddings of ids at positions offset.. (with embedding dropout). */
  #embed(ids: Tensor, offset: number): Tensor {
    const T = ids.shape[1] as number;
    const table = this.wpe === undefined ? (this.#table as Tensor) : this.wpe.weight.value;
    const x = add(this.wte.forward(ids), slice(table, [offset, 0], [T, this.dModel]));
    return this.training && this.dropout > 0 ? this.#drop.forward(x) : x;
  }

  /**
   * The final hidden states (after `lnF`), before the output layer.
   * @param ids int32 `[B, T]` (with caches: the new positions only)
   * @param options `caches` (one per block)
   * @returns `[B, T, D]`
   * @throws DTypeError for non-int32 ids; ShapeError for a bad rank or T past the context window
   */
  hidden(ids: Tensor, options: LanguageModelForwardOptions = {}): Tensor {
    const caches = options.caches;
    if (caches !== undefined && caches.length !== this.layers) {
      throw new ValueError('one KV cache per block', { pkg: 'transformer', op: 'languageModel.forward', arg: 'options.caches', expected: `${this.layers} caches (lm.createCache())`, received: caches.length });
    }
    const offset = caches?.[0]?.length ?? 0;
    this.#checkIds(ids, offset);
    let h = this.#embed(ids, offset);
    this.blockList.forEach((block, i) => {
      h = block.forward(h, caches === undefined ? {} : { cache: caches[i] as KvCache });
    });
    return this.lnF.forward(h);
  }

  /**
   * The output layer: `head(h)`, or `h · wteᵀ` with tied weights.
   * @param h `[..., D]`
   * @returns `[..., V]` logits
   */
  logits(h: Tensor): Tensor {
    const head = this.head;
    return onRows(h, (r) => (head === undefined ? matmul(r, transpose(this.wte.weight.value)) : head.forward(r)));
  }

  /**
   * Next-token logits at every position (causal: position t sees tokens 0..t).
   * @param ids int32 `[B, T]`, T <= contextLength
   * @param options `caches` to continue a cached sequence
   * @returns `[B, T, V]`
   * @throws DTypeError for non-int32 ids; ShapeError for a bad rank or T past the context window
   */
  forward(ids: Tensor, options: LanguageModelForwardOptions = {}): Tensor {
    return this.logits(this.hidden(ids, options));
  }

  /**
   * The mean next-token cross-entropy: logits of `ids[:, :-1]` against `ids[:, 1:]`, from a log-softmax
   * (stable). The model reads `ids[:, :-1]` only (causal, so this equals slicing the logits of the
   * whole sequence), hence `ids` may hold contextLength + 1 tokens.
   * @param ids int32 `[B, T + 1]`, T >= 1
   * @returns a scalar tensor (nats per token)
   * @throws ShapeError for fewer than 2 tokens per row
   */
  loss(ids: Tensor): Tensor {
    if (ids.rank !== 2 || (ids.shape[1] as number) < 2) {
      throw new ShapeError('the loss needs sequences of at least 2 tokens', { pkg: 'transformer', op: 'languageModel.loss', arg: 'ids', expected: '[B, T + 1] with T >= 1', received: [...ids.shape] });
    }
    const [B, T1] = ids.shape as [number, number];
    const N = B * (T1 - 1);
    const V = this.vocabSize;
    // −log softmax(z)[t] = logSumExp(z) − z[t]: the target logits are gathered from the flat
    // [N·V] logits at n·V + t (O(N), where a one-hot product would be O(N·V)).
    const z = reshape(this.forward(slice(ids, [0, 0], [B, T1 - 1])), [N, V]);
    const target = reshape(slice(ids, [0, 1], [B, T1 - 1]), [N]);
    const picked = gather(reshape(z, [N * V]), add(mul(arange(N, undefined, 1, { dtype: 'int32' }), V), target));
    return div(sub(sum(logSumExp(z, -1)), sum(picked)), N);
  }

  /**
   * Generates tokens after a prompt, sampling with a seeded generator (see {@link generateTokens}
   * for the KV cache and what happens when the context window fills).
   * @param promptIds the prompt's token ids (cropped to the last contextLength)
   * @param options `tokens`, `temperature` (1; 0 = greedy), `topK`, `seed` (0), `onToken`, `cache` (true)
   * @returns the new token ids
   * @throws ValueError for an empty prompt, out-of-vocabulary ids or bad options
   */
  generate(promptIds: readonly number[], options: GenerateOptions): number[] {
    return generateTokens(this, promptIds, options);
  }

  /**
   * The attention weights of one head of one block on the first sequence, for heatmaps. Runs in
   * eval mode (no dropout).
   * @param ids token ids `number[]` or int32 `[T]` / `[1, T]`
   * @param options `layer` (block index), `head`
   * @returns `[T, T]`: row t is how position t spreads its attention over positions 0..t
   * @throws ValueError for a layer or head out of range
   */
  attentionWeights(ids: readonly number[] | Tensor, options: { layer: number; head: number }): Tensor {
    const op = 'languageModel.attentionWeights';
    const { layer, head } = options;
    if (!Number.isInteger(layer) || layer < 0 || layer >= this.layers) throw new ValueError('no such layer', { pkg: 'transformer', op, arg: 'options.layer', expected: `an integer in [0, ${this.layers - 1}]`, received: layer });
    if (!Number.isInteger(head) || head < 0 || head >= this.heads) throw new ValueError('no such head', { pkg: 'transformer', op, arg: 'options.head', expected: `an integer in [0, ${this.heads - 1}]`, received: head });
    const t = Array.isArray(ids) ? tensor(ids as number[], { dtype: 'int32' }) : (ids as Tensor);
    const batch = t.rank === 1 ? t.reshape([1, -1]) : slice(t, [0, 0], [1, t.shape[1] as number]);
    const wasTraining = this.training;
    this.eval();
    try {
      this.#checkIds(batch, 0);
      let h = this.#embed(batch, 0);
      const blocks = this.blockList;
      for (let i = 0; i < layer; i++) h = (blocks[i] as TransformerBlock).forward(h);
      const b = blocks[layer] as TransformerBlock;
      const { weights } = b.attn.attend(b.ln1.forward(h));
      const T = batch.shape[1] as number;
      return slice(weights, [0, head, 0, 0], [1, 1, T, T]).reshape([T, T]);
    } finally {
      this.train(wasTraining);
    }
  }

  config(): LayerConfig {
    return {
      kind: this.kind,
      vocabSize: this.vocabSize,
      contextLength: this.contextLength,
      dModel: this.dModel,
      heads: this.heads,
      layers: this.layers,
      ffn: this.ffn,
      activation: this.activation,
      dropout: this.dropout,
      positional: this.positional,
      tieWeights: this.tieWeights,
      bias: this.bias,
      seed: this.seed,
    };
  }
}

/**
 * A GPT-style decoder-only language model (see {@link LanguageModel}).
 * @param options `vocabSize`, `contextLength`, `dModel`, `heads`, `layers`, `ffn` (4D), `activation` ('gelu'),
 *   `dropout` (0), `positional` ('learned'), `tieWeights` (false), `bias` (true), `seed`, `rng`, `dtype`
 * @returns the model; `forward(ids: int32 [B, T])` gives logits `[B, T, V]`
 * @throws ShapeError when dModel is not divisible by heads; ValueError for a bad option
 * @example
 * const lm = languageModel({ vocabSize: 11, contextLength: 8, dModel: 16, heads: 2, layers: 2, rng: rng(0) });
 * lm.forward(tensor([[1, 2, 3]], { dtype: 'int32' })).shape; // [1, 3, 11]
 * lm.generate([1, 2], { tokens: 5, temperature: 0 }); // 5 greedy token ids
 */
export function languageModel(options: LanguageModelOptions): LanguageModel {
  return new LanguageModel(options);
}
