import { describe, expect, it } from 'vitest';
import { rng, tensor } from '@gradlab/core-tensor';
import { languageModel, multiHeadAttention, transformerBlock } from '@gradlab/transformer';
import type { LanguageModelOptions } from '@gradlab/transformer';
import { toOnnx } from '../src/index.ts';
import { maxAbsDiff, randomInput, runOrt } from './ort-helpers.ts';

const TOL = 1e-5;

function ids(batch: number, T: number, vocab: number, seed: number) {
  const r = rng(seed);
  return tensor(Array.from({ length: batch * T }, () => r.integer(vocab)), { shape: [batch, T], dtype: 'int32' });
}

describe('toOnnx: the transformer matches gradlab through onnxruntime (float32, two batch sizes)', () => {
  const base: LanguageModelOptions = { vocabSize: 13, contextLength: 8, dModel: 16, heads: 4, layers: 2, ffn: 24, dtype: 'float32', seed: 1 };
  const variants: [string, Partial<LanguageModelOptions>][] = [
    ['learned positions, separate head, gelu', {}],
    ['sinusoidal positions, tied head, relu', { positional: 'sinusoidal', tieWeights: true, activation: 'relu' }],
    ['no biases, dropout (identity at inference)', { bias: false, dropout: 0.1 }],
  ];
  for (const [name, extra] of variants) {
    it(`language model: ${name}`, async () => {
      const lm = languageModel({ ...base, ...extra, rng: rng(3) }).eval();
      const T = 6;
      const bytes = toOnnx(lm, { inputShape: [1, T], dynamicBatch: true });
      for (const [batch, seed] of [[1, 4], [3, 5]] as const) {
        const x = ids(batch, T, 13, seed);
        const want = lm.forward(x);
        const got = await runOrt(bytes, x);
        expect(got.dims).toEqual([batch, T, 13]);
        expect(maxAbsDiff(got.data, want.data)).toBeLessThan(TOL);
      }
    });
  }

  it('the opset-16 graph (LayerNormalization and Gelu as subgraphs) and opset 20 (Gelu op) agree too', async () => {
    const lm = languageModel({ ...base, rng: rng(6) }).eval();
    for (const opset of [16, 20]) {
      const bytes = toOnnx(lm, { opset, inputShape: [1, 8], dynamicBatch: true });
      const x = ids(2, 8, 13, 7);
      expect(maxAbsDiff((await runOrt(bytes, x)).data, lm.forward(x).data)).toBeLessThan(TOL);
    }
  });

  it('a transformer block and multi-head attention alone, causal and not, on [B, T, D]', async () => {
    for (const causal of [true, false]) {
      for (const model of [transformerBlock({ dModel: 8, heads: 2, ffn: 16, causal, rng: rng(8), dtype: 'float32' }), multiHeadAttention({ dModel: 8, heads: 2, causal, rng: rng(9), dtype: 'float32' })]) {
        model.eval();
        const bytes = toOnnx(model, { inputShape: [1, 5, 8], dynamicBatch: true });
        for (const [batch, seed] of [[2, 10], [4, 11]] as const) {
          const x = randomInput([batch, 5, 8], seed);
          expect(maxAbsDiff((await runOrt(bytes, x)).data, model.forward(x).data)).toBeLessThan(TOL);
        }
      }
    }
  });
});
