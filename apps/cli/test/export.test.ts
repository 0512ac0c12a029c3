import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { rng } from '@gradlab/core-tensor';
import { toOnnx } from '@gradlab/interop';
import { mlp, saveModel } from '@gradlab/models-nn';
import { languageModel } from '@gradlab/transformer';
import { exportCommand } from '../src/commands/export.ts';

const dir = mkdtempSync(join(tmpdir(), 'gradlab-cli-export-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

/** Runs `gradlab export ...args` in process; returns what it printed and the exit code it set. */
async function run(...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  let stdout = '';
  let stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((stdout += String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((stderr += String(s)), true));
  await exportCommand().exitOverride().parseAsync(args, { from: 'user' });
  const code = Number(process.exitCode ?? 0);
  vi.restoreAllMocks();
  return { stdout, stderr, code };
}

describe('gradlab export', () => {
  it('writes the ONNX file that toOnnx makes from the saved model (MLP, dynamic batch, opset 13)', async () => {
    const model = mlp({ sizes: [4, 8, 3], seed: 1 });
    writeFileSync(join(dir, 'mlp.safetensors'), saveModel(model));
    const out = join(dir, 'mlp.onnx');
    const r = await run('--model', join(dir, 'mlp.safetensors'), '--onnx', out, '--opset', '13', '--dynamic-batch');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('opset 13, dynamic batch): sequential, input float32');
    expect(Buffer.compare(readFileSync(out), Buffer.from(toOnnx(model.eval(), { opset: 13, dynamicBatch: true })))).toBe(0);
  });

  it('exports a saved language model with --input-shape', async () => {
    const lm = languageModel({ vocabSize: 9, contextLength: 6, dModel: 8, heads: 2, layers: 1, rng: rng(2) });
    writeFileSync(join(dir, 'lm.safetensors'), saveModel(lm));
    const r = await run('--model', join(dir, 'lm.safetensors'), '--onnx', join(dir, 'lm.onnx'), '--input-shape', '1,6');
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('language-model, input int64 token ids');
    expect(readFileSync(join(dir, 'lm.onnx')).length).toBeGreaterThan(1000);
  });

  it('notes when the model file carries a scaler that the graph does not include', async () => {
    writeFileSync(join(dir, 'scaled.safetensors'), saveModel(mlp({ sizes: [2, 2], seed: 1 }), { 'gradlab.scaler': '{"mean":[0,0],"scale":[1,1]}' }));
    const r = await run('--model', join(dir, 'scaled.safetensors'), '--onnx', join(dir, 'scaled.onnx'));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('note: the model was trained on standardized inputs');
  });

  it('usage errors exit 2, run errors exit 1, each on one line', async () => {
    const bad = await run('--model', join(dir, 'mlp.safetensors'), '--onnx', join(dir, 'x.onnx'), '--opset', '9');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^gradlab export: --opset must be an integer from 13 to 21, got '9'\. Hint: .*\n$/);
    const noDir = await run('--model', join(dir, 'mlp.safetensors'), '--onnx', join(dir, 'missing', 'x.onnx'));
    expect(noDir.code).toBe(1);
    expect(noDir.stderr).toContain("--onnx: cannot write");
    const missing = await run('--model', join(dir, 'nope.safetensors'), '--onnx', join(dir, 'x.onnx'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^gradlab export: --model: cannot read '.*nope.safetensors' \(ENOENT\)/);
    const lmNoShape = await run('--model', join(dir, 'lm.safetensors'), '--onnx', join(dir, 'x.onnx'));
    expect(lmNoShape.code).toBe(1);
    expect(lmNoShape.stderr).toContain('inputShape');
  });
});
