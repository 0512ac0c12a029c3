import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ValueError } from '@gradlab/core-tensor';
import { charTokenizer } from './char-tokenizer.ts';
import { tokenizerFromJSON } from './tokenizer-from-json.ts';

describe('charTokenizer', () => {
  it('builds a sorted vocabulary of code points from a corpus', () => {
    const tok = charTokenizer('hello 🙂');
    expect(tok.chars).toEqual([' ', 'e', 'h', 'l', 'o', '🙂']);
    expect(tok.vocabSize).toBe(6 + 256);
    expect(tok.encode('hole🙂')).toEqual([2, 4, 3, 1, 5]);
    expect(tok.decode([2, 1, 3, 3, 4])).toBe('hello');
  });

  it('falls back to the WTF-8 bytes of an unknown code point', () => {
    const tok = charTokenizer('ab');
    expect(tok.encode('aé')).toEqual([0, 2 + 0xc3, 2 + 0xa9]);
    expect(tok.encode('\uD800')).toEqual([2 + 0xed, 2 + 0xa0, 2 + 0x80]);
    expect(tok.decode(tok.encode('aéb\uD800b'))).toBe('aéb\uD800b');
  });

  it('round-trips any Unicode string exactly', () => {
    const tok = charTokenizer('The quick brown fox \uD800 é');
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => {
      const ids = tok.encode(s);
      expect(ids.every((id) => Number.isInteger(id) && id >= 0 && id < tok.vocabSize)).toBe(true);
      expect(tok.decode(ids)).toBe(s);
    }));
    fc.assert(fc.property(fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((u) => String.fromCharCode(u)) }), (s) => {
      expect(tok.decode(tok.encode(s))).toBe(s);
    }));
  });

  it('builds from a corpus of arbitrary strings and round-trips through JSON', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (corpus, s) => {
      const tok = charTokenizer(corpus);
      const back = tokenizerFromJSON(JSON.parse(JSON.stringify(tok)));
      expect(back.kind).toBe('char');
      expect(back.vocabSize).toBe(tok.vocabSize);
      expect(back.encode(s)).toEqual(tok.encode(s));
      expect(back.decode(tok.encode(s))).toBe(s);
    }));
  });

  it('accepts an explicit vocabulary in the order given', () => {
    const tok = charTokenizer({ chars: ['z', 'a'] });
    expect(tok.encode('az')).toEqual([1, 0]);
  });

  it('rejects a bad vocabulary and bad ids with typed errors', () => {
    expect(() => charTokenizer({ chars: ['ab'] })).toThrow(ValueError);
    expect(() => charTokenizer({ chars: ['a', 'a'] })).toThrow(/duplicate/);
    const tok = charTokenizer('ab');
    expect(() => tok.decode([0, 258])).toThrow(ValueError);
    expect(() => tok.decode([0.5])).toThrow(/ids\[0\]/);
    try {
      tok.decode([-1]);
    } catch (e) {
      expect(e).toMatchObject({ pkg: 'transformer', op: 'charTokenizer.decode', arg: 'ids[0]', received: -1 });
    }
  });
});
