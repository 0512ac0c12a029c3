import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeWtf8, encodeWtf8 } from './wtf8.ts';

describe('WTF-8', () => {
  it('is UTF-8 on well-formed strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (s) => {
      expect(encodeWtf8(s)).toEqual([...new TextEncoder().encode(s)]);
    }));
  });

  it('writes a lone surrogate as the 3 bytes UTF-8 would use', () => {
    expect(encodeWtf8('\uD800')).toEqual([0xed, 0xa0, 0x80]);
    expect(encodeWtf8('\uDFFF')).toEqual([0xed, 0xbf, 0xbf]);
    expect(encodeWtf8('\uD83D\uDE42')).toEqual([0xf0, 0x9f, 0x99, 0x82]);
  });

  it('round-trips every JavaScript string, lone surrogates included', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => {
      expect(decodeWtf8(encodeWtf8(s))).toBe(s);
    }));
    fc.assert(fc.property(fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((u) => String.fromCharCode(u)) }), (s) => {
      expect(decodeWtf8(encodeWtf8(s))).toBe(s);
    }));
  });

  it('reads bytes that encodeWtf8 never writes as U+FFFD, one per byte', () => {
    expect(decodeWtf8([0x80])).toBe('\uFFFD');
    expect(decodeWtf8([0xc0, 0x80])).toBe('\uFFFD\uFFFD'); // overlong
    expect(decodeWtf8([0xe2, 0x82])).toBe('\uFFFD\uFFFD'); // truncated
    expect(decodeWtf8([0x61, 0xff, 0x62])).toBe('a\uFFFDb');
  });
});
