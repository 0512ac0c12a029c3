/**
 * The pre-tokenizer of the byte-level BPE: it cuts text into chunks (a word with its leading
 * space, a run of digits, a run of punctuation, a run of whitespace), and merges never cross a
 * chunk boundary, as in GPT-2. The chunks concatenate back to the text exactly: every code point,
 * lone surrogates included, belongs to exactly one of the four classes.
 */
const CHUNK = / ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+/gu;

/** The chunks of a text, in order; their concatenation is the text. */
export function pretokenize(text: string): string[] {
  return text.match(CHUNK) ?? [];
}
