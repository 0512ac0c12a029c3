import { describe, expect, it } from 'vitest';
import { randUniform, rng, tensor } from '@gradlab/core-tensor';
import type { Tensor } from '@gradlab/core-tensor';
import { Module, activation, dropout, embedding, layerNorm, linear, mlp, sequential } from '@gradlab/models-nn';
import type { ActivationName } from '@gradlab/models-nn';
import { OnnxExportError, builtinOnnxExporters, toOnnx } from '../src/index.ts';
import type { OnnxExporter } from '../src/index.ts';
import { maxAbsDiff, randomInput, runOrt } from './ort-helpers.ts';

const TOL = 1e-5;

/** Exports with a dynamic batch and checks two batch sizes (3 and 7) against gradlab's forward. */
async function expectSameOutputs(model: Module, features: number, opset = 17): Promise<void> {
  model.eval();
  const bytes = toOnnx(model, { opset, inputShape: [1, features], dynamicBatch: true });
  for (const [batch, seed] of [[3, 1], [7, 2]] as const) {
    const x = randomInput([batch, features], seed);
    const want = model.forward(x);
    const got = await runOrt(bytes, x);
    expect(got.dims).toEqual([...want.shape]);
    expect(maxAbsDiff(got.data, want.data)).toBeLessThan(TOL);
  }
}

describe('toOnnx: MLPs of the built-in layers match gradlab through onnxruntime (float32, two batch sizes)', () => {
  const hidden: ActivationName[] = ['relu', 'sigmoid', 'tanh', 'leaky-relu', 'gelu', 'identity'];
  for (const act of hidden) {
    it(`mlp [5, 8, 8, 3] with ${act}`, async () => {
      await expectSameOutputs(mlp({ sizes: [5, 8, 8, 3], activation: act, seed: 3 }), 5);
    });
  }

  it('softmax and log-softmax outputs, leaky ReLU with its alpha, and dropout (the identity at inference)', async () => {
    await expectSameOutputs(mlp({ sizes: [4, 6, 3], activation: 'tanh', outputActivation: 'softmax', seed: 1 }), 4);
    await expectSameOutputs(mlp({ sizes: [4, 6, 3], outputActivation: 'log-softmax', dropout: 0.5, seed: 2 }), 4);
    await expectSameOutputs(sequential(linear(4, 6, { rng: rng(4) }), activation('leaky-relu', { alpha: 0.2 }), dropout(0.3), linear(6, 2, { rng: rng(5) })), 4);
  });

  it('GELU, exact and tanh forms: the Erf subgraph before opset 20 and the Gelu op from 20', async () => {
    for (const opset of [13, 17, 20]) {
      for (const approximate of [false, true]) {
        await expectSameOutputs(sequential(linear(3, 8, { rng: rng(6) }), activation('gelu', { approximate }), linear(8, 2, { rng: rng(7) })), 3, opset);
      }
    }
  });

  it('layerNorm: LayerNormalization from opset 17, a mean/variance subgraph before', async () => {
    const ln = layerNorm(6);
    ln.loadStateDict({ weight: randUniform(rng(8), [6], { dtype: 'float32', low: 0.5, high: 1.5 }), bias: randUniform(rng(9), [6], { dtype: 'float32' }) });
    const model = sequential(linear(4, 6, { rng: rng(10) }), ln, activation('relu'), linear(6, 3, { rng: rng(11) }), layerNorm(3, { elementwiseAffine: false }));
    await expectSameOutputs(model, 4, 17);
    await expectSameOutputs(model, 4, 16);
  });

  it('embedding: Gather on int64 ids, [batch, T] to [batch, T, dim]', async () => {
    const model = sequential(embedding(10, 4, { rng: rng(12) }), linear(4, 3, { rng: rng(13) }), activation('softmax'));
    model.eval();
    const bytes = toOnnx(model, { inputShape: [1, 5], dynamicBatch: true });
    for (const batch of [2, 4]) {
      const ids = tensor(Array.from({ length: batch * 5 }, (_, i) => (i * 7) % 10), { shape: [batch, 5], dtype: 'int32' });
      const want = model.forward(ids);
      const got = await runOrt(bytes, ids);
      expect(got.dims).toEqual([batch, 5, 3]);
      expect(maxAbsDiff(got.data, want.data)).toBeLessThan(TOL);
    }
  });

  it('a fixed batch without dynamicBatch, and custom input/output names', async () => {
    const model = mlp({ sizes: [3, 4, 2], seed: 9 }).eval();
    const bytes = toOnnx(model, { inputShape: [2, 3], inputName: 'x', outputName: 'logits' });
    const x = randomInput([2, 3], 5);
    const got = await runOrt(bytes, x, 'x', 'logits');
    expect(maxAbsDiff(got.data, model.forward(x).data)).toBeLessThan(TOL);
    await expect(runOrt(bytes, randomInput([3, 3], 6), 'x', 'logits')).rejects.toThrow();
  });

  it('a float64 model exports float32 initializers and still matches to 1e-5', async () => {
    const model = mlp({ sizes: [4, 6, 2], activation: 'tanh', seed: 4, dtype: 'float64' }).eval();
    const bytes = toOnnx(model, { dynamicBatch: true });
    const x = randomInput([5, 4], 3);
    const got = await runOrt(bytes, x);
    expect(maxAbsDiff(got.data, model.forward(x.astype('float64')).data)).toBeLessThan(TOL);
  });
});

