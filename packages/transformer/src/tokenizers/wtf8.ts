import { ValueError } from '@gradlab/core-tensor';

/**
 * WTF-8 ("wobbly" UTF-8): UTF-8 extended to lone surrogates, so that every JavaScript string,
 * well-formed or not, maps to bytes and back exactly. A valid surrogate pair is one code point
 * (4 bytes, as in UTF-8); a lone surrogate U+D800..U+DFFF is written as the 3-byte sequence UTF-8
 * would use for it (ED A0..BF 80..BF), which strict UTF-8 forbids. On well-formed strings the
 * bytes are exactly UTF-8 (the same as `TextEncoder`).
 */

/**
 * The WTF-8 bytes of a string (UTF-8 for well-formed strings; lone surrogates as 3 bytes).
 * @param text any JavaScript string
 * @returns its bytes, each in 0..255
 * @example
 * encodeWtf8('é'); // [195, 169]
 * encodeWtf8('\uD800'); // [237, 160, 128]
 */
export function encodeWtf8(text: string): number[] {
  if (typeof text !== 'string') throw new ValueError('text must be a string', { pkg: 'transformer', op: 'encodeWtf8', arg: 'text', expected: 'a string', received: text === null ? 'null' : typeof text });
  const out: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0) as number;
    if (cp < 0x80) out.push(cp);
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
    else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
  }
  return out;
}

/** The length of the sequence a lead byte starts, and the range its second byte must lie in. */
function leadInfo(b: number): { len: number; lo: number; hi: number } | undefined {
  if (b >= 0xc2 && b <= 0xdf) return { len: 2, lo: 0x80, hi: 0xbf };
  if (b === 0xe0) return { len: 3, lo: 0xa0, hi: 0xbf };
  if (b >= 0xe1 && b <= 0xef) return { len: 3, lo: 0x80, hi: 0xbf }; // ED A0..BF: surrogates, allowed in WTF-8
  if (b === 0xf0) return { len: 4, lo: 0x90, hi: 0xbf };
  if (b >= 0xf1 && b <= 0xf3) return { len: 4, lo: 0x80, hi: 0xbf };
  if (b === 0xf4) return { len: 4, lo: 0x80, hi: 0x8f };
  return undefined;
}

/**
 * Decodes WTF-8 bytes, the inverse of {@link encodeWtf8}: `decodeWtf8(encodeWtf8(s)) === s` for
 * every string s. A byte that does not start a valid sequence (a stray continuation byte, a
 * truncated or overlong sequence) becomes U+FFFD, one per byte, as `TextDecoder` does in its
 * non-fatal mode; such bytes never come out of `encodeWtf8`.
 * @param bytes values in 0..255
 * @returns the string
 * @example
 * decodeWtf8([195, 169]); // 'é'
 */
export function decodeWtf8(bytes: readonly number[]): string {
  if (!Array.isArray(bytes) || bytes.length > 1 << 28) throw new ValueError('bytes must be an array of byte values', { pkg: 'transformer', op: 'decodeWtf8', arg: 'bytes', expected: 'number[] of integers 0..255', received: Array.isArray(bytes) ? `${bytes.length} bytes` : typeof bytes });
  const units: number[] = [];
  let out = '';
  const flush = (): void => {
    out += String.fromCharCode(...units);
    units.length = 0;
  };
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      units.push(b);
      i += 1;
    } else {
      const info = leadInfo(b);
      let cp = -1;
      if (info !== undefined && i + info.len <= bytes.length) {
        const b1 = bytes[i + 1] as number;
        let ok = b1 >= info.lo && b1 <= info.hi;
        let v = b & (0xff >> (info.len + 1));
        for (let k = 1; k < info.len && ok; k++) {
          const c = bytes[i + k] as number;
          if (k > 1 && (c < 0x80 || c > 0xbf)) ok = false;
          v = (v << 6) | (c & 0x3f);
        }
        if (ok) cp = v;
      }
      if (cp < 0) {
        units.push(0xfffd);
        i += 1;
      } else {
        if (cp >= 0x10000) units.push(0xd800 + ((cp - 0x10000) >> 10), 0xdc00 + ((cp - 0x10000) & 0x3ff));
        else units.push(cp);
        i += info?.len ?? 1;
      }
    }
    if (units.length > 4096) flush();
  }
  flush();
  return out;
}
