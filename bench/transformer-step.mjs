// The tiny transformer training step (bench/ PEERS-PERF row 3) on gradlab (js, wasm) and tfjs (wasm, cpu).
//
//   node bench/transformer-step.mjs                      every implementation, each in its own process,
//                                                        interleaved rounds, medians and ratios
//   node bench/transformer-step.mjs gradlab-wasm         one implementation in this process (JSON out)
//   options: --rounds 3 --steps 5 --impls gradlab-wasm,tfjs-wasm --breakdown (per-kernel times, gradlab)
//
// The step: V = 65 characters, d = 64, 4 heads of 16, T = 64, batch 16 (1024 tokens); token embedding
// + learned positions; one pre-LN block (x + attn(ln1(x)), then h + fc2(relu(fc1(ln2(h)))), ff 256);
// final LayerNorm; a linear head to V logits; mean cross-entropy on next-token targets; Adam.
// Both libraries start from the same float32 weights and tokens (seeded here), so their first
// losses must agree. Needs the built packages: pnpm --filter @gradlab/core-tensor --filter @gradlab/backend-wasm build
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const V = 65;
const D = 64;
const H = 4;
const DH = D / H;
const T = 64;
const B = 16;
const F = 256;
const N = B * T;
const EPS = 1e-5;
const ADAM = { lr: 1e-3, beta1: 0.9, beta2: 0.999, eps: 1e-8 };

// ---------- shared, seeded data ----------
function lcg(seed) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return (s + 0.5) / 4294967296;
  };
}
function normals(r, n, std) {
  const a = new Float32Array(n);
  for (let i = 0; i < n; i++) a[i] = std * Math.sqrt(-2 * Math.log(r())) * Math.cos(2 * Math.PI * r());
  return a;
}
const PARAM_SHAPES = [
  ['tokEmb', [V, D]], ['posEmb', [T, D]],
  ['ln1g', [D]], ['ln1b', [D]], ['wqkv', [D, 3 * D]], ['bqkv', [3 * D]], ['wo', [D, D]], ['bo', [D]],
  ['ln2g', [D]], ['ln2b', [D]], ['w1', [D, F]], ['b1', [F]], ['w2', [F, D]], ['b2', [D]],
  ['lnfg', [D]], ['lnfb', [D]], ['wh', [D, V]], ['bh', [V]],
];
function makeData(seed = 1) {
  const r = lcg(seed);
  const params = PARAM_SHAPES.map(([name, shape]) => {
    const n = shape.reduce((a, b) => a * b, 1);
    let data;
    if (name.endsWith('g')) data = new Float32Array(n).fill(1);
    else if (shape.length === 1) data = new Float32Array(n);
    else if (name.endsWith('Emb')) data = normals(r, n, 0.1);
    else data = normals(r, n, 1 / Math.sqrt(shape[0]));
    return { name, shape, data };
  });
  // B sequences of T + 1 characters; inputs are [:T], targets [1:].
  const tokens = new Int32Array(N);
  const targets = new Int32Array(N);
  for (let b = 0; b < B; b++) {
    let prev = Math.floor(r() * V);
    for (let t = 0; t < T; t++) {
      const next = (prev * 7 + Math.floor(r() * 5)) % V;
      tokens[b * T + t] = prev;
      targets[b * T + t] = next;
      prev = next;
    }
  }
  return { params, tokens, targets };
}
function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

