import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../dist/index.js', import.meta.url));
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

function gradlab(...args: string[]): { stdout: string; stderr: string; status: number | null } {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

describe('gradlab (built binary)', () => {
  it('--version prints the package version', () => {
    expect(execFileSync(process.execPath, [bin, '--version'], { encoding: 'utf8' }).trim()).toBe(pkg.version);
  });

  it('--help lists the commands', () => {
    const r = gradlab('--help');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Usage: gradlab');
    expect(r.stdout).toContain('tour');
  });

  it('tour --list names every section', () => {
    const r = gradlab('tour', '--list');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^welcome\s+Overview/m);
  });

  it('tour prints the chapters', () => {
    const r = gradlab('tour');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('== Welcome to gradlab (Overview) ==');
    expect(r.stdout).toContain('7. Transformer');
  });

  it('an unknown section is a usage error: exit code 2', () => {
    const r = gradlab('tour', '--section', 'nope');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("Allowed choices are welcome");
  });

  it('an unknown command is an error', () => {
    const r = gradlab('frobnicate');
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain("unknown command 'frobnicate'");
  });
});
