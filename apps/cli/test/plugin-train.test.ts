import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
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
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: scratch, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

describe("a user's plugin outside the workspace, through the CLI (built binary)", () => {
  it('passes gradlab plugins check', () => {
    const r = gradlab('plugins', 'check', plugin, '--json');
    expect(r.status).toBe(0);
    const rows = (JSON.parse(r.stdout) as { rows: { id: string; passed: boolean }[] }).rows;
    expect(rows.map((x) => [x.id, x.passed])).toEqual(expect.arrayContaining([['lion', true], ['focal', true]]));
  });

  it('trains with its optimizer through gradlab train mlp and gradlab fit', () => {
    const t = gradlab('train', 'mlp', '--data', 'moons', '--hidden', '8', '--plugin', plugin, '--optimizer', 'lion', '--lr', '1e-3', '--epochs', '3', '--json');
    expect(t.stderr).toBe('');
    expect(t.status).toBe(0);
    const history = (JSON.parse(t.stdout) as { history: { loss: number }[] }).history;
    expect(history).toHaveLength(3);
    expect(history[2]?.loss).toBeLessThan(history[0]?.loss ?? 0);
    const f = gradlab('fit', 'logistic', '--data', 'moons', '--solver', 'gradient', '--plugin', plugin, '--optimizer', 'lion', '--lr', '0.01', '--epochs', '20', '--json');
    expect(f.status).toBe(0);
    expect((JSON.parse(f.stdout) as { fits: unknown[] }).fits).toHaveLength(1);
    const missing = gradlab('train', 'mlp', '--data', 'moons', '--optimizer', 'lion');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/--optimizer must be one of .*got 'lion'.*--plugin/);
  });
});