// ---------- gradlab ----------
async function gradlabImpl(backendName, breakdown) {
  const gl = await import('@gradlab/core-tensor');
  const { createWasmBackend } = await import('@gradlab/backend-wasm');
  const backend = backendName === 'js' ? gl.createJsBackend() : createWasmBackend();
  const times = new Map();
  gl.setBackend(breakdown ? timed(backend, times) : backend);
  const d = makeData();
  const keepT = (data, shape, dtype) => gl.tidy(() => gl.keep(gl.tensor(data, { shape, dtype })));
  let params = d.params.map((p) => keepT(p.data, p.shape, 'float32'));
  let m = d.params.map((p) => keepT(new Float32Array(p.data.length), p.shape, 'float32'));
  let v = d.params.map((p) => keepT(new Float32Array(p.data.length), p.shape, 'float32'));
  const tokens = gl.tensor(d.tokens, { shape: [N], dtype: 'int32' });
  const targets = gl.keep(gl.tidy(() => gl.keep(gl.cast(gl.oneHot(gl.tensor(d.targets, { shape: [N], dtype: 'int32' }), V), 'float32'))));
  const causal = gl.tidy(() => {
    const i = gl.arange(0, T, 1, { dtype: 'int32' });
    return gl.keep(gl.lessEqual(gl.reshape(i, [1, T]), gl.reshape(i, [T, 1]))); // key j ≤ query i
  });
  const layerNorm = (x, g, b) => {
    const mu = gl.mean(x, -1, { keepDims: true });
    const va = gl.variance(x, -1, { keepDims: true });
    return gl.add(gl.mul(gl.div(gl.sub(x, mu), gl.sqrt(gl.add(va, EPS))), g), b);
  };
  const heads = (qkv, which) => gl.reshape(gl.slice(qkv, [which, 0, 0, 0, 0], [1, B, H, T, DH]), [B, H, T, DH]);
  const forward = (tokEmb, posEmb, ln1g, ln1b, wqkv, bqkv, wo, bo, ln2g, ln2b, w1, b1, w2, b2, lnfg, lnfb, wh, bh) => {
    const x0 = gl.reshape(gl.add(gl.reshape(gl.gather(tokEmb, tokens), [B, T, D]), posEmb), [N, D]);
    const qkv = gl.permute(gl.reshape(gl.add(gl.matmul(layerNorm(x0, ln1g, ln1b), wqkv), bqkv), [B, T, 3, H, DH]), [2, 0, 3, 1, 4]);
    const [q, k, vv] = [0, 1, 2].map((i) => heads(qkv, i));
    const scores = gl.mul(gl.matmul(q, gl.transpose(k, [0, 1, 3, 2])), 1 / Math.sqrt(DH));
    const att = gl.softmax(gl.where(causal, scores, -1e9), -1);
    const o = gl.reshape(gl.permute(gl.matmul(att, vv), [0, 2, 1, 3]), [N, D]);
    const x1 = gl.add(x0, gl.add(gl.matmul(o, wo), bo));
    const ff = gl.relu(gl.add(gl.matmul(layerNorm(x1, ln2g, ln2b), w1), b1));
    const x2 = gl.add(x1, gl.add(gl.matmul(ff, w2), b2));
    const logits = gl.add(gl.matmul(layerNorm(x2, lnfg, lnfb), wh), bh);
    return gl.neg(gl.div(gl.sum(gl.mul(gl.logSoftmax(logits, -1), targets)), N));
  };
  const vg = gl.valueAndGrad(forward);
  let t = 0;
  return {
    forward: () => gl.tidy(() => forward(...params).item()),
    step() {
      t++;
      const c1 = 1 / (1 - ADAM.beta1 ** t);
      const c2 = 1 / (1 - ADAM.beta2 ** t);
      const [loss, np, nm, nv] = gl.tidy(() => {
        const [value, grads] = vg(...params);
        const nm = [];
        const nv = [];
        const np = params.map((p, i) => {
          const g = grads[i];
          const mi = gl.add(gl.mul(m[i], ADAM.beta1), gl.mul(g, 1 - ADAM.beta1));
          const vi = gl.add(gl.mul(v[i], ADAM.beta2), gl.mul(gl.square(g), 1 - ADAM.beta2));
          nm.push(mi);
          nv.push(vi);
          return gl.sub(p, gl.div(gl.mul(mi, ADAM.lr * c1), gl.add(gl.sqrt(gl.mul(vi, c2)), ADAM.eps)));
        });
        return [gl.keep(gl.tensor(value.item())), np, nm, nv];
      });
      gl.dispose([params, m, v]);
      [params, m, v] = [np, nm, nv];
      const l = loss.item();
      loss.dispose();
      return l;
    },
    times,
  };
}

