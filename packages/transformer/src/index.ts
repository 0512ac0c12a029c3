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
