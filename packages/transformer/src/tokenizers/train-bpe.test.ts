import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ValueError } from '@gradlab/core-tensor';
import { trainBpe } from './train-bpe.ts';
import { bpeTokenizer } from './bpe-tokenizer.ts';
import { tokenizerFromJSON } from './tokenizer-from-json.ts';

const a = 97;
const b = 98;

describe('trainBpe', () => {
  it('merges the most frequent pair first and breaks ties by the smaller ids', () => {
    // 'aaab' as one chunk: pairs (a,a)×2, (a,b)×1 -> merge (a,a) into 256, then (256,a) vs (a,b)...
    const tok = trainBpe('aaabdaaabac', { vocabSize: 259 });
    expect(tok.merges[0]).toEqual([a, a]);
    // after [256, a, b, d, 256, a, b, a, c]: (256,a)×2 and (a,b)×2 tie; 256 > 97 so (a,b) wins.
    expect(tok.merges[1]).toEqual([a, b]);
    expect(tok.merges[2]).toEqual([256, 257]);
    expect(tok.encode('aaab')).toEqual([258]);
    expect(tok.tokenBytes(258)).toEqual([a, a, a, b]);
  });

  it('matches a from-scratch recount (the naive algorithm) on a small corpus', () => {
    const text = 'the cat sat on the mat; the rat ate the hat 123 123!! ';
    const tok = trainBpe(text, { vocabSize: 300 });
    // naive: recount every pair in every chunk after each merge
    let chunks = (text.match(/ ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+/gu) ?? []).map((c) => [...new TextEncoder().encode(c)]);
    const merges: [number, number][] = [];
    for (let id = 256; id < 300; id++) {
      const counts = new Map<string, number>();
      for (const c of chunks) for (let i = 0; i + 1 < c.length; i++) counts.set(`${c[i]},${c[i + 1]}`, (counts.get(`${c[i]},${c[i + 1]}`) ?? 0) + 1);
      if (counts.size === 0) break;
      const best = [...counts].map(([k, n]) => [...k.split(',').map(Number), n] as [number, number, number])
        .sort((x, y) => y[2] - x[2] || x[0] - y[0] || x[1] - y[1])[0] as [number, number, number];
      merges.push([best[0], best[1]]);
      chunks = chunks.map((c) => {
        const out: number[] = [];
        for (let i = 0; i < c.length; i++) {
          if (c[i] === best[0] && c[i + 1] === best[1] && i + 1 < c.length) { out.push(id); i++; } else out.push(c[i] as number);
        }
        return out;
      });
    }
    expect(tok.merges).toEqual(merges);
  });

  it('stops early when every chunk is a single id', () => {
    const tok = trainBpe('ab ab', { vocabSize: 1000 });
    expect(tok.merges).toEqual([[a, b], [32, 256]]);
    expect(tok.vocabSize).toBe(258);
  });

  it('round-trips any Unicode string, lone surrogates included (WTF-8 bytes)', () => {
    const tok = trainBpe('In the beginning God created the heaven and the earth. été 🙂🙂 \uD800\uD800', { vocabSize: 320 });
    expect(tok.decode(tok.encode('\uDC00x\uD800'))).toBe('\uDC00x\uD800');
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => {
      const ids = tok.encode(s);
      expect(ids.every((id) => id >= 0 && id < tok.vocabSize)).toBe(true);
      expect(tok.decode(ids)).toBe(s);
    }));
    fc.assert(fc.property(fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((u) => String.fromCharCode(u)) }), (s) => {
      expect(tok.decode(tok.encode(s))).toBe(s);
    }));
  });

  it('trains on arbitrary corpora and survives a JSON round trip', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), fc.string({ unit: 'binary' }), fc.integer({ min: 256, max: 300 }), (corpus, s, vocabSize) => {
      const tok = trainBpe(corpus, { vocabSize });
      expect(tok.vocabSize).toBeLessThanOrEqual(vocabSize);
      const back = tokenizerFromJSON(JSON.stringify(tok));
      expect(back.vocabSize).toBe(tok.vocabSize);
      expect(back.encode(s)).toEqual(tok.encode(s));
      expect(back.decode(tok.encode(s))).toBe(s);
    }), { numRuns: 60 });
  });

  it('compresses: trained ids are fewer than bytes on the training text', () => {
    const text = 'and God said, Let there be light: and there was light. '.repeat(20);
    const tok = trainBpe(text, { vocabSize: 300 });
    expect(tok.encode(text).length).toBeLessThan(new TextEncoder().encode(text).length / 3);
  });

  it('rejects bad options and bad merges with typed errors', () => {
    expect(() => trainBpe('abc', { vocabSize: 100 })).toThrow(ValueError);
    expect(() => trainBpe('abc', { vocabSize: 300.5 })).toThrow(/options.vocabSize/);
    expect(() => trainBpe(3 as unknown as string, { vocabSize: 300 })).toThrow(ValueError);
    expect(() => bpeTokenizer([[a, 256]])).toThrow(/merges\[0\]/);
    expect(() => bpeTokenizer([[a, b], [a, b]])).toThrow(/twice/);
    expect(() => bpeTokenizer([[a, b]]).decode([257])).toThrow(ValueError);
  });
});