/** Wraps every kernel of a backend with a timer (the per-kernel breakdown). */
function timed(backend, times) {
  const out = {};
  for (const [k, f] of Object.entries(backend)) {
    if (typeof f !== 'function' || ['beginScope', 'endScope', 'alloc', 'release'].includes(k)) {
      out[k] = f;
      continue;
    }
    out[k] = (...args) => {
      const key = typeof args[0] === 'string' ? `${k}:${args[0]}` : k === 'fused' ? `fused:${args[0].length}` : k;
      // CPU time, not wall time: on a loaded machine wall time mostly measures preemption.
      const c0 = process.cpuUsage();
      const r = f(...args);
      const c = process.cpuUsage(c0);
      const e = times.get(key) ?? { ms: 0, calls: 0 };
      e.ms += (c.user + c.system) / 1000;
      e.calls++;
      times.set(key, e);
      return r;
    };
  }
  return Object.defineProperty(out, 'name', { value: backend.name });
}

// ---------- tfjs ----------
async function tfjsImpl(backendName) {
  const require = createRequire(import.meta.url);
  const tf = require('@tensorflow/tfjs');
  if (backendName === 'wasm') require('@tensorflow/tfjs-backend-wasm');
  await tf.setBackend(backendName);
  await tf.ready();
  const d = makeData();
  const vars = d.params.map((p) => tf.variable(tf.tensor(p.data, p.shape, 'float32'), true, p.name));
  const ms = d.params.map((p) => tf.variable(tf.zeros(p.shape), false));
  const vs = d.params.map((p) => tf.variable(tf.zeros(p.shape), false));
  // tfjs-wasm has no UnsortedSegmentSum (gather's gradient): the embedding is oneHot·matMul.
  const tokOneHot = tf.oneHot(tf.tensor1d(d.tokens, 'int32'), V).toFloat();
  const targets = tf.oneHot(tf.tensor1d(d.targets, 'int32'), V).toFloat();
  const causal = tf.tidy(() => {
    const i = tf.range(0, T, 1, 'int32');
    return tf.broadcastTo(tf.lessEqual(i.reshape([1, T]), i.reshape([T, 1])), [B, H, T, T]);
  });
  const negBig = tf.fill([B, H, T, T], -1e9);
  const layerNorm = (x, g, b) => {
    const { mean, variance } = tf.moments(x, -1, true);
    return tf.add(tf.mul(tf.div(tf.sub(x, mean), tf.sqrt(tf.add(variance, EPS))), g), b);
  };
  const [tokEmb, posEmb, ln1g, ln1b, wqkv, bqkv, wo, bo, ln2g, ln2b, w1, b1, w2, b2, lnfg, lnfb, wh, bh] = vars;
  const lossFn = () => {
    const x0 = tf.reshape(tf.add(tf.reshape(tf.matMul(tokOneHot, tokEmb), [B, T, D]), posEmb), [N, D]);
    const qkv = tf.transpose(tf.reshape(tf.add(tf.matMul(layerNorm(x0, ln1g, ln1b), wqkv), bqkv), [B, T, 3, H, DH]), [2, 0, 3, 1, 4]);
    const [q, k, v] = tf.split(qkv, 3, 0).map((s) => tf.reshape(s, [B, H, T, DH]));
    const scores = tf.mul(tf.matMul(q, k, false, true), 1 / Math.sqrt(DH));
    const att = tf.softmax(tf.where(causal, scores, negBig), -1);
    const o = tf.reshape(tf.transpose(tf.matMul(att, v), [0, 2, 1, 3]), [N, D]);
    const x1 = tf.add(x0, tf.add(tf.matMul(o, wo), bo));
    const ff = tf.relu(tf.add(tf.matMul(layerNorm(x1, ln2g, ln2b), w1), b1));
    const x2 = tf.add(x1, tf.add(tf.matMul(ff, w2), b2));
    const logits = tf.add(tf.matMul(layerNorm(x2, lnfg, lnfb), wh), bh);
    return tf.neg(tf.div(tf.sum(tf.mul(tf.logSoftmax(logits, -1), targets)), N));
  };
  let t = 0;
  return {
    forward: () => tf.tidy(() => lossFn().dataSync()[0]),
    step() {
      t++;
      const c1 = 1 / (1 - ADAM.beta1 ** t);
      const c2 = 1 / (1 - ADAM.beta2 ** t);
      const loss = tf.tidy(() => {
        const { value, grads } = tf.variableGrads(lossFn, vars);
        vars.forEach((p, i) => {
          const g = grads[p.name];
          const mi = tf.add(tf.mul(ms[i], ADAM.beta1), tf.mul(g, 1 - ADAM.beta1));
          const vi = tf.add(tf.mul(vs[i], ADAM.beta2), tf.mul(tf.square(g), 1 - ADAM.beta2));
          ms[i].assign(mi);
          vs[i].assign(vi);
          p.assign(tf.sub(p, tf.div(tf.mul(mi, ADAM.lr * c1), tf.add(tf.sqrt(tf.mul(vi, c2)), ADAM.eps))));
        });
        return tf.keep(value);
      });
      const l = loss.dataSync()[0];
      loss.dispose();
      return l;
    },
    times: new Map(),
  };
}

