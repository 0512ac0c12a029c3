#!/usr/bin/env node
// RSS over 10,000 MLP training steps (784-256-10, batch 128, ReLU, softmax cross-entropy, SGD)
// on the wasm backend: exits 1 when RSS grows more than the tolerance after warm-up.
// `node rss-mlp.mjs [--backend=js|wasm] [--tidy] [--json] [--quick]`; with --tidy every step runs
// inside tidy (the old parameters disposed), so on the wasm backend its tensors live in linear memory.
import * as gl from '@gradlab/core-tensor';
import { createWasmBackend } from '@gradlab/backend-wasm';
import { ensureBuilt } from './ensure-built.mjs';
import { rssCheck } from './rss-check.mjs';

ensureBuilt();
const backend = process.argv.find((a) => a.startsWith('--backend='))?.slice(10) ?? 'wasm';
gl.setBackend(backend === 'wasm' ? createWasmBackend() : gl.createJsBackend());
const quick = process.argv.includes('--quick');
const scoped = process.argv.includes('--tidy');

const r = gl.rng(2);
const X = gl.randNormal(r, [128, 784], { dtype: 'float32' });
const Y = gl.oneHot(Array.from({ length: 128 }, () => r.integer(10)), 10, { dtype: 'float32' });
let params = [
  gl.randNormal(r, [784, 256], { dtype: 'float32', std: Math.sqrt(2 / 784) }),
  gl.zeros([256], { dtype: 'float32' }),
  gl.randNormal(r, [256, 10], { dtype: 'float32', std: Math.sqrt(1 / 256) }),
  gl.zeros([10], { dtype: 'float32' }),
];
const vg = gl.valueAndGrad((w1, b1, w2, b2) => {
  const h = gl.relu(gl.add(gl.matmul(X, w1), b1));
  const logits = gl.add(gl.matmul(h, w2), b2);
  return gl.neg(gl.mean(gl.sum(gl.mul(gl.logSoftmax(logits, -1), Y), -1)));
});

const total = quick ? 1000 : 10000;
await rssCheck({
  what: `${total.toLocaleString('en-US')} MLP training steps (${backend} backend${scoped ? ', each step in tidy' : ''})`,
  total,
  // A step in tidy makes far less garbage (no JS arrays, storage reused), so V8 sizes its old
  // generation more slowly: it settles by ~4,000 steps instead of ~1,000 (after a forced GC the JS
  // heap stays at ~5 MB and linear memory at its first-step size throughout; see README).
  warmup: quick ? 200 : scoped ? 4000 : 1000,
  toleranceMB: 20,
  step() {
    if (!scoped) {
      const [, grads] = vg(...params);
      params = params.map((p, i) => gl.sub(p, gl.mul(grads[i], 0.05)));
      return;
    }
    const next = gl.tidy(() => {
      const [, grads] = vg(...params);
      return params.map((p, i) => gl.sub(p, gl.mul(grads[i], 0.05)));
    });
    gl.dispose(params);
    params = next;
  },
});
