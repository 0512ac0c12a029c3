import { readFileSync, writeFileSync } from 'node:fs';
import { scalar, tensor, zeros } from '@gradlab/core-tensor';
import type { Tensor } from '@gradlab/core-tensor';
import { describe, expect, it } from 'vitest';
import { SafetensorsError, loadSafetensors, readSafetensors, saveSafetensors } from '../src/index.ts';

// Fixtures made by test/fixtures/make_safetensors_fixtures.py with PyTorch and the reference
// safetensors implementation (versions in python-expected.json).

interface ExpectedTensor {
  dtype: string;
  source: string;
  shape: number[];
  values: (number | 'Infinity' | '-Infinity' | 'NaN')[];
}
interface Expected {
  made_with: Record<string, string>;
  files: Record<string, { metadata: Record<string, string>; tensors: Record<string, ExpectedTensor> }>;
}

const fixture = (name: string): URL => new URL(`./fixtures/${name}`, import.meta.url);
const expected = JSON.parse(readFileSync(fixture('python-expected.json'), 'utf8')) as Expected;
const number = (v: ExpectedTensor['values'][number]): number => (typeof v === 'number' ? v : Number(v));

describe(`files written by safetensors ${expected.made_with.safetensors} (torch ${expected.made_with.torch})`, () => {
  for (const [file, { metadata, tensors }] of Object.entries(expected.files)) {
    it(`${file}: every value exactly, the dtypes converted as documented, the metadata`, () => {
      const got = readSafetensors(readFileSync(fixture(file)));
      expect({ ...got.metadata }).toEqual(metadata);
      expect(Object.keys(got.tensors).sort()).toEqual(Object.keys(tensors).sort());
      for (const [name, want] of Object.entries(tensors)) {
        const t = got.tensors[name] as Tensor;
        expect([name, t.dtype, t.shape]).toEqual([name, want.dtype, want.shape]);
        const values = Array.from(t.data);
        expect(values.length).toBe(want.values.length);
        // Object.is: -0 must stay -0, and NaN equals NaN
        want.values.forEach((v, i) => expect(Object.is(values[i], number(v)), `${name}[${i}]: ${values[i]} vs ${v}`).toBe(true));
      }
    });
  }

  it('an I64 value beyond int32 is refused, not wrapped', () => {
    let error: unknown;
    try {
      loadSafetensors(readFileSync(fixture('torch-int64-overflow.safetensors')));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SafetensorsError);
    expect((error as SafetensorsError).reason).toBe('out-of-range');
    expect((error as SafetensorsError).tensor).toBe('big');
    expect((error as SafetensorsError).received).toBe(String(2 ** 40));
  });

  it('options.dtype float64 widens the float16 and bfloat16 tensors exactly', () => {
    const t = loadSafetensors(readFileSync(fixture('torch-dtypes.safetensors')), { dtype: 'float64' });
    const want = expected.files['torch-dtypes.safetensors']?.tensors.f16;
    expect(t.f16?.dtype).toBe('float64');
    expect(Array.from(t.f16?.data ?? []).map(String)).toEqual(want?.values.map((v) => String(number(v))));
  });
});

/** The dict that make_safetensors_fixtures.py's gradlab_tensors() also builds. */
function gradlabTensors(): Record<string, Tensor> {
  return {
    weight: tensor([[0.1, -0, 1e-300], [Infinity, -Infinity, 1 / 3]], { allowNonFinite: true }),
    bias: tensor([0.5, -1.5, 3.4028234663852886e38], { dtype: 'float32' }),
    counts: tensor([[-(2 ** 31), 0], [7, 2 ** 31 - 1]], { dtype: 'int32' }),
    mask: tensor([true, false, false, true]),
    scalar: scalar(2.5),
    empty: zeros([0, 3], { dtype: 'float32' }),
    'gr\u00f6\u00dfe': tensor([1], { dtype: 'float32' }),
    'layers.0.weight': tensor([0, 1, 2, 3, 4, 5].map((i) => i / 7), { shape: [2, 3] }),
  };
}

describe('a file gradlab writes', () => {
  it('is byte for byte the committed gradlab-written.safetensors, which Python loads and re-creates exactly', () => {
    const bytes = saveSafetensors(gradlabTensors(), { format: 'pt' });
    // GRADLAB_UPDATE_FIXTURES=1 rewrites it; make_safetensors_fixtures.py then checks it against
    // safetensors.torch.load_file and safetensors.numpy.save
    if (process.env.GRADLAB_UPDATE_FIXTURES === '1') writeFileSync(fixture('gradlab-written.safetensors'), bytes);
    expect(bytes).toEqual(new Uint8Array(readFileSync(fixture('gradlab-written.safetensors'))));
  });
});
