import { describe, expect, it } from 'vitest';
import { loadDigits, trainTestSplit } from '@gradlab/data';
import { crossEntropy } from '@gradlab/losses';
import { adam } from '@gradlab/optim';
import { evaluate, fit, mlp } from '../src/index.ts';
import { tensor } from '@gradlab/core-tensor';

describe('digits (shipped): a 64-64-10 MLP', () => {
  it('reaches at least 97% test accuracy on a fixed stratified split', () => {
    const digits = loadDigits();
    const { train, test } = trainTestSplit(digits, { train: 0.75, test: 0.25, seed: 0, stratify: true });
    // Pixels are 0..16; dividing by 16 puts them in [0, 1].
    const scale = (d: typeof train) => ({ x: tensor(d.x.data.map((v) => v / 16), { shape: [...d.x.shape], dtype: 'float32' }), y: tensor(d.t) });
    const model = mlp({ sizes: [64, 64, 10], activation: 'relu', seed: 0 });
    const started = Date.now();
    const r = fit(model, scale(train), { loss: crossEntropy(), optimizer: adam({ lr: 3e-3 }), epochs: 30, batchSize: 32, seed: 0 });
    const seconds = (Date.now() - started) / 1000;
    const acc = evaluate(model, scale(test), crossEntropy());
    expect(r.history.at(-1)?.accuracy).toBeGreaterThan(0.99);
    expect(acc.accuracy).toBeGreaterThanOrEqual(0.97);
    console.log(`digits: test accuracy ${acc.accuracy}, ${seconds.toFixed(1)} s for 30 epochs`);
  });
});
