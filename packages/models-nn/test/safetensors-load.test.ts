import { scalar, tensor } from '@gradlab/core-tensor';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_SAFETENSORS_BYTES, loadSafetensors, readSafetensors, saveSafetensors } from '../src/index.ts';

/** A one-tensor file with `dtype`, `shape` and raw little-endian `data`. */
function single(dtype: string, shape: number[], data: Uint8Array): Uint8Array {
  const h = new TextEncoder().encode(JSON.stringify({ x: { dtype, shape, data_offsets: [0, data.length] } }));
  const out = new Uint8Array(8 + h.length + data.length);
  new DataView(out.buffer).setBigUint64(0, BigInt(h.length), true);
  out.set(h, 8);
  out.set(data, 8 + h.length);
  return out;
}

const u16 = (...v: number[]): Uint8Array => new Uint8Array(new Uint16Array(v).buffer);

describe('loadSafetensors: dtype conversions', () => {
  it('F16 widens exactly to float32: normals, subnormals, ±0, ±Infinity, NaN', () => {
    // 1, -2, 65504 (max), 2^-14 (min normal), 2^-24 (min subnormal), 3 * 2^-24, -0, +Inf, -Inf, NaN
    const t = loadSafetensors(single('F16', [10], u16(0x3c00, 0xc000, 0x7bff, 0x0400, 0x0001, 0x0003, 0x8000, 0x7c00, 0xfc00, 0x7e00))).x;
    expect(t?.dtype).toBe('float32');
    const v = Array.from(t?.data ?? []);
    expect(v.slice(0, 6)).toEqual([1, -2, 65504, 2 ** -14, 2 ** -24, 3 * 2 ** -24]);
    expect(Object.is(v[6], -0)).toBe(true);
    expect(v.slice(7, 9)).toEqual([Infinity, -Infinity]);
    expect(v[9]).toBeNaN();
  });

  it('F16 subnormals and all 65536 bit patterns agree with a direct formula', () => {
    const all = new Uint16Array(65536).map((_, i) => i);
    const v = loadSafetensors(single('F16', [65536], new Uint8Array(all.buffer))).x?.data as Float32Array;
    for (let h = 0; h < 65536; h++) {
      const s = h & 0x8000 ? -1 : 1;
      const e = (h >> 10) & 0x1f;
      const m = h & 0x3ff;
      const expected = e === 0 ? s * m * 2 ** -24 : e === 31 ? (m === 0 ? s * Infinity : NaN) : s * (1 + m / 1024) * 2 ** (e - 15);
      if (Number.isNaN(expected)) expect(v[h]).toBeNaN();
      else expect(Object.is(v[h], expected)).toBe(true);
    }
  });

  it('BF16 widens exactly to float32 (the top 16 bits of a float32)', () => {
    const t = loadSafetensors(single('BF16', [4], u16(0x3f80, 0xc040, 0x0001, 0x7f80))).x;
    expect(t?.dtype).toBe('float32');
    expect(Array.from(t?.data ?? [])).toEqual([1, -3, 2 ** -133, Infinity]);
  });

  it('I64 within int32 loads as int32; I16, U16, I8, U8 widen to int32', () => {
    const i64 = new BigInt64Array([0n, -1n, 2n ** 31n - 1n, -(2n ** 31n)]);
    const a = loadSafetensors(single('I64', [2, 2], new Uint8Array(i64.buffer))).x;
    expect([a?.dtype, a?.toArray()]).toEqual(['int32', [[0, -1], [2147483647, -2147483648]]]);
    expect(loadSafetensors(single('I16', [2], new Uint8Array(new Int16Array([-32768, 32767]).buffer))).x?.toArray()).toEqual([-32768, 32767]);
    expect(loadSafetensors(single('U16', [1], u16(65535))).x?.toArray()).toEqual([65535]);
    expect(loadSafetensors(single('I8', [2], new Uint8Array([0x80, 0x7f]))).x?.toArray()).toEqual([-128, 127]);
    const u8 = loadSafetensors(single('U8', [2], new Uint8Array([0, 255]))).x;
    expect([u8?.dtype, u8?.toArray()]).toEqual(['int32', [0, 255]]);
    expect(loadSafetensors(single('U32', [1], new Uint8Array(new Uint32Array([2 ** 31 - 1]).buffer))).x?.toArray()).toEqual([2 ** 31 - 1]);
  });

  it('BOOL bytes other than 0 read as true', () => {
    const t = loadSafetensors(single('BOOL', [3], new Uint8Array([0, 1, 2]))).x;
    expect([t?.dtype, Array.from(t?.data ?? [])]).toEqual(['bool', [0, 1, 1]]);
  });

  it('options.dtype casts float tensors on load and leaves the others', () => {
    const bytes = saveSafetensors({ d: tensor([0.1, 1e300]), f: tensor([0.5], { dtype: 'float32' }), i: scalar(3, { dtype: 'int32' }) });
    const f32 = loadSafetensors(bytes, { dtype: 'float32' });
    expect(f32.d?.dtype).toBe('float32');
    expect(Array.from(f32.d?.data ?? [])).toEqual([Math.fround(0.1), Infinity]);
    expect(f32.i?.dtype).toBe('int32');
    const f64 = loadSafetensors(bytes, { dtype: 'float64' });
    expect([f64.f?.dtype, f64.f?.item()]).toEqual(['float64', 0.5]);
    expect(loadSafetensors(single('F16', [1], u16(0x3555)), { dtype: 'float64' }).x?.data).toEqual(new Float64Array([(1 + 0x155 / 1024) / 4]));
  });

  it('the default cap is 1 GiB', () => {
    expect(DEFAULT_MAX_SAFETENSORS_BYTES).toBe(2 ** 30);
  });

  it('readSafetensors returns the metadata; loadSafetensors only the tensors', () => {
    const bytes = saveSafetensors({ w: scalar(1) }, { framework: 'gradlab', step: '3' });
    expect({ ...readSafetensors(bytes).metadata }).toEqual({ framework: 'gradlab', step: '3' });
    expect(Object.keys(loadSafetensors(bytes))).toEqual(['w']);
  });
});
