#!/usr/bin/env node
// RSS over 10,000 steps of @gradlab/models-nn's fit, after 10,000 of warm-up (64-64-10 MLP on the digits, batch 32, Adam):
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

const steps = quick ? 1000 : 20000;
const total = Math.ceil(steps / stepsPerCall);
await rssCheck({
  what: `${(total * stepsPerCall).toLocaleString('en-US')} fit steps, ${total} one-epoch fit calls (${backend} backend)`,
  total,
  // 10,000 steps: a step in fit's tidy makes ~90 KB of short-lived garbage, so V8 sizes its old
  // generation slowly: RSS rises to ~135–140 MB by ~8,000 steps and then stays there (heapUsed after
  // a forced GC stays at ~8 MB and linear memory at 4 MB over 40,000 steps: nothing accumulates).
  warmup: Math.ceil((quick ? 200 : 10000) / stepsPerCall),
  toleranceMB: 20,
  step(i) {
    const r = fit(model, { x, y }, { loss, optimizer, epochs: 1, batchSize, seed: i, ...(optimizerState ? { optimizerState } : {}) });
    optimizerState = r.optimizerState;
  },
});
