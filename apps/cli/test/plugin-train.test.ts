import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../dist/index.js', import.meta.url));
const repo = fileURLToPath(new URL('../../../', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'gradlab-plugin-train-'));
const plugin = join(scratch, 'my-plugin', 'index.js');
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

beforeAll(() => {
  // A user's plugin in a folder outside the workspace, with the @gradlab packages installed beside it.
  cpSync(join(repo, 'examples/plugin-focal-loss-lion/src'), join(scratch, 'my-plugin'), { recursive: true });
  mkdirSync(join(scratch, 'node_modules/@gradlab'), { recursive: true });
  for (const p of ['core-tensor', 'losses', 'optim', 'models-nn', 'plugin', 'data', 'prob']) symlinkSync(join(repo, 'packages', p), join(scratch, 'node_modules/@gradlab', p), 'dir');
});

function gradlab(...args: string[]): { stdout: string; stderr: string; status: number | null } {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: scratch, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', GRADLAB_TEST_MARK: join(scratch, 'matmuls.txt') } });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

describe("a user's plugin outside the workspace, through the CLI (built binary)", () => {
  it('passes gradlab plugins check', () => {
    const r = gradlab('plugins', 'check', plugin, '--json');
    expect(r.status).toBe(0);
    const rows = (JSON.parse(r.stdout) as { rows: { id: string; passed: boolean }[] }).rows;
    expect(rows.map((x) => [x.id, x.passed])).toEqual(expect.arrayContaining([['lion', true], ['focal', true]]));
  });

  it('trains with its optimizer (and its loss) through gradlab train mlp and gradlab fit', () => {
    const t = gradlab('train', 'mlp', '--data', 'moons', '--hidden', '8', '--plugin', plugin, '--optimizer', 'lion', '--lr', '1e-3', '--epochs', '3', '--json');
    expect(t.stderr).toBe('');
    expect(t.status).toBe(0);
    const history = (JSON.parse(t.stdout) as { history: { loss: number }[] }).history;
    expect(history).toHaveLength(3);
    expect(history[2]?.loss).toBeLessThan(history[0]?.loss ?? 0);
    const f = gradlab('fit', 'logistic', '--data', 'moons', '--solver', 'gradient', '--plugin', plugin, '--optimizer', 'lion', '--lr', '0.01', '--epochs', '20', '--json');
    expect(f.status).toBe(0);
    expect((JSON.parse(f.stdout) as { fits: unknown[] }).fits).toHaveLength(1);
    const focal = gradlab('train', 'mlp', '--data', 'moons', '--hidden', '8', '--plugin', plugin, '--task', 'regression', '--loss', 'focal', '--optimizer', 'lion', '--lr', '1e-2', '--epochs', '3', '--json');
    expect(focal.stderr).toBe('');
    expect(focal.status).toBe(0);
    const fh = (JSON.parse(focal.stdout) as { history: { loss: number }[] }).history;
    expect(fh[2]?.loss).toBeLessThan(fh[0]?.loss ?? 0);
    // One score per sample: the focal loss is a loss of scores against 0/1 targets, not of class probabilities.
    const classes = gradlab('train', 'mlp', '--data', 'moons', '--plugin', plugin, '--loss', 'focal', '--epochs', '1');
    expect(classes.status).toBe(2);
    expect(classes.stderr).toMatch(/--loss focal takes score predictions.*--task regression/);
    const noFocal = gradlab('train', 'mlp', '--data', 'moons', '--loss', 'focal');
    expect(noFocal.status).toBe(2);
    expect(noFocal.stderr).toMatch(/focal/);
    const missing = gradlab('train', 'mlp', '--data', 'moons', '--optimizer', 'lion');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/--optimizer must be one of .*got 'lion'.*--plugin/);
  });

  it("runs on a plugin's backend with --backend, and lists it when the name is wrong", () => {
    // A backend plugin: the js backend with a counter on matmul, written to a file when the process exits.
    const file = join(scratch, 'backend-plugin.mjs');
    writeFileSync(file, [
      "import { writeFileSync } from 'node:fs';",
      "import { createJsBackend } from '@gradlab/core-tensor';",
      "import { definePlugin } from '@gradlab/plugin';",
      'let calls = 0;',
      "process.on('exit', () => { if (calls > 0) writeFileSync(process.env.GRADLAB_TEST_MARK, String(calls)); });",
      'function counting() {',
      '  const js = createJsBackend();',
      "  return Object.assign(Object.create(js), { name: 'js-counting', matmul(...args) { calls++; return js.matmul(...args); } });",
      '}',
      "export default definePlugin({ name: 'counting-backend', version: '0.1.0', backends: { 'js-counting': counting } });",
    ].join('\n'));
    const mark = join(scratch, 'matmuls.txt');
    rmSync(mark, { force: true });
    const t = gradlab('train', 'mlp', '--data', 'xor', '--hidden', '4', '--plugin', file, '--backend', 'js-counting', '--epochs', '2', '--json');
    expect(t.stderr).toBe('');
    expect(t.status).toBe(0);
    expect(existsSync(mark)).toBe(true);
    expect(Number(readFileSync(mark, 'utf8'))).toBeGreaterThan(10);
    const wrong = gradlab('train', 'mlp', '--data', 'xor', '--plugin', file, '--backend', 'js-countin', '--epochs', '1');
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toMatch(/--backend must be one of wasm, js, js-counting, got 'js-countin'/);
  });

  it("trains on a plugin's data set (--data) with a plugin's schedule (--schedule), lists and checks both", () => {
    // A plugin with two pieces the built-ins lack: a data set of two Gaussian blobs and a halving schedule.
    const file = join(scratch, 'blobs-plugin.mjs');
    writeFileSync(file, [
      "import { rng, randNormal } from '@gradlab/core-tensor';",
      "import { dataset } from '@gradlab/data';",
      "import { definePlugin } from '@gradlab/plugin';",
      'function blobs() {',
      '  const z = randNormal(rng(7), [200, 2], { dtype: "float64" }).toArray();',
      '  const x = z.map((row, i) => row.map((v) => 0.5 * v + (i < 100 ? -1.5 : 1.5)));',
      '  const t = x.map((_, i) => (i < 100 ? 0 : 1));',
      "  return dataset(x, t, { name: 'two-blobs', classNames: ['left', 'right'] });",
      '}',
      'function halving(config) {',
      '  const lr = Number(config.lr ?? 0.1), every = Number(config.every ?? 10);',
      "  if (!(lr > 0) || !(every >= 1)) throw new RangeError('halving: lr > 0 and every >= 1');",
      "  return { id: 'halving', config: { lr, every }, at: (i) => lr * 0.5 ** Math.floor((i - 1) / every) };",
      '}',
      "export default definePlugin({ name: 'blobs', version: '0.1.0', datasets: { 'two-blobs': blobs }, schedules: { halving: { factory: halving, example: { lr: 0.1, every: 10 } } } });",
    ].join('\n'));
    const list = gradlab('plugins', 'list', '--plugin', file, '--json');
    expect(list.status).toBe(0);
    const pieces = JSON.stringify(JSON.parse(list.stdout));
    expect(pieces).toContain('two-blobs');
    expect(pieces).toContain('halving');
    const check = gradlab('plugins', 'check', file, '--json');
    expect(check.status).toBe(0);
    const rows = (JSON.parse(check.stdout) as { rows: { id: string; passed: boolean }[] }).rows;
    expect(rows.map((x) => [x.id, x.passed])).toEqual(expect.arrayContaining([['two-blobs', true], ['halving', true]]));
    const t = gradlab('train', 'mlp', '--data', 'two-blobs', '--plugin', file, '--hidden', '4', '--optimizer', 'sgd', '--schedule', 'halving:lr=0.5,every=5', '--epochs', '10', '--seed', '0', '--json');
    expect(t.stderr).toBe('');
    expect(t.status).toBe(0);
    const out = JSON.parse(t.stdout) as { history: { loss: number }[] };
    expect(out.history[9]?.loss).toBeLessThan(out.history[0]?.loss ?? 0);
    expect(JSON.stringify(out)).toMatch(/accuracy/);
    const f = gradlab('fit', 'logistic', '--data', 'two-blobs', '--plugin', file, '--json');
    expect(f.status).toBe(0);
    const bad = gradlab('train', 'mlp', '--data', 'two-blobs', '--plugin', file, '--schedule', 'halving:lr=-1', '--epochs', '1');
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toMatch(/halving/);
    const unknown = gradlab('train', 'mlp', '--data', 'two-blob', '--plugin', file, '--epochs', '1');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/two-blobs/);
  });

  it("builds a network with the plugin's layer (--arch), trains it on a schedule, saves it, and predict loads it with --plugin", () => {
    const model = join(scratch, 'scaled.safetensors');
    const arch = JSON.stringify([
      { kind: 'feature-scale', features: 2 },
      { kind: 'linear', inFeatures: 2, outFeatures: 8 },
      { kind: 'tanh' },
      { kind: 'linear', inFeatures: 8, outFeatures: 2 },
    ]);
    const t = gradlab('train', 'mlp', '--data', 'moons', '--plugin', plugin, '--arch', arch, '--schedule', 'robbins-monro:lr=0.5,beta=0.01,alpha=0.75', '--optimizer', 'sgd', '--epochs', '20', '--save', model, '--json');
    expect(t.stderr).toBe('');
    expect(t.status).toBe(0);
    const out = JSON.parse(t.stdout) as { architecture: { layers: { kind: string }[] }; history: { loss: number }[] };
    expect(out.architecture.layers.map((l) => l.kind)).toEqual(['feature-scale', 'linear', 'tanh', 'linear']);
    expect(out.history[19]?.loss).toBeLessThan(out.history[0]?.loss ?? 0);
    const without = gradlab('predict', '--model', model, '--data', 'moons');
    expect(without.status).not.toBe(0);
    expect(without.stderr).toMatch(/feature-scale/);
    const p = gradlab('predict', '--model', model, '--data', 'moons', '--plugin', plugin, '--json');
    expect(p.stderr).toBe('');
    expect(p.status).toBe(0);
    expect((JSON.parse(p.stdout) as { accuracy: number }).accuracy).toBeGreaterThan(0.8);
    const wrong = gradlab('train', 'mlp', '--data', 'moons', '--plugin', plugin, '--arch', JSON.stringify([{ kind: 'linear', inFeatures: 2, outFeatures: 3 }]));
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toMatch(/--arch: the network gives 3 outputs per sample; this task needs 2/);
    const unknown = gradlab('train', 'mlp', '--data', 'moons', '--arch', arch);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/--arch: .*unknown layer kind 'feature-scale'.*--plugin/);
  });
});
