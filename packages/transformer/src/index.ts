// @gradlab/transformer: Attention, multi-head attention, transformer blocks and a small language model.

// tokenizers
export type { Tokenizer, SavedTokenizer, TokenizerJSON, CharTokenizerJSON, BpeTokenizerJSON } from './tokenizers/tokenizer.ts';
export { charTokenizer } from './tokenizers/char-tokenizer.ts';
export type { CharTokenizer, CharTokenizerOptions } from './tokenizers/char-tokenizer.ts';
export { bpeTokenizer } from './tokenizers/bpe-tokenizer.ts';
export type { BpeTokenizer } from './tokenizers/bpe-tokenizer.ts';
export { trainBpe } from './tokenizers/train-bpe.ts';
export type { TrainBpeOptions } from './tokenizers/train-bpe.ts';
export { tokenizerFromJSON } from './tokenizers/tokenizer-from-json.ts';
export { encodeWtf8, decodeWtf8 } from './tokenizers/wtf8.ts';

// attention
export { scaledDotProductAttention } from './attention/scaled-dot-product-attention.ts';
export type { AttentionOptions, AttentionResult } from './attention/scaled-dot-product-attention.ts';
export { causalMask } from './attention/causal-mask.ts';

// positional encodings
export { sinusoidalPositions } from './positions/sinusoidal-positions.ts';
export type { SinusoidalPositionsOptions } from './positions/sinusoidal-positions.ts';

// baselines
export { unigramCrossEntropy } from './baselines/unigram-cross-entropy.ts';
export type { NgramOptions } from './baselines/unigram-cross-entropy.ts';
export { bigramCrossEntropy } from './baselines/bigram-cross-entropy.ts';

// modules
export { KvCache, kvCache } from './kv-cache.ts';
export { MultiHeadAttention, multiHeadAttention } from './multi-head-attention.ts';
export type { AttendOptions, MultiHeadAttentionOptions } from './multi-head-attention.ts';
export { trailingCausalMask } from './attention/trailing-causal-mask.ts';
export { TransformerBlock, transformerBlock } from './transformer-block.ts';
export type { BlockForwardOptions, FeedForwardActivation, TransformerBlockOptions } from './transformer-block.ts';
export { LanguageModel, languageModel } from './language-model.ts';
export type { LanguageModelForwardOptions, LanguageModelOptions, PositionalEncoding } from './language-model.ts';
export { generateTokens } from './generate.ts';
export type { GenerateOptions } from './generate.ts';
export { sampleToken } from './sample-token.ts';
export type { SampleTokenOptions } from './sample-token.ts';
export { transformerLayers } from './transformer-layers.ts';

// training
export { trainLanguageModel } from './train/train-language-model.ts';
export type { LmStepLog, TrainLanguageModelOptions, TrainLanguageModelResult } from './train/train-language-model.ts';
