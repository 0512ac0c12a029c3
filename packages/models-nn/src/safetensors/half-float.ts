/**
 * Widens IEEE 754 binary16 (F16) bit patterns to binary32 bit patterns, exactly: every half value,
 * subnormals, infinities and NaN payloads included, is a float32 value.
 * @param half the 16-bit patterns; @param out receives the 32-bit patterns (same length)
 */
export function halfToFloatBits(half: Uint16Array, out: Uint32Array): void {
  for (let i = 0; i < half.length; i++) {
    const h = half[i] as number;
    const sign = (h & 0x8000) << 16;
    const exp = (h >> 10) & 0x1f;
    let mant = h & 0x3ff;
    if (exp === 0x1f) {
      out[i] = (sign | 0x7f800000 | (mant << 13)) >>> 0; // inf or NaN (payload kept)
    } else if (exp !== 0) {
      out[i] = (sign | ((exp - 15 + 127) << 23) | (mant << 13)) >>> 0;
    } else if (mant === 0) {
      out[i] = sign >>> 0; // ±0
    } else {
      // subnormal half: mant * 2^-24; normalise so the leading 1 becomes the implicit bit
      let e = -14;
      while ((mant & 0x400) === 0) {
        mant <<= 1;
        e--;
      }
      out[i] = (sign | ((e + 127) << 23) | ((mant & 0x3ff) << 13)) >>> 0;
    }
  }
}

/**
 * Widens bfloat16 (BF16) bit patterns to binary32 bit patterns, exactly: bfloat16 is the top half
 * of a float32, so the low 16 bits are zero.
 * @param half the 16-bit patterns; @param out receives the 32-bit patterns (same length)
 */
export function bfloat16ToFloatBits(half: Uint16Array, out: Uint32Array): void {
  for (let i = 0; i < half.length; i++) out[i] = ((half[i] as number) << 16) >>> 0;
}
