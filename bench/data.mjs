// The benchmark inputs: generated once per run from a fixed seed, written as little-endian float32
// files, and read by every library's process (Node and Python), so all of them work on the same data.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Sizes of every suite; `quick` trims the largest ones. */
export function plan(quick) {
  return {
    matmulSizes: quick ? [64, 128, 256, 512] : [64, 128, 256, 512, 1024],
    // dW = xᵀ·dy and dx = dy·Wᵀ of a dense layer's backward pass, at n = 512.
    transposedSize: 512,
    reluRows: 1000,
    reluCols: 1000,
    chainSizes: quick ? [64, 256, 512] : [64, 128, 256, 512, 1024],
    mlp: { batch: 128, inputs: 784, hidden: 256, classes: 10, lr: 0.1 },
    // One epoch of each library's own training loop on the digits (1,797 8×8 images, scaled to [0, 1]).
    fit: { samples: 1797, inputs: 64, hidden: 64, classes: 10, batch: 32, lr: 1e-3 },
  };
}

/** mulberry32: a small, fast, seeded 32-bit generator; uniform in [0, 1). */
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `size` normal(0, std) float32 samples (Box–Muller) from `seed`. */
function normals(size, seed, std = 1) {
  const u = mulberry32(seed);
  const out = new Float32Array(size);
  for (let i = 0; i < size; i += 2) {
    const r = Math.sqrt(-2 * Math.log(1 - u())) * std;
    const t = 2 * Math.PI * u();
    out[i] = r * Math.cos(t);
    if (i + 1 < size) out[i + 1] = r * Math.sin(t);
  }
  return out;
}

/** `size` uniform samples on ±bound from `seed` (PyTorch's default Linear initialisation). */
function uniforms(size, seed, bound) {
  const u = mulberry32(seed);
  return Float32Array.from({ length: size }, () => (2 * u() - 1) * bound);
}

/** Writes every input of `plan(quick)` into `dir` (name.f32 files) and returns their shapes. */
export async function writeData(dir, quick) {
  const p = plan(quick);
  mkdirSync(dir, { recursive: true });
  const shapes = {};
  const put = (name, shape, values) => {
    writeFileSync(join(dir, `${name}.f32`), Buffer.from(values.buffer, values.byteOffset, values.byteLength));
    shapes[name] = shape;
  };
  const sizes = new Set([...p.matmulSizes, p.transposedSize]);
  for (const n of sizes) {
    put(`mm_a_${n}`, [n, n], normals(n * n, 1000 + n));
    put(`mm_b_${n}`, [n, n], normals(n * n, 2000 + n));
  }
  put('relu_x', [p.reluRows, p.reluCols], normals(p.reluRows * p.reluCols, 3));
  put('relu_w', [p.reluCols], normals(p.reluCols, 4));
  put('relu_b', [p.reluCols], normals(p.reluCols, 5));
  for (const n of p.chainSizes) put(`chain_${n}`, [n, n], normals(n * n, 6000 + n));
  const { batch, inputs, hidden, classes } = p.mlp;
  put('mlp_x', [batch, inputs], normals(batch * inputs, 7));
  const labels = new Float32Array(batch * classes);
  const u = mulberry32(8);
  for (let i = 0; i < batch; i++) labels[i * classes + Math.floor(u() * classes)] = 1;
  put('mlp_y', [batch, classes], labels);
  // He initialisation for the ReLU layer, Glorot-like for the output layer; zero biases.
  put('mlp_w1', [inputs, hidden], normals(inputs * hidden, 9, Math.sqrt(2 / inputs)));
  put('mlp_b1', [hidden], new Float32Array(hidden));
  put('mlp_w2', [hidden, classes], normals(hidden * classes, 10, Math.sqrt(1 / hidden)));
  put('mlp_b2', [classes], new Float32Array(classes));
  // The fit suite: @gradlab/data's digits (built, imported only here, after run.mjs rebuilt it),
  // pixels / 16, labels as float32 class indices; weights in PyTorch's [out, in] layout (tfjs's
  // adapter transposes its kernels), drawn as nn.Linear draws them: uniform on ±1/√in.
  const { loadDigits } = await import('@gradlab/data');
  const digits = loadDigits();
  const f = p.fit;
  put('fit_x', [f.samples, f.inputs], Float32Array.from(digits.x.data, (v) => v / 16));
  put('fit_y', [f.samples], Float32Array.from(digits.t));
  put('fit_w1', [f.hidden, f.inputs], uniforms(f.hidden * f.inputs, 11, 1 / Math.sqrt(f.inputs)));
  put('fit_b1', [f.hidden], uniforms(f.hidden, 12, 1 / Math.sqrt(f.inputs)));
  put('fit_w2', [f.classes, f.hidden], uniforms(f.classes * f.hidden, 13, 1 / Math.sqrt(f.hidden)));
  put('fit_b2', [f.classes], uniforms(f.classes, 14, 1 / Math.sqrt(f.hidden)));
  writeFileSync(join(dir, 'shapes.json'), JSON.stringify({ quick, plan: p, shapes }));
  return shapes;
}

/** Reads the inputs written by {@link writeData}: `{ plan, get(name) → { data, shape } }`. */
export function readData(dir) {
  const meta = JSON.parse(readFileSync(join(dir, 'shapes.json'), 'utf8'));
  return {
    plan: meta.plan,
    get(name) {
      const buf = readFileSync(join(dir, `${name}.f32`));
      const data = new Float32Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength));
      return { data, shape: meta.shapes[name] };
    },
  };
}