// ---------- one implementation in this process ----------
/** Writes the shared weights and tokens for the PyTorch version (libs/torch_transformer_step.py). */
function dump(dir) {
  mkdirSync(dir, { recursive: true });
  const d = makeData();
  for (const p of d.params) writeFileSync(join(dir, `${p.name}.f32`), Buffer.from(p.data.buffer));
  writeFileSync(join(dir, 'tokens.i32'), Buffer.from(d.tokens.buffer));
  writeFileSync(join(dir, 'targets.i32'), Buffer.from(d.targets.buffer));
  writeFileSync(join(dir, 'meta.json'), JSON.stringify({ V, D, H, T, B, F, EPS, ADAM, params: d.params.map((p) => ({ name: p.name, shape: p.shape })) }));
}

/** PyTorch on the same data, one thread, when /usr/bin/python3 imports torch. */
function torchImpl(steps) {
  const dir = mkdtempSync(join(tmpdir(), 'gradlab-tstep-'));
  try {
    dump(dir);
    const script = fileURLToPath(new URL('./libs/torch_transformer_step.py', import.meta.url));
    const p = spawnSync('/usr/bin/python3', [script, dir, String(steps)], { encoding: 'utf8', env: { ...process.env, OMP_NUM_THREADS: '1', OPENBLAS_NUM_THREADS: '1' } });
    if (p.status !== 0) throw new Error(`torch failed:\n${p.stderr}`);
    return JSON.parse(p.stdout.trim().split('\n').at(-1));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function runOne(impl, steps, breakdown) {
  if (impl === 'torch') return torchImpl(steps);
  const [lib, backend] = impl.split('-');
  const run = lib === 'gradlab' ? await gradlabImpl(backend, breakdown) : await tfjsImpl(backend);
  const forward0 = run.forward();
  const warm = backend === 'js' || backend === 'cpu' ? 1 : 2;
  for (let i = 0; i < warm; i++) run.forward();
  const fwd = [];
  for (let i = 0; i < steps; i++) {
    const t0 = performance.now();
    run.forward();
    fwd.push(performance.now() - t0);
  }
  const losses = [];
  for (let i = 0; i < warm; i++) losses.push(run.step());
  run.times.clear();
  const stepMs = [];
  const cpuMs = [];
  for (let i = 0; i < steps; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    losses.push(run.step());
    stepMs.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpuMs.push((c.user + c.system) / 1000);
  }
  const breakdownRows = [...run.times.entries()].map(([k, e]) => ({ kernel: k, msPerStep: e.ms / steps, callsPerStep: e.calls / steps })).sort((a, b) => b.msPerStep - a.msPerStep);
  return { impl, firstLoss: forward0, lossAfter: losses.at(-1), stepMs: median(stepMs), stepCpuMs: median(cpuMs), stepCpuMinMs: Math.min(...cpuMs), stepMinMs: Math.min(...stepMs), forwardMs: median(fwd), breakdown: breakdownRows };
}

// ---------- driver ----------
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const breakdown = args.includes('--breakdown');
const positional = args.filter((a, i) => !a.startsWith('--') && !(i > 0 && args[i - 1].startsWith('--') && args[i - 1] !== '--breakdown'));
if (positional.length === 1) {
  const steps = Number(opt('steps', positional[0].endsWith('js') || positional[0].endsWith('cpu') ? 3 : 7));
  const r = await runOne(positional[0], steps, breakdown);
  process.stdout.write(`${JSON.stringify(r)}\n`);
} else {
  const impls = opt('impls', 'gradlab-wasm,tfjs-wasm,gradlab-js').split(',');
  const rounds = Number(opt('rounds', 3));
  const self = fileURLToPath(import.meta.url);
  const results = new Map(impls.map((i) => [i, []]));
  for (let round = 0; round < rounds; round++) {
    for (const impl of impls) {
      const extra = opt('steps') ? ['--steps', opt('steps')] : [];
      const p = spawnSync(process.execPath, [self, impl, ...extra, ...(breakdown ? ['--breakdown'] : [])], { encoding: 'utf8', maxBuffer: 1 << 26 });
      if (p.status !== 0) throw new Error(`${impl} failed:\n${p.stderr}`);
      const r = JSON.parse(p.stdout.trim().split('\n').at(-1));
      results.get(impl).push(r);
      console.error(`round ${round + 1} ${impl}: step ${r.stepMs.toFixed(1)} ms (cpu ${r.stepCpuMs.toFixed(1)}), forward ${r.forwardMs.toFixed(1)} ms, first loss ${r.firstLoss.toFixed(6)}`);
    }
  }
  const ref = impls.includes('tfjs-wasm') ? median(results.get('tfjs-wasm').map((r) => r.stepMs)) : undefined;
  console.log(`tiny transformer step, ${N} tokens, ${rounds} rounds (median of per-process medians)`);
  const refCpu = impls.includes('tfjs-wasm') ? median(results.get('tfjs-wasm').map((r) => r.stepCpuMs)) : undefined;
  const refMin = impls.includes('tfjs-wasm') ? Math.min(...results.get('tfjs-wasm').map((r) => r.stepCpuMinMs)) : undefined;
  console.log('wall ms/step and CPU ms/step (median; min over every step of every round): on a shared machine CPU time is the steadier measure');
  console.log('impl            ms/step  cpu ms  cpu min  fwd ms   first loss   loss after   tfjs-wasm/this (wall, cpu, cpu min)');
  for (const impl of impls) {
    const rs = results.get(impl);
    const s = median(rs.map((r) => r.stepMs));
    const c = median(rs.map((r) => r.stepCpuMs));
    const f = median(rs.map((r) => r.forwardMs));
    const cm = Math.min(...rs.map((r) => r.stepCpuMinMs));
    const ratio = ref ? `${(ref / s).toFixed(2)}, ${(refCpu / c).toFixed(2)}, ${(refMin / cm).toFixed(2)}` : '-';
    console.log(`${impl.padEnd(15)} ${s.toFixed(1).padStart(7)}  ${c.toFixed(1).padStart(6)}  ${cm.toFixed(1).padStart(7)}  ${f.toFixed(1).padStart(6)}   ${rs[0].firstLoss.toFixed(6)}   ${rs[0].lossAfter.toFixed(6)}   ${ratio}`);
  }
  if (breakdown) {
    for (const impl of impls.filter((i) => i.startsWith('gradlab'))) {
      const last = results.get(impl).at(-1);
      const kernelMs = last.breakdown.reduce((a, r) => a + r.msPerStep, 0);
      console.log(`\n${impl}: kernels ${kernelMs.toFixed(1)} ms of ${last.stepCpuMs.toFixed(1)} ms CPU time per step (the rest is JS: tape, views, scopes, GC)`);
      for (const r of last.breakdown.slice(0, 20)) console.log(`  ${r.kernel.padEnd(22)} ${r.msPerStep.toFixed(2).padStart(8)} ms  ${String(r.callsPerStep).padStart(5)} calls`);
    }
  }
}
