import type { Tensor } from '@gradlab/core-tensor';
import { arange, ones, scalar, tensor, transpose, zeros } from '@gradlab/core-tensor';
import { describe, expect, it } from 'vitest';
import { SafetensorsError, loadSafetensors, readSafetensors, saveSafetensors } from '../src/index.ts';

function header(bytes: Uint8Array): { length: number; text: string } {
  const length = Number(new DataView(bytes.buffer, bytes.byteOffset).getBigUint64(0, true));
  return { length, text: new TextDecoder().decode(bytes.subarray(8, 8 + length)) };
}

describe('saveSafetensors: layout', () => {
  it('writes the 8-byte length, a space-padded JSON header and little-endian data', () => {
    const bytes = saveSafetensors({ a: tensor([1, 2], { dtype: 'int32' }) });
    const { length, text } = header(bytes);
    expect(length % 8).toBe(0);
    expect(text.trimEnd()).toBe('{"a":{"dtype":"I32","shape":[2],"data_offsets":[0,8]}}');
    expect(text.slice(text.trimEnd().length)).toMatch(/^ *$/);
    expect([...bytes.subarray(8 + length)]).toEqual([1, 0, 0, 0, 2, 0, 0, 0]);
  });

  it('orders tensors as the reference writer does: dtype widest first, then name', () => {
    const bytes = saveSafetensors({
      b: zeros([1], { dtype: 'bool' }),
      z: zeros([1], { dtype: 'float64' }),
      a: zeros([1], { dtype: 'float32' }),
      c: zeros([1], { dtype: 'float64' }),
      i: zeros([1], { dtype: 'int32' }),
    });
    const keys = Object.keys(JSON.parse(header(bytes).text) as object);
    expect(keys).toEqual(['c', 'z', 'a', 'i', 'b']);
  });

  it('sorts names by UTF-8 bytes (code points), not UTF-16 units', () => {
    // U+FF21 (one UTF-16 unit) < U+1F600 (a surrogate pair) in code point order, > in UTF-16 order
    const bytes = saveSafetensors({ '\u{1F600}': scalar(1), '\uFF21': scalar(2) });
    expect(Object.keys(JSON.parse(header(bytes).text) as object)).toEqual(['\uFF21', '\u{1F600}']);
  });

  it('writes metadata first with sorted keys, and omits it only when not given', () => {
    const bytes = saveSafetensors({ w: scalar(1) }, { z: '1', a: '2' });
    expect(header(bytes).text.trimEnd()).toBe('{"__metadata__":{"a":"2","z":"1"},"w":{"dtype":"F64","shape":[],"data_offsets":[0,8]}}');
    expect(header(saveSafetensors({ w: scalar(1) }, {})).text).toContain('"__metadata__":{}');
    expect(header(saveSafetensors({ w: scalar(1) })).text).not.toContain('__metadata__');
  });

  it('is deterministic: the same tensors in any insertion order give the same bytes', () => {
    const a = saveSafetensors({ x: arange(6).reshape([2, 3]), y: ones([3], { dtype: 'float32' }) }, { k: 'v' });
    const b = saveSafetensors({ y: ones([3], { dtype: 'float32' }), x: arange(6).reshape([2, 3]) }, { k: 'v' });
    expect(b).toEqual(a);
  });

  it('writes an empty dict as {} padded to 8 bytes', () => {
    const bytes = saveSafetensors({});
    expect(bytes.length).toBe(16);
    expect(header(bytes).text).toBe('{}      ');
  });

  it('writes non-contiguous views contiguously, row-major', () => {
    const x = tensor([[1, 2, 3], [4, 5, 6]]);
    const t = transpose(x);
    const back = loadSafetensors(saveSafetensors({ t }));
    expect(back.t?.shape).toEqual([3, 2]);
    expect(back.t?.toArray()).toEqual([[1, 4], [2, 5], [3, 6]]);
    const s = x.slice([0, 1], [2, 2]);
    expect(loadSafetensors(saveSafetensors({ s })).s?.toArray()).toEqual([[2, 3], [5, 6]]);
  });

  it('round-trips 0-d and empty tensors, and names such as __proto__', () => {
    const tensors = Object.create(null) as Record<string, Tensor>;
    tensors.__proto__ = scalar(7);
    Object.defineProperty(tensors, 'constructor', { value: zeros([2, 0, 3], { dtype: 'int32' }), enumerable: true });
    const meta = Object.create(null) as Record<string, string>;
    meta.__proto__ = 'x';
    const { tensors: back, metadata } = readSafetensors(saveSafetensors(tensors, meta));
    expect(Object.getPrototypeOf(back)).toBe(null);
    expect(back.__proto__?.item()).toBe(7);
    const ctor = new Map(Object.entries(back)).get('constructor');
    expect(ctor?.shape).toEqual([2, 0, 3]);
    expect(ctor?.dtype).toBe('int32');
    expect(Object.keys(metadata)).toEqual(['__proto__']);
    expect(metadata.__proto__).toBe('x');
    expect(({} as Record<string, unknown>).dtype).toBeUndefined();
  });
});

describe('saveSafetensors: input validation', () => {
  const reject = (f: () => unknown, arg: string): void => {
    let error: unknown;
    try {
      f();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SafetensorsError);
    expect((error as SafetensorsError).reason).toBe('invalid-argument');
    expect((error as SafetensorsError).op).toBe('saveSafetensors');
    expect((error as SafetensorsError).message).toContain('[gradlab/models-nn] saveSafetensors');
    expect((error as SafetensorsError).arg).toBe(arg);
  };
  it('rejects an empty name, the reserved __metadata__ and lone surrogates', () => {
    reject(() => saveSafetensors({ '': scalar(1) }), 'tensors');
    reject(() => saveSafetensors({ __metadata__: scalar(1) }), 'tensors');
    reject(() => saveSafetensors({ '\uD800': scalar(1) }), 'tensors');
  });
  it('rejects values that are not tensors, and a tensors argument that is not an object', () => {
    reject(() => saveSafetensors({ w: [1, 2] as unknown as Tensor }), 'tensors["w"]');
    reject(() => saveSafetensors(null as unknown as Record<string, Tensor>), 'tensors');
    reject(() => saveSafetensors([scalar(1)] as unknown as Record<string, Tensor>), 'tensors');
    reject(() => saveSafetensors(scalar(1) as unknown as Record<string, Tensor>), 'tensors');
  });
  it('rejects metadata that is not an object of strings', () => {
    reject(() => saveSafetensors({}, { n: 3 as unknown as string }), 'metadata["n"]');
    reject(() => saveSafetensors({}, 'x' as unknown as Record<string, string>), 'metadata');
    reject(() => saveSafetensors({}, { k: '\uDC00' }), 'metadata');
  });
  it('throws a DisposedError for a disposed tensor', () => {
    const t = ones([2]);
    t.dispose();
    expect(() => saveSafetensors({ t })).toThrow(/disposed/);
  });
  it('the error is a ValueError of core-tensor', async () => {
    const { ValueError } = await import('@gradlab/core-tensor');
    expect(() => saveSafetensors({ '': scalar(1) })).toThrow(ValueError);
  });
});
