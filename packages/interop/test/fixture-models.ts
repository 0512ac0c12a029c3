import { rng, tensor } from '@gradlab/core-tensor';
import type { Tensor } from '@gradlab/core-tensor';
import { linearRegression, logisticRegression } from '@gradlab/models-linear';
import { activation, linear, mlp, sequential } from '@gradlab/models-nn';
import type { Module } from '@gradlab/models-nn';
import { languageModel } from '@gradlab/transformer';
import type { LanguageModel } from '@gradlab/transformer';
import type { LinearModel, ToOnnxOptions } from '../src/index.ts';

/** The torch fixture's MLP shape: Linear(4, 6), Tanh, Linear(6, 6), ReLU, Linear(6, 3), float64. */
export function torchShapedMlp(seed: number): Module {
  const r = rng(seed);
  return sequential(linear(4, 6, { rng: r, dtype: 'float64' }), activation('tanh'), linear(6, 6, { rng: r, dtype: 'float64' }), activation('relu'), linear(6, 3, { rng: r, dtype: 'float64' }));
}

/** TinyLM's shape (make_torch_fixtures.py): vocab 11, T 6, D 8, 2 blocks of 2 heads, ffn 16, GELU, float64. */
export function tinyLm(tied: boolean, seed = 0): LanguageModel {
  return languageModel({ vocabSize: 11, contextLength: 6, dModel: 8, heads: 2, layers: 2, ffn: 16, tieWeights: tied, dtype: 'float64', rng: rng(seed) }).eval();
}

/** Inputs from a seeded generator: rows `[n, d]` (float64) and ids `[b, T]` (int32). */
export function fixtureRows(n: number, d: number, seed: number): Tensor {
  const r = rng(seed);
  return tensor(Array.from({ length: n * d }, () => r.uniform(-2, 2)), { shape: [n, d], dtype: 'float64' });
}
export function fixtureIds(b: number, T: number, vocab: number, seed: number): Tensor {
  const r = rng(seed);
  return tensor(Array.from({ length: b * T }, () => r.integer(vocab)), { shape: [b, T], dtype: 'int32' });
}

function fittedLinear(): { regression: LinearModel; logistic: LinearModel; softmax: LinearModel } {
  const x = fixtureRows(30, 3, 1);
  const rows = Array.from({ length: 30 }, (_, i) => Array.from(x.data.subarray(i * 3, i * 3 + 3)));
  const t = rows.map((r) => 0.5 + r[0]! - 2 * r[1]! + 0.1 * r[2]!);
  const silent = { onWarning: () => {} };
  return {
    regression: linearRegression(silent).fit(rows, t),
    logistic: logisticRegression({ lambda: 0.1, ...silent }).fit(rows, t.map((v) => (v > 0.5 ? 1 : 0))),
    softmax: logisticRegression({ multiClass: 'softmax', lambda: 0.1, ...silent }).fit(rows, t.map((v) => (v < -1 ? 0 : v < 1.5 ? 1 : 2))),
  };
}

/** The ONNX files that test/fixtures/check_onnx.py runs through onnx.checker, by file name. */
export function onnxFixtureModels(): [string, Module | LinearModel, ToOnnxOptions][] {
  const lin = fittedLinear();
  const m = mlp({ sizes: [4, 8, 8, 3], activation: 'gelu', outputActivation: 'softmax', dropout: 0.1, seed: 2 }).eval();
  const lm = languageModel({ vocabSize: 11, contextLength: 6, dModel: 8, heads: 2, layers: 2, ffn: 16, rng: rng(3), dtype: 'float32' }).eval();
  const lmSin = languageModel({ vocabSize: 11, contextLength: 6, dModel: 8, heads: 2, layers: 1, positional: 'sinusoidal', tieWeights: true, activation: 'relu', rng: rng(4), dtype: 'float32' }).eval();
  return [
    ['linear-regression.onnx', lin.regression, { dynamicBatch: true }],
    ['logistic-regression.onnx', lin.logistic, { dynamicBatch: true }],
    ['softmax-regression.onnx', lin.softmax, { dynamicBatch: true }],
    ['mlp-opset13.onnx', m, { opset: 13, dynamicBatch: true }],
    ['mlp-opset17.onnx', m, { opset: 17, dynamicBatch: true }],
    ['mlp-opset20.onnx', m, { opset: 20, dynamicBatch: true }],
    ['lm-opset16.onnx', lm, { opset: 16, inputShape: [1, 6], dynamicBatch: true }],
    ['lm-opset17.onnx', lm, { opset: 17, inputShape: [1, 6], dynamicBatch: true }],
    ['lm-sinusoidal-tied-opset20.onnx', lmSin, { opset: 20, inputShape: [2, 5] }],
  ];
}
