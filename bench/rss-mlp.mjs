#!/usr/bin/env node
// RSS over 10,000 MLP training steps (784-256-10, batch 128, ReLU, softmax cross-entropy, SGD)
// on the wasm backend: exits 1 when RSS grows more than the tolerance after warm-up.
// `node rss-mlp.mjs [--backend=js|wasm] [--json] [--quick]`
import * as gl from '@gradlab/core-tensor';
import { createWasmBackend } from '@gradlab/backend-wasm';
import { ensureBuilt } from './ensure-built.mjs';
import { rssCheck } from './rss-check.mjs';

ensureBuilt();
const backend = process.argv.find((a) => a.startsWith('--backend='))?.slice(10) ?? 'wasm';
gl.setBackend(backend === 'wasm' ? createWasmBackend() : gl.createJsBackend());
const quick = process.argv.includes('--quick');

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
  what: `${total.toLocaleString('en-US')} MLP training steps (${backend} backend)`,
  total,
  warmup: quick ? 200 : 1000,
  toleranceMB: 20,
  step() {
    const [, grads] = vg(...params);
    params = params.map((p, i) => gl.sub(p, gl.mul(grads[i], 0.05)));
  },
});
