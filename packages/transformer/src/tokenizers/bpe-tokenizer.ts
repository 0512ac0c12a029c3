import { ValueError } from '@gradlab/core-tensor';
import type { BpeTokenizerJSON, Tokenizer } from './tokenizer.ts';
import { checkIds } from './check-ids.ts';
import { pretokenize } from './pretokenize.ts';
import { decodeWtf8, encodeWtf8 } from './wtf8.ts';

/** A byte-level BPE tokenizer: adds its merges and token bytes to the Tokenizer contract. */
export interface BpeTokenizer extends Tokenizer {
  readonly kind: 'bpe';
  /** The merges in rank order: merge r makes id 256 + r from the pair `[a, b]`. */
  readonly merges: readonly (readonly [number, number])[];
  /** The bytes each id stands for (ids 0..255 are the single bytes). */
  tokenBytes(id: number): number[];
  toJSON(): BpeTokenizerJSON;
}

/** A pair of ids as one number (ids stay far below 2^26). */
export function pairKey(a: number, b: number): number {
  return a * 0x4000000 + b;
}

/**
 * A byte-level BPE tokenizer from its merges (what {@link trainBpe} learns). Encoding cuts the
 * text into chunks (see the pre-tokenizer), writes each chunk as WTF-8 bytes (UTF-8 for
 * well-formed text, lone surrogates as 3 bytes), then applies the merges in the order learned
 * (lowest rank first), as GPT-2 does. Decoding joins the bytes of the ids and reads them as WTF-8,
 * so `decode(encode(s)) === s` for every JavaScript string.
 * @param merges the merges in rank order; merge r makes id 256 + r
 * @returns the tokenizer, with `vocabSize` 256 + merges.length
 * @throws ValueError when a merge names an id that does not exist before it
 * @example
 * const tok = bpeTokenizer([[104, 105]]); // 'h' + 'i' -> 256
 * tok.encode('hi!'); // [256, 33]
 */
export function bpeTokenizer(merges: readonly (readonly [number, number])[]): BpeTokenizer {
  const list: unknown = merges;
  if (!Array.isArray(list)) throw new ValueError('merges must be an array of id pairs', { pkg: 'transformer', op: 'bpeTokenizer', arg: 'merges', expected: '[number, number][]', received: merges === null ? 'null' : typeof merges });
  const rank = new Map<number, number>();
  const bytesOf: number[][] = [];
  for (let b = 0; b < 256; b++) bytesOf.push([b]);
  merges.forEach((m, r) => {
    const id = 256 + r;
    const ok = Array.isArray(m) && m.length === 2 && m.every((x) => Number.isInteger(x) && x >= 0 && x < id);
    if (!ok) {
      throw new ValueError('each merge must be a pair of existing ids', {
        pkg: 'transformer', op: 'bpeTokenizer', arg: `merges[${r}]`, expected: `[a, b] with integers 0 <= a, b < ${id}`, received: m,
      });
    }
    const [a, b] = m;
    const key = pairKey(a, b);
    if (rank.has(key)) {
      throw new ValueError('a pair is merged twice', { pkg: 'transformer', op: 'bpeTokenizer', arg: `merges[${r}]`, expected: 'distinct pairs', received: m });
    }
    rank.set(key, r);
    bytesOf.push([...(bytesOf[a] as number[]), ...(bytesOf[b] as number[])]);
  });
  const vocabSize = 256 + merges.length;
  const frozenMerges = Object.freeze(merges.map((m) => Object.freeze([m[0], m[1]] as const)));
  const cache = new Map<string, number[]>();

  const encodeChunk = (chunk: string): number[] => {
    const hit = cache.get(chunk);
    if (hit !== undefined) return hit;
    const ids = encodeWtf8(chunk);
    for (;;) {
      let best = -1;
      let bestRank = Infinity;
      for (let i = 0; i + 1 < ids.length; i++) {
        const r = rank.get(pairKey(ids[i] as number, ids[i + 1] as number));
        if (r !== undefined && r < bestRank) {
          bestRank = r;
          best = i;
        }
      }
      if (best < 0) break;
      const [a, b] = frozenMerges[bestRank] as readonly [number, number];
      const next: number[] = [];
      for (let i = 0; i < ids.length; i++) {
        if (i + 1 < ids.length && ids[i] === a && ids[i + 1] === b) {
          next.push(256 + bestRank);
          i++;
        } else next.push(ids[i] as number);
      }
      ids.splice(0, ids.length, ...next);
    }
    if (cache.size < 100_000) cache.set(chunk, ids);
    return ids;
  };

  return Object.freeze({
    kind: 'bpe' as const,
    vocabSize,
    merges: frozenMerges,
    tokenBytes(id: number): number[] {
      checkIds('bpeTokenizer.tokenBytes', [id], vocabSize);
      return [...(bytesOf[id] as number[])];
    },
    encode(text: string): number[] {
      const out: number[] = [];
      for (const chunk of pretokenize(text)) for (const id of encodeChunk(chunk)) out.push(id);
      return out;
    },
    decode(ids: readonly number[]): string {
      checkIds('bpeTokenizer.decode', ids, vocabSize);
      const bytes: number[] = [];
      for (const id of ids) for (const b of bytesOf[id] as number[]) bytes.push(b);
      return decodeWtf8(bytes);
    },
    toJSON(): BpeTokenizerJSON {
      return { kind: 'bpe', version: 1, merges: frozenMerges.map((m) => [m[0], m[1]]) };
    },
  });
}
