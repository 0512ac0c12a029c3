// The n-gram baselines a character-level language model on Genesis must beat (slow-ish: the
// whole corpus). Split: the first 90% of the characters train, the last 10% validate.
import { describe, expect, it } from 'vitest';
import { loadTextCorpus } from '@gradlab/data';
import { bigramCrossEntropy, charTokenizer, unigramCrossEntropy } from '../src/index.ts';

const UNIGRAM = 3.0384058712729494; // measured with this code, 2026-12-06
const BIGRAM = 2.2853693412921694;

describe('character-level baselines on Genesis (90/10 split)', () => {
  const { text } = loadTextCorpus();
  const tok = charTokenizer(text);
  const ids = tok.encode(text);
  const cut = Math.floor(0.9 * ids.length);
  const train = ids.slice(0, cut);
  const valid = ids.slice(cut);
  const V = tok.chars.length; // the distinct characters; no byte-fallback id occurs

  it('has the corpus the numbers were measured on', () => {
    expect(text.length).toBe(196818);
    expect(V).toBe(60);
    expect(ids.length).toBe(text.length);
  });

  it('gives the unigram and bigram cross-entropies (add-one smoothing), in nats per character', () => {
    const uni = unigramCrossEntropy(train, valid, V, { smoothing: 1 });
    const bi = bigramCrossEntropy(train, valid, V, { smoothing: 1 });
    console.log(`Genesis, characters, 90/10: unigram ${uni.toFixed(4)} nats, bigram ${bi.toFixed(4)} nats (uniform ln 60 = ${Math.log(60).toFixed(4)})`);
    expect(uni).toBeLessThan(Math.log(V));
    expect(bi).toBeLessThan(uni);
    expect(uni).toBeCloseTo(UNIGRAM, 10);
    expect(bi).toBeCloseTo(BIGRAM, 10);
  });
});
