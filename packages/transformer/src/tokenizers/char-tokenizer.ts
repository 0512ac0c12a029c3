import { ValueError } from '@gradlab/core-tensor';
import type { CharTokenizerJSON, Tokenizer } from './tokenizer.ts';
import { checkIds } from './check-ids.ts';
import { decodeWtf8, encodeWtf8 } from './wtf8.ts';

/** The options form of {@link charTokenizer}: an explicit vocabulary. */
export interface CharTokenizerOptions {
  /** The vocabulary, one code point per entry (no duplicates); entry i gets id i. */
  chars: readonly string[];
}

/** A character tokenizer: adds the vocabulary it was built from to the Tokenizer contract. */
export interface CharTokenizer extends Tokenizer {
  readonly kind: 'char';
  /** The vocabulary: `chars[i]` is the code point of id i (ids past it are the 256 byte tokens). */
  readonly chars: readonly string[];
  toJSON(): CharTokenizerJSON;
}

function fail(summary: string, arg: string, expected: unknown, received: unknown): never {
  throw new ValueError(summary, { pkg: 'transformer', op: 'charTokenizer', arg, expected, received });
}

/**
 * A character-level tokenizer: one id per code point of the vocabulary, in the order given (or,
 * from a corpus, sorted by code point), then 256 byte-fallback ids. A code point outside the
 * vocabulary is written as its WTF-8 bytes, byte b as id `chars.length + b`, so that
 * `decode(encode(s)) === s` for every JavaScript string, lone surrogates included (the idea of
 * SentencePiece's `byte_fallback`). `vocabSize` is `chars.length + 256`.
 * @param source a corpus whose distinct code points form the vocabulary, or `{ chars }`
 * @returns the tokenizer
 * @throws ValueError when a `chars` entry is not exactly one code point, or appears twice
 * @example
 * const tok = charTokenizer('hello');
 * tok.chars; // ['e', 'h', 'l', 'o']
 * tok.encode('hole'); // [1, 3, 2, 0]
 * tok.encode('é'); // [4 + 195, 4 + 169] (byte fallback)
 * tok.decode(tok.encode('hé!')); // 'hé!'
 */
export function charTokenizer(source: string | CharTokenizerOptions): CharTokenizer {
  let chars: string[];
  if (typeof source === 'string') {
    chars = [...new Set(source)].sort((a, b) => (a.codePointAt(0) as number) - (b.codePointAt(0) as number));
  } else {
    if (source === null || typeof source !== 'object' || !Array.isArray(source.chars)) {
      fail('expects a corpus string or { chars }', 'source', 'a string or { chars: string[] }', source);
    }
    chars = [...(source.chars as readonly string[])];
    const seen = new Set<string>();
    chars.forEach((c, i) => {
      if (typeof c !== 'string' || [...c].length !== 1) fail('each vocabulary entry must be one code point', `chars[${i}]`, 'a string of one code point', c);
      if (seen.has(c)) fail('duplicate vocabulary entry', `chars[${i}]`, 'distinct entries', c);
      seen.add(c);
    });
  }
  const idOf = new Map<string, number>(chars.map((c, i) => [c, i]));
  const n = chars.length;
  const vocabSize = n + 256;
  Object.freeze(chars);
  return Object.freeze({
    kind: 'char' as const,
    vocabSize,
    chars,
    encode(text: string): number[] {
      const ids: number[] = [];
      for (const ch of text) {
        const id = idOf.get(ch);
        if (id !== undefined) ids.push(id);
        else for (const b of encodeWtf8(ch)) ids.push(n + b);
      }
      return ids;
    },
    decode(ids: readonly number[]): string {
      checkIds('charTokenizer.decode', ids, vocabSize);
      let out = '';
      let bytes: number[] = [];
      for (const id of ids) {
        if (id >= n) {
          bytes.push(id - n);
        } else {
          if (bytes.length > 0) {
            out += decodeWtf8(bytes);
            bytes = [];
          }
          out += chars[id] as string;
        }
      }
      if (bytes.length > 0) out += decodeWtf8(bytes);
      return out;
    },
    toJSON(): CharTokenizerJSON {
      return { kind: 'char', version: 1, chars: [...chars] };
    },
  });
}
