/** Compares two UTF-8 byte strings lexicographically (the order of Rust's `String`, i.e. code point order). */
export function compareUtf8(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = (a[i] as number) - (b[i] as number);
    if (d !== 0) return d;
  }
  return a.length - b.length;
}

/** True when `s` holds a lone surrogate, which UTF-8 cannot encode (TextEncoder would replace it). */
export function hasLoneSurrogate(s: string): boolean {
  return /\p{Surrogate}/u.test(s);
}
