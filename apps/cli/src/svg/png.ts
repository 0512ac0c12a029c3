import { deflateSync } from 'node:zlib';

/** CRC-32 (ISO 3309, the polynomial PNG uses) of the bytes, as PNG's chunk checksum. */
const CRC_TABLE = Uint32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  Buffer.from(data).copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/**
 * Encodes an indexed-colour image as a PNG file (colour type 3, 8 bits per pixel, one IDAT chunk
 * compressed with node:zlib). Regions of one colour compress to almost nothing.
 * @param width pixels per row
 * @param height rows
 * @param pixels the palette index of each pixel, row by row from the top `[height * width]`
 * @param palette colours as `#rrggbb`, at most 256
 * @returns the PNG bytes
 * @example
 * encodePng(2, 1, [0, 1], ['#ff0000', '#0000ff']); // a 2×1 red-blue PNG
 */
export function encodePng(width: number, height: number, pixels: ArrayLike<number>, palette: readonly string[]): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 3; // indexed colour
  const plte = Buffer.alloc(3 * palette.length);
  palette.forEach((hex, i) => {
    const v = Number.parseInt(hex.slice(1), 16);
    plte[3 * i] = (v >> 16) & 0xff;
    plte[3 * i + 1] = (v >> 8) & 0xff;
    plte[3 * i + 2] = v & 0xff;
  });
  const raw = Buffer.alloc(height * (width + 1));
  for (let r = 0; r < height; r++) {
    raw[r * (width + 1)] = 0; // filter: none
    for (let c = 0; c < width; c++) raw[r * (width + 1) + 1 + c] = (pixels[r * width + c] as number) % palette.length;
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', ihdr), chunk('PLTE', plte), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', new Uint8Array(0))]);
}
