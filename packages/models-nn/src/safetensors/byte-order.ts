/**
 * True on little-endian hosts (every current JS engine on x86 and ARM). Safetensors data is
 * little-endian, so there typed arrays are copied as raw bytes; on a big-endian host each element's
 * bytes are reversed after the copy.
 */
export const HOST_IS_LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Reverses, in place, the bytes of each `width`-byte element of `bytes` (a big-endian host only). */
export function swapBytes(bytes: Uint8Array, width: number): void {
  if (width === 1) return;
  for (let i = 0; i + width <= bytes.length; i += width) {
    for (let a = i, b = i + width - 1; a < b; a++, b--) {
      const t = bytes[a] as number;
      bytes[a] = bytes[b] as number;
      bytes[b] = t;
    }
  }
}

/** The bytes of a typed array, as a Uint8Array view over the same memory. */
export function bytesOf(a: Float64Array | Float32Array | Int32Array | Uint8Array | Uint32Array): Uint8Array {
  return new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
}
