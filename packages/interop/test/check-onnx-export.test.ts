import { describe, expect, it } from 'vitest';
import * as ort from 'onnxruntime-node';
import { mul, rng, tensor } from '@gradlab/core-tensor';
import type { Tensor } from '@gradlab/core-tensor';
import { Module, linear, mlp, sequential } from '@gradlab/models-nn';
import { languageModel } from '@gradlab/transformer';
import { builtinOnnxExporters } from '../src/index.ts';
import type { OnnxExporter } from '../src/index.ts';
import { checkOnnxExport } from '../src/testing/index.ts';
import { runOrt } from './ort-helpers.ts';

const run = async (bytes: Uint8Array, x: Tensor) => (await runOrt(bytes, x)).data;

class Scale extends Module {
  readonly kind = 'scale';
  readonly s = this.addParameter('s', tensor([2, -1, 0.5], { dtype: 'float32' }));
  forward(x: Tensor): Tensor {
    return mul(x, this.s.value);
  }
  config() {
    return { kind: this.kind };
  }
}

describe('checkOnnxExport (@gradlab/interop/testing)', () => {
  it('passes the built-ins: an MLP and a language model', async () => {
    expect((await checkOnnxExport(mlp({ sizes: [3, 5, 2], activation: 'gelu', seed: 1 }), { run })).maxAbsDiff).toBeLessThan(1e-5);
    const lm = languageModel({ vocabSize: 7, contextLength: 4, dModel: 8, heads: 2, layers: 1, rng: rng(2), dtype: 'float32' });
    expect((await checkOnnxExport(lm, { run, inputShape: [1, 4], batchSizes: [1, 3] })).maxAbsDiff).toBeLessThan(1e-5);
    expect(lm.training).toBe(true);
  });

  it("passes a user's layer with a correct exporter and names the first wrong output of a broken one", async () => {
    const model = sequential(linear(3, 3, { rng: rng(1) }), new Scale());
    const good: OnnxExporter = (m, input, ctx) => ctx.op('Mul', [input, ctx.parameter('s', (m as Scale).s.value)]);
    await expect(checkOnnxExport(model, { run, exporters: { ...builtinOnnxExporters, scale: good } })).resolves.toMatchObject({ maxAbsDiff: expect.any(Number) as number });
    const broken: OnnxExporter = (m, input, ctx) => ctx.op('Add', [input, ctx.parameter('s', (m as Scale).s.value)]);
    await expect(checkOnnxExport(model, { run, exporters: { ...builtinOnnxExporters, scale: broken } })).rejects.toThrow(/the ONNX output differs from the model output \(argument batch 2, output\[0\]/);
  });

  it('works with any runner, here ONNX Runtime called directly', async () => {
    const direct = async (bytes: Uint8Array, x: Tensor) => {
      const s = await ort.InferenceSession.create(bytes);
      return (await s.run({ input: new ort.Tensor('float32', Float32Array.from(x.data), [...x.shape]) })).output?.data as Float32Array;
    };
    await expect(checkOnnxExport(mlp({ sizes: [2, 2], seed: 3 }), { run: direct, batchSizes: [4] })).resolves.toBeDefined();
  });
});
