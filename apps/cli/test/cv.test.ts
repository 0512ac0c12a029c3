import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../dist/index.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'gradlab-cli-cv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function gradlab(...args: string[]): { stdout: string; stderr: string; status: number | null } {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

describe('gradlab cv (built binary)', () => {
  it('runs K-fold cross-validation and averages the K validation losses', () => {
    const r = gradlab('cv', 'poly', '--data', 'sinusoid', '--degree', '3', '--k', '5', '--json');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout) as { validationLosses: number[]; meanValidationLoss: number };
    expect(j.validationLosses).toHaveLength(5);
    expect(j.meanValidationLoss).toBeCloseTo(j.validationLosses.reduce((a, b) => a + b, 0) / 5, 12);
    const text = gradlab('cv', 'poly', '--data', 'sinusoid', '--degree', '3');
    expect(text.stdout).toMatch(/^ {2}fold 5: training/m);
    expect(text.stdout).toContain('mean validation loss');
  });

  it('draws a validation curve over M: training loss falls, validation picks a middle order', () => {
    const svg = join(dir, 'curve.svg');
    const r = gradlab('cv', 'poly', '--data', 'iris', '--curve', 'degree', '--values', '0,1,2', '--json');
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout) as { best: number; points: { value: number; trainMean: number; validationMean: number }[] };
    expect(j.points.map((p) => p.value)).toEqual([0, 1, 2]);
    expect(j.points[1]?.trainMean).toBeLessThan(j.points[0]?.trainMean as number);
    expect(j.points[1]?.validationMean).toBeLessThan(j.points[0]?.validationMean as number);
    const t = gradlab('cv', 'poly', '--data', 'sinusoid', '--curve', 'degree', '--values', '0,1,3,7', '--plot', svg);
    expect(t.status).toBe(0);
    expect(t.stdout).toMatch(/best M = \d/);
    expect(readFileSync(svg, 'utf8').match(/class="series-line"/g)).toHaveLength(2);
  });

  it('sweeps λ for ridge and cross-validates classifiers with the 0-1 loss', () => {
    const r = gradlab('cv', 'ridge', '--data', 'sinusoid', '--degree', '9', '--curve', 'lambda', '--values', '0.0001,0.01,1', '--k', '5', '--json');
    expect(r.status).toBe(0);
    expect((JSON.parse(r.stdout) as { points: unknown[] }).points).toHaveLength(3);
    const c = gradlab('cv', 'logistic', '--data', 'iris', '--lambda', '1', '--json');
    expect(c.status).toBe(0);
    const j = JSON.parse(c.stdout) as { loss: string; meanValidationLoss: number };
    expect(j.loss).toBe('zeroOne');
    expect(j.meanValidationLoss).toBeLessThan(0.1);
  });

  it('draws a learning curve: the validation loss falls as N grows', () => {
    const r = gradlab('cv', 'ridge', '--data', 'iris', '--lambda', '0.1', '--curve', 'size', '--values', '8,30,100', '--json');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout) as { points: { value: number; trainMean: number; validationMean: number }[] };
    expect(j.points.map((p) => p.value)).toEqual([8, 30, 100]);
    expect(j.points[2]?.validationMean).toBeLessThan(j.points[0]?.validationMean as number);
    expect(gradlab('cv', 'ridge', '--data', 'iris', '--curve', 'size', '--values', '8,30,100').stdout).toContain('learning curve of ridge over N');
  });

  it('refuses a bad curve parameter or loss', () => {
    expect(gradlab('cv', 'poly', '--data', 'sinusoid', '--curve', 'width').stderr).toContain('--curve must be degree, lambda or size');
    const bad = gradlab('cv', 'poly', '--data', 'sinusoid', '--loss', 'nope');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("unknown --loss 'nope'");
  });
});
