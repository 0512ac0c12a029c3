import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../dist/index.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'gradlab-cli-train-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function gradlab(...args: string[]): { stdout: string; stderr: string; status: number | null } {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', GRADLAB_PROGRESS_DELAY_MS: '0' } });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

interface TrainJson {
  task: string;
  parameters: number;
  samples: { train: number; validation: number; test: number };
  history: { epoch: number; loss: number; valAccuracy?: number }[];
  test: { loss: number; accuracy?: number };
  stopped: string;
}

describe('gradlab train mlp / predict / nn (built binary)', () => {
  it('trains on iris with --standardize, saves, and predict reloads the model and its scaler', () => {
    const model = join(dir, 'iris.safetensors');
    const plot = join(dir, 'loss.svg');
    const r = gradlab('train', 'mlp', '--data', 'iris', '--hidden', '16', '--lr', '0.01', '--epochs', '40', '--standardize', '--save', model, '--plot', plot, '--json');
    expect(r.status).toBe(0);
    expect(r.stderr).toBe(''); // --json: no progress
    const j = JSON.parse(r.stdout) as TrainJson;
    expect(j.task).toBe('classification');
    expect(j.parameters).toBe(4 * 16 + 16 + 16 * 3 + 3);
    expect(j.history).toHaveLength(40);
    expect(j.test.accuracy).toBeGreaterThan(0.85);
    expect(readFileSync(plot, 'utf8')).toContain('validation loss');
    const p = gradlab('predict', '--model', model, '--data', 'iris', '--json');
    expect(p.status).toBe(0);
    const pj = JSON.parse(p.stdout) as { accuracy: number; predictions: { prediction: string }[] };
    expect(pj.accuracy).toBeGreaterThan(0.85);
    expect(pj.predictions[0]?.prediction).toBe('setosa');
  });

  it('shows progress on stderr as plain lines when stderr is not a terminal, then the test metrics', () => {
    const r = gradlab('train', 'mlp', '--data', 'moons', '--hidden', '8', '--epochs', '5', '--lr', '0.01');
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/^train mlp on moons: .*epoch \d+\/5, step \d+\/\d+, loss [\d.]+/m);
    expect(r.stdout).toMatch(/test: +loss [\d.]+, accuracy [\d.]+%/);
  });

  it('is reproducible with a seed and draws decision regions for two inputs', () => {
    const a = JSON.parse(gradlab('train', 'mlp', '--data', 'xor', '--hidden', '8', '--epochs', '3', '--seed', '4', '--json').stdout) as TrainJson;
    const b = JSON.parse(gradlab('train', 'mlp', '--data', 'xor', '--hidden', '8', '--epochs', '3', '--seed', '4', '--json').stdout) as TrainJson;
    expect(a.history.map((h) => h.loss)).toEqual(b.history.map((h) => h.loss));
    const svg = join(dir, 'regions.svg');
    expect(gradlab('train', 'mlp', '--data', 'moons', '--epochs', '2', '--regions', svg, '--quiet').status).toBe(0);
    expect(statSync(svg).size).toBeGreaterThan(1000);
  });

  it('answers bad input with one line and the right exit code', () => {
    const usage = gradlab('train', 'mlp', '--data', 'iris', '--activation', 'swish');
    expect(usage.status).toBe(2);
    expect(usage.stderr.trim().split('\n')).toHaveLength(1);
    expect(gradlab('train', 'mlp', '--data', 'iris', '--hidden', '0').status).toBe(2);
    expect(gradlab('train', 'mlp', '--data', 'iris', '--save', join(dir, 'missing', 'm.safetensors')).status).toBe(1);
    const missing = gradlab('predict', '--model', join(dir, 'nope.safetensors'), '--data', 'iris');
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/cannot read the model file/);
    const wrongData = join(dir, 'w.safetensors');
    gradlab('train', 'mlp', '--data', 'xor', '--epochs', '1', '--save', wrongData, '--quiet');
    const mismatch = gradlab('predict', '--model', wrongData, '--data', 'iris');
    expect(mismatch.status).toBe(2);
    expect(mismatch.stderr).toMatch(/takes 2 inputs but iris has 4/);
  });

  it('Ctrl-C stops after the current step and still saves the model', async () => {
    const model = join(dir, 'interrupted.safetensors');
    const child = spawn(process.execPath, [bin, 'train', 'mlp', '--data', 'digits', '--epochs', '100000', '--save', model], { env: { ...process.env, GRADLAB_PROGRESS_DELAY_MS: '0' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    await new Promise<void>((resolve) => {
      child.stderr.on('data', (d: Buffer) => {
        stderr += d.toString();
        // The first progress line means training is under way: interrupt it there.
        if (/train mlp on digits: .*epoch \d+\//.test(stderr) && child.signalCode === null && !child.killed) {
          child.kill('SIGINT');
          resolve();
        }
      });
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    expect(stderr).toMatch(/stopping after this step/);
    expect(stdout).toMatch(/stopped by Ctrl-C after \d+ epochs/);
    expect(statSync(model).size).toBeGreaterThan(10_000);
    expect(gradlab('predict', '--model', model, '--data', 'digits', '--limit', '0').status).toBe(0);
  }, 120_000);

  it("nn backprop prints the notes' example; nn gradients and nn depth write their figures", () => {
    const r = gradlab('nn', 'backprop');
    expect(r.stdout).toContain('p(t=1|x) = σ(a^L) = 0.119203, log-loss = log(1 + exp(−t± a^L)) = 0.126928');
    expect(r.stdout).toContain('layer 2: δ = [0.119203]');
    const g = join(dir, 'grads.svg');
    const gj = JSON.parse(gradlab('nn', 'gradients', '--plot', g, '--json').stdout) as { layers: { activation: string; norms: { norm: number }[] }[] };
    const sigmoid = gj.layers.find((l) => l.activation === 'sigmoid')?.norms ?? [];
    expect((sigmoid[0]?.norm ?? 1) / (sigmoid.at(-1)?.norm ?? 1)).toBeLessThan(0.01);
    expect(readFileSync(g, 'utf8')).toContain('relu');
    const d = join(dir, 'depth.svg');
    const dj = JSON.parse(gradlab('nn', 'depth', '--iterations', '40', '--plot', d, '--json').stdout) as { curves: { layers: number; losses: number[] }[] };
    expect(dj.curves.map((c) => c.layers)).toEqual([1, 2, 3, 4]);
    expect(dj.curves.every((c) => c.losses.length === 40)).toBe(true);
    expect(readFileSync(d, 'utf8')).toContain('4 layers');
  });
});
