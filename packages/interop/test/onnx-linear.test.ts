import { describe, expect, it } from 'vitest';
import { lassoRegression, linearRegression, logisticRegression, perceptron, ridgeRegression } from '@gradlab/models-linear';
import { randNormal, rng } from '@gradlab/core-tensor';
import { toOnnx } from '../src/index.ts';
import type { LinearModel } from '../src/index.ts';
import { maxAbsDiff, runOrt } from './ort-helpers.ts';

const D = 4;
const N = 40;
const x = randNormal(rng(1), [N, D], { dtype: 'float32' });
const rows = (m: number, seed: number) => randNormal(rng(seed), [m, D], { dtype: 'float32' });
const xs = Array.from({ length: N }, (_, i) => Array.from(x.data.subarray(i * D, (i + 1) * D)));
const w = [1.5, -2, 0.5, 0.25];
const target = xs.map((r, i) => r.reduce((s, v, j) => s + v * (w[j] as number), 0.3) + 0.1 * Math.sin(i));
const toMatrix = (t: ReturnType<typeof rows>) => Array.from({ length: t.shape[0] as number }, (_, i) => Array.from(t.data.subarray(i * D, (i + 1) * D)));

/** ONNX Runtime (float32) against gradlab's float64 prediction, relative to the outputs' scale. */
async function expectMatches(model: LinearModel, predict: (rows: number[][]) => ArrayLike<number>, outDims: (batch: number) => number[]): Promise<void> {
  const bytes = toOnnx(model, { dynamicBatch: true });
  for (const [m, seed] of [[3, 2], [9, 3]] as const) {
    const input = rows(m, seed);
    const got = await runOrt(bytes, input);
    const want = predict(toMatrix(input));
    expect(got.dims).toEqual(outDims(m));
    const scale = Math.max(1, ...Array.from(want, Math.abs));
    expect(maxAbsDiff(got.data, want) / scale).toBeLessThan(1e-5);
  }
}

describe('toOnnx: the fitted linear models of models-linear match through onnxruntime', () => {
  const silent = { onWarning: () => {} };
  it('linear, ridge and LASSO regression: predict, [batch]', async () => {
    for (const model of [linearRegression(silent), ridgeRegression({ lambda: 0.5, ...silent }), lassoRegression({ lambda: 0.05, ...silent })]) {
      model.fit(xs, target);
      await expectMatches(model, (r) => model.predict(r), (b) => [b]);
    }
  });

  it('a regression without intercept', async () => {
    const model = ridgeRegression({ lambda: 0.1, fitIntercept: false, ...silent }).fit(xs, target);
    await expectMatches(model, (r) => model.predict(r), (b) => [b]);
  });

  it('logistic regression: predictProba, [batch, 2]', async () => {
    const labels = target.map((v) => (v > 0.3 ? 1 : 0));
    const model = logisticRegression({ lambda: 0.1, ...silent }).fit(xs, labels);
    await expectMatches(model, (r) => model.predictProba(r).data, (b) => [b, 2]);
  });

  it('softmax regression: predictProba, [batch, C]', async () => {
    const labels = target.map((v) => (v < -1 ? 0 : v < 1 ? 1 : 2));
    const model = logisticRegression({ multiClass: 'softmax', lambda: 0.1, ...silent }).fit(xs, labels);
    await expectMatches(model, (r) => model.predictProba(r).data, (b) => [b, 3]);
  });

  it('a classifier without probabilities (perceptron): decisionFunction', async () => {
    const labels = target.map((v) => (v > 0.3 ? 1 : 0));
    const model = perceptron(silent).fit(xs, labels);
    await expectMatches(model, (r) => model.decisionFunction(r).data, (b) => [b, 1]);
  });

  it('refuses an unfitted model', () => {
    expect(() => toOnnx(linearRegression())).toThrow(/not fitted/);
  });
});
