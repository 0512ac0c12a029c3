import { afterEach, describe, expect, it, vi } from 'vitest';
import { scalar, tensor } from '@gradlab/core-tensor';
import { SafetensorsError, loadSafetensors, readSafetensors, saveSafetensors } from '../src/index.ts';
import type { SafetensorsErrorReason } from '../src/index.ts';

/** A file from a header text (not padded) and data bytes. */
function file(headerText: string, data: ArrayLike<number> = [], claimedLength?: number | bigint): Uint8Array {
  const h = new TextEncoder().encode(headerText);
  const out = new Uint8Array(8 + h.length + data.length);
  new DataView(out.buffer).setBigUint64(0, BigInt(claimedLength ?? h.length), true);
  out.set(h, 8);
  out.set(Array.from(data), 8 + h.length);
  return out;
}

function entry(dtype: string, shape: unknown, offsets: unknown): string {
  return JSON.stringify({ dtype, shape, data_offsets: offsets });
}

function rejection(bytes: Uint8Array, options?: Parameters<typeof loadSafetensors>[1]): SafetensorsError {
  try {
    loadSafetensors(bytes, options);
  } catch (e) {
    expect(e).toBeInstanceOf(SafetensorsError);
    return e as SafetensorsError;
  }
  throw new Error('expected loadSafetensors to throw');
}

function expectRejected(bytes: Uint8Array, reason: SafetensorsErrorReason, tensorName?: string): SafetensorsError {
  const e = rejection(bytes);
  expect(e.reason).toBe(reason);
  expect(e.op).toBe('loadSafetensors');
  expect(e.pkg).toBe('models-nn');
  expect(e.message).toMatch(/^\[gradlab\/models-nn\] loadSafetensors: /);
  expect(e.tensor).toBe(tensorName);
  if (tensorName !== undefined) expect(e.message).toContain(JSON.stringify(tensorName));
  return e;
}

const valid = saveSafetensors({ a: tensor([1, 2, 3], { dtype: 'float32' }), b: scalar(5, { dtype: 'int32' }) });

afterEach(() => {
  vi.restoreAllMocks();
});

