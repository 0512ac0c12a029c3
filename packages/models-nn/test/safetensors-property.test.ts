import fc from 'fast-check';
import { tensor } from '@gradlab/core-tensor';
import type { DType, Tensor } from '@gradlab/core-tensor';
import { describe, expect, it } from 'vitest';
import { SafetensorsError, loadSafetensors, readSafetensors, saveSafetensors } from '../src/index.ts';

const shapeArb = fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 3 });

function valuesArb(dtype: DType, size: number): fc.Arbitrary<number[]> {
  const element: fc.Arbitrary<number> =
    dtype === 'float64'
      ? fc.oneof(fc.double(), fc.constantFrom(-0, Infinity, -Infinity, Number.MIN_VALUE, -Number.MAX_VALUE))
      : dtype === 'float32'
        ? fc.oneof(fc.float(), fc.constantFrom(-0, Infinity, -Infinity, 2 ** -149))
        : dtype === 'int32'
          ? fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 })
          : fc.constantFrom(0, 1);
  return fc.array(element, { minLength: size, maxLength: size });
}

const tensorArb: fc.Arbitrary<Tensor> = fc
  .tuple(fc.constantFrom<DType>('float64', 'float32', 'int32', 'bool'), shapeArb)
  .chain(([dtype, shape]) => valuesArb(dtype, shape.reduce((a, b) => a * b, 1)).map((v) => tensor(v, { dtype, shape, ...(dtype === 'float32' || dtype === 'float64' ? { allowNonFinite: true } : {}) })));

const nameArb = fc.string({ unit: 'binary', minLength: 1, maxLength: 6 }).filter((s) => s !== '__metadata__' && !/\p{Surrogate}/u.test(s));

const tensorsArb = fc
  .uniqueArray(fc.tuple(nameArb, tensorArb), { selector: (e) => e[0], maxLength: 5 })
  .map((entries) => {
    const record = Object.create(null) as Record<string, Tensor>;
    for (const [name, t] of entries) record[name] = t;
    return record;
  });

const metadataArb = fc.option(
  fc.uniqueArray(fc.tuple(nameArb, fc.string({ maxLength: 8 })), { selector: (e) => e[0], maxLength: 3 }).map((entries) => {
    const record = Object.create(null) as Record<string, string>;
    for (const [k, v] of entries) record[k] = v;
    return record;
  }),
  { nil: undefined },
);

const bytesOf = (t: Tensor): Uint8Array => {
  const d = t.data;
  return new Uint8Array(d.buffer, d.byteOffset, d.byteLength);
};

describe('safetensors properties (fast-check)', () => {
  it('save then load gives back every tensor bit for bit (-0, ±Infinity, NaN, subnormals), and the metadata', () => {
    fc.assert(
      fc.property(tensorsArb, metadataArb, (tensors, metadata) => {
        const bytes = saveSafetensors(tensors, metadata);
        const back = readSafetensors(bytes);
        expect(Object.keys(back.tensors).sort()).toEqual(Object.keys(tensors).sort());
        for (const [name, t] of Object.entries(tensors)) {
          const u = back.tensors[name] as Tensor;
          expect(u.dtype).toBe(t.dtype);
          expect(u.shape).toEqual(t.shape);
          expect(bytesOf(u)).toEqual(bytesOf(t));
        }
        expect({ ...back.metadata }).toEqual({ ...(metadata ?? {}) });
        // writing what was read gives the same bytes
        expect(saveSafetensors(back.tensors, metadata)).toEqual(bytes);
      }),
    );
  });

  it('a valid file with random bytes overwritten, cut or extended either loads or throws a SafetensorsError', () => {
    // one kind of damage at a time, so each is tried often: bytes overwritten anywhere, the file
    // cut short, or bytes appended
    const corruption = fc.oneof(
      fc.record({ kind: fc.constant('edit' as const), edits: fc.array(fc.tuple(fc.noBias(fc.nat()), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 4 }) }),
      fc.record({ kind: fc.constant('cut' as const), at: fc.noBias(fc.nat()) }),
      fc.record({ kind: fc.constant('extend' as const), extra: fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 3 }) }),
    );
    let loaded = 0;
    let rejected = 0;
    fc.assert(
      fc.property(tensorsArb, corruption, (tensors, damage) => {
        let bytes = saveSafetensors(tensors, { note: 'x' });
        if (damage.kind === 'edit') for (const [at, value] of damage.edits) bytes[at % bytes.length] = value;
        else if (damage.kind === 'cut') bytes = bytes.subarray(0, damage.at % bytes.length);
        else bytes = Uint8Array.from([...bytes, ...damage.extra]);
        try {
          loadSafetensors(bytes);
          loaded++;
        } catch (e) {
          if (!(e instanceof SafetensorsError)) throw e;
          rejected++;
        }
      }),
      { numRuns: 500 },
    );
    // both outcomes occur, so the property is not vacuous
    expect(rejected).toBeGreaterThan(0);
    expect(loaded).toBeGreaterThan(0);
  });
});