class Scale extends Module {
  readonly kind = 'scale';
  readonly s = this.addParameter('s', tensor([2, -1, 0.5], { dtype: 'float32' }));
  forward(x: Tensor): Tensor {
    return x.mul(this.s.value);
  }
  config() {
    return { kind: this.kind };
  }
}

describe('toOnnx: layers without a built-in exporter', () => {
  it('throws OnnxExportError naming the layer and its kind', () => {
    const model = sequential(linear(3, 3, { rng: rng(1) }), new Scale());
    const err = (() => {
      try {
        toOnnx(model);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(err).toBeInstanceOf(OnnxExportError);
    expect(err).toMatchObject({ layer: '1', kind: 'scale', pkg: 'interop', op: 'toOnnx' });
    expect((err as Error).message).toContain("no ONNX exporter for layer '1' of kind 'scale'");
  });

  it("a user's exporter registered by kind, through the same contract as the built-ins", async () => {
    const scaleExporter: OnnxExporter = (m, input, ctx) => ctx.op('Mul', [input, ctx.parameter('s', (m as Scale).s.value)]);
    const model = sequential(linear(3, 3, { rng: rng(1) }), new Scale()).eval();
    const bytes = toOnnx(model, { dynamicBatch: true, exporters: { ...builtinOnnxExporters, scale: scaleExporter } });
    const x = randomInput([4, 3], 2);
    expect(maxAbsDiff((await runOrt(bytes, x)).data, model.forward(x).data)).toBeLessThan(TOL);
  });

  it("a layer's own toOnnx method", async () => {
    class OwnScale extends Scale {
      toOnnx(input: string, ctx: Parameters<OnnxExporter>[2]): string {
        return ctx.op('Mul', [input, ctx.parameter('s', this.s.value)]);
      }
    }
    const model = sequential(linear(3, 3, { rng: rng(1) }), new OwnScale()).eval();
    const x = randomInput([1, 3], 7);
    expect(maxAbsDiff((await runOrt(toOnnx(model), x)).data, model.forward(x).data)).toBeLessThan(TOL);
  });

  it('rejects an unsupported opset and a model whose input shape it cannot infer', () => {
    expect(() => toOnnx(mlp({ sizes: [2, 2] }), { opset: 11 })).toThrow(/unsupported opset/);
    expect(() => toOnnx(mlp({ sizes: [2, 2] }), null as never)).toThrow(/toOnnx: must be an object \(argument options/);
    expect(() => toOnnx(sequential(activation('relu')))).toThrow(/inputShape/);
  });
});
