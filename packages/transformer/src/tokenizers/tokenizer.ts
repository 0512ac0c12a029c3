/**
 * The contract every tokenizer of gradlab meets: text to integer ids and back, exactly.
 */

/** What every saved tokenizer has: the `kind` that names its loader and a format `version`. */
export interface SavedTokenizer {
  kind: string;
  version: number;
}

/** The saved form of a character tokenizer (see {@link charTokenizer}). */
export interface CharTokenizerJSON extends SavedTokenizer {
  kind: 'char';
  version: 1;
  /** The vocabulary: one code point per entry; entry i is id i. */
  chars: string[];
}

/** The saved form of a byte-level BPE tokenizer (see {@link trainBpe}). */
export interface BpeTokenizerJSON extends SavedTokenizer {
  kind: 'bpe';
  version: 1;
  /** The merges in the order they were learned: merge r makes id 256 + r from the pair `[a, b]`. */
  merges: [number, number][];
}

/** The saved form of a built-in tokenizer; {@link tokenizerFromJSON} reads it back. */
export type TokenizerJSON = CharTokenizerJSON | BpeTokenizerJSON;

/**
 * A tokenizer: a fixed vocabulary of `vocabSize` ids, with `decode(encode(s)) === s` for every
 * JavaScript string s (the built-ins fall back to bytes for what their vocabulary lacks).
 */
export interface Tokenizer {
  /** Which kind it is, e.g. `char` or `bpe` for the built-ins; the `kind` field of its JSON. */
  readonly kind: string;
  /** The number of ids: every id lies in `0 .. vocabSize − 1`. */
  readonly vocabSize: number;
  /** The ids of a text. */
  encode(text: string): number[];
  /** The text of a sequence of ids. Throws a `ValueError` for an id outside the vocabulary. */
  decode(ids: readonly number[]): string;
  /** A plain, JSON-serialisable object; {@link tokenizerFromJSON} rebuilds the built-in kinds from it. */
  toJSON(): SavedTokenizer;
}