describe('loadSafetensors rejects hostile files with a SafetensorsError', () => {
  it('a file shorter than 8 bytes', () => {
    for (const n of [0, 1, 7]) {
      const e = expectRejected(new Uint8Array(n), 'too-short');
      expect(e.expected).toBe('at least 8 bytes');
      expect(e.received).toBe(`${n} bytes`);
    }
  });

  it('truncated data', () => {
    const e = expectRejected(valid.subarray(0, valid.length - 3), 'out-of-bounds', 'b'); // b (I32) is laid out after a (F32)
    expect(e.hint).toMatch(/truncated/);
  });

  it('a header length beyond the file', () => {
    const e = expectRejected(file('{}', [], 9), 'header-length');
    expect(e.received).toBe('9 bytes');
    expect(e.expected).toMatch(/at most 2 bytes/);
    expectRejected(valid.subarray(0, 20), 'header-length');
  });

  it('a header length of 2 GB (or 2^64 - 1) on a small file, before decoding or allocating anything', () => {
    const decode = vi.spyOn(TextDecoder.prototype, 'decode');
    const parse = vi.spyOn(JSON, 'parse');
    expect(expectRejected(file('{}', [], 2 ** 31), 'header-length').received).toBe('2147483648 bytes');
    expect(expectRejected(file('{}', [], 2n ** 64n - 1n), 'header-length').received).toBe('18446744073709551615 bytes');
    expect(decode).not.toHaveBeenCalled();
    expect(parse).not.toHaveBeenCalled();
  });

  it('a file or decoded tensors larger than options.maxBytes', () => {
    expect(rejection(valid, { maxBytes: 10 }).reason).toBe('too-large');
    // 1000 U8 values are 1000 bytes in the file but 4000 as int32
    const u8 = file(`{"u":${entry('U8', [1000], [0, 1000])}}`, new Uint8Array(1000));
    expect(loadSafetensors(u8, { maxBytes: 5000 }).u?.size).toBe(1000);
    const e = rejection(u8, { maxBytes: 2000 });
    expect([e.reason, e.received]).toEqual(['too-large', '4000 bytes']);
  });

  it('a header that is not UTF-8, not JSON, or not an object', () => {
    const bad = file('{"a":1}');
    bad[10] = 0xff;
    expectRejected(bad, 'header-encoding');
    expectRejected(file('{"a": '), 'header-json');
    expectRejected(file('{"a":{}}\0\0'), 'header-json'); // the reference pads with spaces, never NUL
    expectRejected(file('\uFEFF{}'), 'header-json'); // a byte-order mark is not JSON
    expect(expectRejected(file('[1, 2]'), 'header-not-object').received).toBe('an array of 2');
    expectRejected(file('null'), 'header-not-object');
    expectRejected(file('"x"'), 'header-not-object');
  });

  it('an entry that is not an object, or misses dtype, shape or data_offsets', () => {
    expectRejected(file('{"w":[1]}'), 'invalid-entry', 'w');
    for (const missing of ['dtype', 'shape', 'data_offsets']) {
      const fields: Record<string, unknown> = { dtype: 'U8', shape: [1], data_offsets: [0, 1] };
      delete fields[missing];
      const e = expectRejected(file(`{"w":${JSON.stringify(fields)}}`, [1]), 'invalid-entry', 'w');
      expect(e.arg).toBe(`header["w"].${missing}`);
    }
  });

  it('fields of the wrong type', () => {
    expectRejected(file(`{"w":${JSON.stringify({ dtype: 8, shape: [1], data_offsets: [0, 1] })}}`, [1]), 'invalid-entry', 'w');
    expectRejected(file(`{"w":${JSON.stringify({ dtype: 'U8', shape: 1, data_offsets: [0, 1] })}}`, [1]), 'invalid-entry', 'w');
    expectRejected(file(`{"w":${entry('U8', [1], { begin: 0 })}}`, [1]), 'invalid-entry', 'w');
    expectRejected(file(`{"w":${entry('U8', [1], [0, 1, 2])}}`, [1]), 'invalid-entry', 'w');
    expectRejected(file(`{"w":${entry('U8', [1], [0, '1'])}}`, [1]), 'invalid-entry', 'w');
    expectRejected(file(`{"w":${entry('U8', [0], [1, 0])}}`, [1]), 'invalid-entry', 'w'); // end < begin
    expectRejected(file(`{"w":${entry('U8', [1], [0, 2 ** 60])}}`, [1]), 'invalid-entry', 'w'); // not a safe integer
  });

  it('negative, fractional and non-numeric shape entries', () => {
    for (const bad of [-1, 1.5, '2', null, true, [1]]) {
      const e = expectRejected(file(`{"w":${entry('U8', [1, bad], [0, 1])}}`, [1]), 'invalid-entry', 'w');
      expect(e.arg).toBe('header["w"].shape[1]');
      expect(e.expected).toBe('an integer >= 0');
    }
  });

  it('an unknown dtype, and a dtype of the format gradlab cannot represent', () => {
    const e = expectRejected(file(`{"w":${entry('Q8', [1], [0, 1])}}`, [1]), 'unknown-dtype', 'w');
    expect(e.received).toBe('"Q8"');
    expectRejected(file(`{"w":${entry('f32', [1], [0, 4])}}`, [1, 2, 3, 4]), 'unknown-dtype', 'w');
    expectRejected(file(`{"w":${entry('F8_E4M3', [1], [0, 1])}}`, [1]), 'unsupported-dtype', 'w');
    expectRejected(file(`{"w":${entry('U64', [1], [0, 8])}}`, new Uint8Array(8)), 'unsupported-dtype', 'w');
  });

  it('a shape whose byte count does not match data_offsets', () => {
    const e = expectRejected(file(`{"w":${entry('F32', [2], [0, 4])}}`, [0, 0, 0, 0]), 'size-mismatch', 'w');
    expect(e.expected).toBe('8 bytes (F32 [2])');
    expect(e.received).toBe('4 bytes ([0, 4])');
    // a huge shape (2^60 elements) is compared without allocating
    expectRejected(file(`{"w":${entry('U8', [2 ** 30, 2 ** 30], [0, 1])}}`, [0]), 'size-mismatch', 'w');
  });

  it('offsets outside the data section', () => {
    expectRejected(file(`{"w":${entry('U8', [4], [4, 8])}}`, [1, 2, 3, 4]), 'out-of-bounds', 'w');
  });

  it('overlapping offsets', () => {
    const e = expectRejected(file(`{"a":${entry('U8', [2], [0, 2])},"b":${entry('U8', [1], [1, 2])}}`, [1, 2]), 'overlap', 'b');
    expect(e.message).toContain('"a"');
    // two tensors on the same bytes
    expectRejected(file(`{"a":${entry('U8', [2], [0, 2])},"b":${entry('U8', [2], [0, 2])}}`, [1, 2]), 'overlap', 'b');
  });

  it('data not fully covered: a gap before a tensor, or bytes after the last one (as the reference rejects)', () => {
    expectRejected(file(`{"a":${entry('U8', [1], [1, 2])}}`, [1, 2]), 'hole', 'a');
    expectRejected(file(`{"a":${entry('U8', [1], [0, 1])},"b":${entry('U8', [1], [2, 3])}}`, [1, 2, 3]), 'hole', 'b');
    const e = expectRejected(file(`{"a":${entry('U8', [1], [0, 1])}}`, [1, 2]), 'hole');
    expect(e.received).toBe('2 bytes');
  });

  it('duplicate keys in the header, at the top level or inside an entry or the metadata', () => {
    const e = expectRejected(file(`{"a":${entry('U8', [1], [0, 1])},"a":${entry('U8', [2], [0, 2])}}`, [1, 2]), 'duplicate-key', 'a');
    expect(e.arg).toBe('header');
    // the same key spelled with an escape
    expectRejected(file(`{"a":${entry('U8', [1], [0, 1])},"\\u0061":${entry('U8', [1], [0, 1])}}`, [1]), 'duplicate-key', 'a');
    const inner = rejection(file('{"a":{"dtype":"U8","dtype":"U8","shape":[1],"data_offsets":[0,1]}}', [1]));
    expect([inner.reason, inner.arg]).toEqual(['duplicate-key', 'header["a"]']);
    const meta = rejection(file('{"__metadata__":{"k":"1","k":"2"}}'));
    expect([meta.reason, meta.arg, meta.tensor]).toEqual(['duplicate-key', 'header["__metadata__"]', undefined]);
    // keys equal to one another only as values, or in different objects, are no duplicates
    expect(Object.keys(readSafetensors(file('{"__metadata__":{"a":"a","b":"a"}}')).metadata)).toEqual(['a', 'b']);
  });

  it('metadata that is not an object of strings (null is accepted, as by the reference)', () => {
    expectRejected(file('{"__metadata__":{"k":1}}'), 'invalid-metadata');
    expectRejected(file('{"__metadata__":[]}'), 'invalid-metadata');
    expect(Object.keys(readSafetensors(file('{"__metadata__":null}')).metadata)).toEqual([]);
  });

  it('names such as __proto__ and constructor do not pollute prototypes', () => {
    const bytes = file(`{"__proto__":${entry('U8', [1], [0, 1])},"constructor":${entry('U8', [1], [1, 2])},"__metadata__":{"__proto__":"x","polluted":"y"}}`, [7, 8]);
    const { tensors, metadata } = readSafetensors(bytes);
    expect(Object.getPrototypeOf(tensors)).toBe(null);
    expect(Object.keys(tensors).sort()).toEqual(['__proto__', 'constructor']);
    expect(tensors.__proto__?.toArray()).toEqual([7]);
    expect(new Map(Object.entries(tensors)).get('constructor')?.toArray()).toEqual([8]);
    expect(metadata.__proto__).toBe('x');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('dtype');
  });

  it('an I64 or U32 value outside int32', () => {
    const big = new Uint8Array(16);
    new DataView(big.buffer).setBigInt64(8, 2n ** 31n, true);
    const e = expectRejected(file(`{"w":${entry('I64', [2], [0, 16])}}`, big), 'out-of-range', 'w');
    expect(e.received).toBe('2147483648');
    expect(e.arg).toBe('w[1]');
    expectRejected(file(`{"w":${entry('U32', [1], [0, 4])}}`, [0, 0, 0, 0x80]), 'out-of-range', 'w');
  });

  it('bad arguments', () => {
    expect(rejection([1, 2] as unknown as Uint8Array).reason).toBe('invalid-argument');
    expect(rejection(valid, { maxBytes: -1 }).reason).toBe('invalid-argument');
    expect(rejection(valid, { dtype: 'int32' as 'float32' }).reason).toBe('invalid-argument');
  });

  it('readSafetensors names itself in its errors', () => {
    expect(() => readSafetensors(new Uint8Array(2))).toThrow(/^\[gradlab\/models-nn\] readSafetensors: /);
  });
});

describe('loadSafetensors accepts what the reference accepts', () => {
  it('whitespace around the JSON, unknown fields in an entry, empty tensors anywhere', () => {
    const bytes = file(` {"a":{"dtype":"U8","shape":[1],"data_offsets":[0,1],"extra":true},"e":${entry('F32', [0, 2], [1, 1])}}  `, [9]);
    const t = loadSafetensors(bytes);
    expect(t.a?.toArray()).toEqual([9]);
    expect(t.e?.shape).toEqual([0, 2]);
  });
  it('a file with no tensors', () => {
    expect(Object.keys(loadSafetensors(file('{}')))).toEqual([]);
  });
  it('a Buffer or a Uint8Array at an odd offset into a larger buffer', () => {
    const big = new Uint8Array(valid.length + 3);
    big.set(valid, 3);
    const t = loadSafetensors(big.subarray(3));
    expect(t.a?.toArray()).toEqual([1, 2, 3]);
    expect(loadSafetensors(Buffer.from(valid)).b?.item()).toBe(5);
  });
});
