import { ValueError } from '@gradlab/core-tensor';
import type { BpeTokenizer } from './bpe-tokenizer.ts';
import { bpeTokenizer, pairKey } from './bpe-tokenizer.ts';
import { pretokenize } from './pretokenize.ts';
import { encodeWtf8 } from './wtf8.ts';

/** Options of {@link trainBpe}. */
export interface TrainBpeOptions {
  /** The largest vocabulary wanted: 256 byte ids plus up to `vocabSize − 256` merges. */
  vocabSize: number;
}

const MAX_VOCAB = 1 << 24;

/** Adds `sign · count` for every adjacent pair of `ids` to the pair counts. */
function countPairs(ids: readonly number[], count: number, word: number, counts: Map<number, number>, where: Map<number, Set<number>> | null): void {
  for (let i = 0; i + 1 < ids.length; i++) {
    const key = pairKey(ids[i] as number, ids[i + 1] as number);
    const c = (counts.get(key) ?? 0) + count;
    if (c === 0) counts.delete(key);
    else counts.set(key, c);
    if (where !== null) {
      let set = where.get(key);
      if (set === undefined) where.set(key, (set = new Set()));
      set.add(word);
    }
  }
}

/**
 * Learns a byte-level BPE tokenizer (Sennrich et al. 2016, on bytes as in GPT-2): starting from
 * the 256 byte ids, it repeatedly merges the most frequent adjacent pair of ids into a new id.
 * Pairs are counted inside the pre-tokenizer's chunks (words with their leading space, digit runs,
 * punctuation runs, whitespace), so merges never cross a word boundary. A tie in frequency goes to
 * the pair with the smaller first id, then the smaller second id, so training is deterministic.
 * Pair counts are kept up to date incrementally: a merge touches only the distinct chunks that
 * contain its pair, so 200 KB of text trains to 512 ids in well under a second.
 * Training stops early when no adjacent pair is left (every chunk is one id); then the vocabulary
 * is smaller than `vocabSize`.
 * @param text the training corpus (any JavaScript string; lone surrogates are bytes of WTF-8)
 * @param options `vocabSize` ≥ 256
 * @returns the tokenizer, with `vocabSize` = 256 + the number of merges learned
 * @throws ValueError when `text` is not a string or `vocabSize` is not an integer in 256..2^24
 * @example
 * const tok = trainBpe('low lower lowest', { vocabSize: 260 });
 * tok.vocabSize; // 260
 * tok.decode(tok.encode('lowly 🙂')); // 'lowly 🙂'
 */
export function trainBpe(text: string, options: TrainBpeOptions): BpeTokenizer {
  if (typeof text !== 'string') {
    throw new ValueError('the corpus must be a string', { pkg: 'transformer', op: 'trainBpe', arg: 'text', expected: 'a string', received: typeof text });
  }
  const vocabSize = options?.vocabSize;
  if (!Number.isInteger(vocabSize) || vocabSize < 256 || vocabSize > MAX_VOCAB) {
    throw new ValueError('vocabSize must count the 256 byte ids', {
      pkg: 'transformer', op: 'trainBpe', arg: 'options.vocabSize', expected: `an integer in 256..${MAX_VOCAB}`, received: vocabSize, hint: 'vocabSize includes the 256 byte tokens, e.g. 512 for 256 merges',
    });
  }
  const chunkCounts = new Map<string, number>();
  for (const chunk of pretokenize(text)) chunkCounts.set(chunk, (chunkCounts.get(chunk) ?? 0) + 1);
  const words: number[][] = [];
  const freq: number[] = [];
  for (const [chunk, c] of chunkCounts) {
    words.push(encodeWtf8(chunk));
    freq.push(c);
  }
  const counts = new Map<number, number>();
  const where = new Map<number, Set<number>>();
  words.forEach((ids, w) => countPairs(ids, freq[w] as number, w, counts, where));

  const merges: [number, number][] = [];
  while (256 + merges.length < vocabSize) {
    let bestKey = -1;
    let bestCount = 0;
    for (const [key, c] of counts) {
      if (c > bestCount || (c === bestCount && key < bestKey)) {
        bestCount = c;
        bestKey = key;
      }
    }
    if (bestKey < 0) break;
    const a = Math.floor(bestKey / 0x4000000);
    const b = bestKey - a * 0x4000000;
    const id = 256 + merges.length;
    merges.push([a, b]);
    for (const w of where.get(bestKey) ?? []) {
      const ids = words[w] as number[];
      const f = freq[w] as number;
      countPairs(ids, -f, w, counts, null);
      const next: number[] = [];
      for (let i = 0; i < ids.length; i++) {
        if (i + 1 < ids.length && ids[i] === a && ids[i + 1] === b) {
          next.push(id);
          i++;
        } else next.push(ids[i] as number);
      }
      words[w] = next;
      countPairs(next, f, w, counts, where);
    }
    where.delete(bestKey);
  }
  return bpeTokenizer(merges);
}
