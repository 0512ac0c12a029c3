#!/usr/bin/env node
// RSS over 10,000 steps of @gradlab/models-nn's fit (64-64-10 MLP on the digits, batch 32, Adam):
// exits 1 when RSS grows more than the tolerance after warm-up. Each checked call is one epoch
// (57 steps) of `fit`, the optimizer state handed on, as the fit benchmark calls it.
// `node rss-fit.mjs [--backend=js|wasm] [--json] [--quick]`
import * as gl from '@gradlab/core-tensor';
import { createWasmBackend } from '@gradlab/backend-wasm';
import { ensureBuilt } from './ensure-built.mjs';
import { rssCheck } from './rss-check.mjs';

ensureBuilt();
// Imported after ensureBuilt, which may have just built them.
const { fit, mlp } = await import('@gradlab/models-nn');
const { crossEntropy } = await import('@gradlab/losses');
const { adam } = await import('@gradlab/optim');
const { loadDigits } = await import('@gradlab/data');

const backend = process.argv.find((a) => a.startsWith('--backend='))?.slice(10) ?? 'wasm';
gl.setBackend(backend === 'wasm' ? createWasmBackend() : gl.createJsBackend());
const quick = process.argv.includes('--quick');

const digits = loadDigits();
const x = gl.tensor(Float32Array.from(digits.x.data, (v) => v / 16), { shape: [...digits.x.shape] });
const y = gl.tensor(digits.t, { dtype: 'float64' });
const model = mlp({ sizes: [64, 64, 10], seed: 0 });
const loss = crossEntropy();
const optimizer = adam({ lr: 1e-3 });
const batchSize = 32;
const stepsPerCall = Math.ceil(x.shape[0] / batchSize);
let optimizerState;

const steps = quick ? 1000 : 10000;
const total = Math.ceil(steps / stepsPerCall);
await rssCheck({
  what: `${(total * stepsPerCall).toLocaleString('en-US')} fit steps, ${total} one-epoch fit calls (${backend} backend)`,
  total,
  // ~4,000 steps, as rss-mlp.mjs --tidy: steps in tidy make little garbage, so V8 takes ~2,000
  // steps to size its old generation (RSS rises to ~145 MB by then, and stays there).
  warmup: Math.ceil((quick ? 200 : 4000) / stepsPerCall),
  toleranceMB: 20,
  step(i) {
    const r = fit(model, { x, y }, { loss, optimizer, epochs: 1, batchSize, seed: i, ...(optimizerState ? { optimizerState } : {}) });
    optimizerState = r.optimizerState;
  },
});
