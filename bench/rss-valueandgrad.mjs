#!/usr/bin/env node
// RSS over 10,000 valueAndGrad calls (issue #3): exits 1 when RSS grows more than the tolerance
// after warm-up. `node rss-valueandgrad.mjs [--backend=js|wasm] [--json] [--quick]`
import * as gl from '@gradlab/core-tensor';
import { createWasmBackend } from '@gradlab/backend-wasm';
import { ensureBuilt } from './ensure-built.mjs';
import { rssCheck } from './rss-check.mjs';

ensureBuilt();
const backend = process.argv.find((a) => a.startsWith('--backend='))?.slice(10) ?? 'js';
gl.setBackend(backend === 'wasm' ? createWasmBackend() : gl.createJsBackend());
const quick = process.argv.includes('--quick');

// A small regression loss: mean((tanh(x·w) − y)²) with x [64, 32], w [32, 1].
const r = gl.rng(1);
const x = gl.randNormal(r, [64, 32], { dtype: 'float32' });
const y = gl.randNormal(r, [64, 1], { dtype: 'float32' });
let w = gl.randNormal(r, [32, 1], { dtype: 'float32', std: 0.1 });
const vg = gl.valueAndGrad((wt) => gl.mean(gl.square(gl.sub(gl.tanh(gl.matmul(x, wt)), y))));

const total = quick ? 2000 : 10000;
await rssCheck({
  what: `${total.toLocaleString('en-US')} valueAndGrad calls (${backend} backend)`,
  total,
  warmup: quick ? 400 : 1000,
  toleranceMB: 10,
  step() {
    const [, g] = vg(w);
    w = gl.sub(w, gl.mul(g, 0.01));
  },
});
