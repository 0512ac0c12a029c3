// @gradlab/transformer: Attention, multi-head attention, transformer blocks and a small language model.
export { scaledDotProductAttention } from './attention/scaled-dot-product-attention.ts';
export type { AttentionOptions, AttentionResult } from './attention/scaled-dot-product-attention.ts';
export { causalMask } from './attention/causal-mask.ts';
export { sinusoidalPositions } from './positional/sinusoidal-positions.ts';
export { KvCache, kvCache } from './kv-cache.ts';
export { MultiHeadAttention, multiHeadAttention } from './multi-head-attention.ts';
export type { AttendOptions, MultiHeadAttentionOptions } from './multi-head-attention.ts';
export { TransformerBlock, transformerBlock } from './transformer-block.ts';
export type { BlockForwardOptions, FeedForwardActivation, TransformerBlockOptions } from './transformer-block.ts';
export { LanguageModel, languageModel } from './language-model.ts';
export type { LanguageModelForwardOptions, LanguageModelOptions, PositionalEncoding } from './language-model.ts';
export { generateTokens } from './generate.ts';
export type { GenerateOptions } from './generate.ts';
export { sampleToken } from './sample-token.ts';
export type { SampleTokenOptions } from './sample-token.ts';
export { transformerLayers } from './transformer-layers.ts';
