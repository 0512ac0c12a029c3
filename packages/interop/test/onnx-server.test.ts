import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rng, tensor } from '@gradlab/core-tensor';
import { mlp } from '@gradlab/models-nn';
import { languageModel } from '@gradlab/transformer';
import { toOnnx } from '../src/index.ts';
import { maxAbsDiff } from './ort-helpers.ts';

const server = fileURLToPath(new URL('../examples/onnx-server.mjs', import.meta.url));
const model = mlp({ sizes: [4, 8, 3], activation: 'tanh', outputActivation: 'softmax', seed: 5 }).eval();
const dir = mkdtempSync(join(tmpdir(), 'gradlab-onnx-server-'));
let base = '';
let stopMain = () => {};

/** Starts the example server on a free loopback port (port 0); resolves once it prints its address. */
async function startServer(file: string): Promise<{ url: string; stop: () => void }> {
  const proc = spawn(process.execPath, [server, file], { env: { ...process.env, PORT: '0', HOST: '127.0.0.1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  const stop = () => {
    proc.kill('SIGTERM');
  };
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      stop();
      reject(new Error('the server did not start within 15 s'));
    }, 15_000);
    let out = '';
    proc.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1] as string);
      }
    });
    proc.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited with ${code}`));
    });
  });
  return { url, stop };
}

beforeAll(async () => {
  const file = join(dir, 'model.onnx');
  writeFileSync(file, toOnnx(model, { dynamicBatch: true }));
  ({ url: base, stop: stopMain } = await startServer(file));
}, 20_000);

afterAll(() => {
  stopMain();
  rmSync(dir, { recursive: true, force: true });
});

async function predict(rows: number[][]): Promise<{ status: number; body: { outputs?: number[][]; error?: string } }> {
  const res = await fetch(`${base}/predict`, { method: 'POST', body: JSON.stringify({ rows }), signal: AbortSignal.timeout(5_000) });
  return { status: res.status, body: (await res.json()) as { outputs?: number[][]; error?: string } };
}

describe('examples/onnx-server.mjs: an exported model answers HTTP predictions', () => {
  it('returns gradlab\'s outputs for two batch sizes (1e-5)', async () => {
    for (const n of [1, 5]) {
      const rows = Array.from({ length: n }, (_, i) => [i / 3, -i / 5, 0.5, i % 2]);
      const { status, body } = await predict(rows);
      expect(status).toBe(200);
      const want = model.forward(tensor(rows, { dtype: 'float32' }));
      expect(body.outputs?.length).toBe(n);
      expect(maxAbsDiff((body.outputs ?? []).flat(), want.data)).toBeLessThan(1e-5);
    }
  });

  it('serves a language model too: rows of token ids in, each row\'s logits out', async () => {
    const lm = languageModel({ vocabSize: 7, contextLength: 4, dModel: 8, heads: 2, layers: 1, rng: rng(1), dtype: 'float32' }).eval();
    const file = join(dir, 'lm.onnx');
    writeFileSync(file, toOnnx(lm, { inputShape: [1, 4], dynamicBatch: true }));
    const { url, stop } = await startServer(file);
    try {
      const rows = [[1, 2, 3, 4], [6, 5, 0, 1]];
      const res = await fetch(`${url}/predict`, { method: 'POST', body: JSON.stringify({ rows }), signal: AbortSignal.timeout(5_000) });
      const body = (await res.json()) as { outputs: number[][] };
      expect(body.outputs.map((r) => r.length)).toEqual([4 * 7, 4 * 7]);
      expect(maxAbsDiff(body.outputs.flat(), lm.forward(tensor(rows, { dtype: 'int32' })).data)).toBeLessThan(1e-5);
    } finally {
      stop();
    }
  });

  it('answers 400 for rows of the wrong width and 404 elsewhere', async () => {
    const bad = await predict([[1, 2]]);
    expect(bad.status).toBe(400);
    expect(bad.body.error).toBeTypeOf('string');
    const res = await fetch(`${base}/other`, { signal: AbortSignal.timeout(5_000) });
    expect(res.status).toBe(404);
  });
});
