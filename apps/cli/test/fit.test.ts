import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../dist/index.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'gradlab-cli-fit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function gradlab(...args: string[]): { stdout: string; stderr: string; status: number | null } {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

interface FitJson {
  n: number;
  train: number;
  validation: number;
  fits: { degree: number; theta: number[]; trainLoss: number; validationLoss?: number; populationLoss?: number; trainError?: number }[];
}

describe('gradlab fit (built binary)', () => {
  it('draws the notes\' figure: M = 1 under-fits, M = 3 fits, M = 9 over-fits', () => {
    const svg = join(dir, 'fit.svg');
    const r = gradlab('fit', 'poly', '--data', 'sinusoid', '--degree', '1,3,9', '--validation', '0', '--plot', svg);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('poly on sinusoid: 10 training samples, 0 validation samples, 1 inputs');
    expect(r.stdout).toMatch(/^M = 9$/m);
    const j = JSON.parse(gradlab('fit', 'poly', '--data', 'sinusoid', '--degree', '1,3,9', '--validation', '0', '--json').stdout) as FitJson;
    const [m1, m3, m9] = j.fits as [FitJson['fits'][0], FitJson['fits'][0], FitJson['fits'][0]];
    expect(m9.theta).toHaveLength(10);
    expect(m1.trainLoss).toBeGreaterThan(m3.trainLoss);
    expect(m9.trainLoss).toBeLessThan(1e-10);
    expect(m3.populationLoss as number).toBeLessThan(m1.populationLoss as number);
    expect(m9.populationLoss as number).toBeGreaterThan(10 * (m3.populationLoss as number));
    const text = readFileSync(svg, 'utf8');
    expect(text.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(text.match(/class="series-line"/g)).toHaveLength(4); // sin(2πx) and three fits
    expect(text.match(/class="series-point"/g)).toHaveLength(10);
    expect(text).toContain('M = 3');
  });

  it('holds out a validation set and reports both losses', () => {
    const r = gradlab('fit', 'ridge', '--data', 'iris', '--lambda', '1', '--json');
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout) as FitJson;
    expect(j.train + j.validation).toBe(150);
    expect(j.validation).toBe(45);
    expect(j.fits[0]?.theta).toHaveLength(5);
    expect(j.fits[0]?.validationLoss).toBeGreaterThan(0);
  });

  it('fits logistic regression and writes its decision regions', () => {
    const svg = join(dir, 'boundary.svg');
    const r = gradlab('fit', 'logistic', '--data', 'blobs', '--lambda', '0.1', '--plot', svg);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/training log-loss:\s+0\.\d+/);
    expect(r.stdout).toMatch(/validation log-loss:\s+0\.\d+/);
    expect(r.stdout).toMatch(/error rate: training 0\.\d+, validation 0\.\d+/);
    const text = readFileSync(svg, 'utf8');
    // One PNG image for the regions (not thousands of rectangles), a legend entry per class, under 100 KB.
    expect(text.match(/<image class="regions"[^>]*href="data:image\/png;base64,/g)).toHaveLength(1);
    expect(text).not.toContain('<rect class="region"');
    expect(text).toMatch(/class="legend"[^>]*>[^<]*region</);
    expect(Buffer.byteLength(text)).toBeLessThan(100_000);
    expect(text.match(/class="legend"[^>]*>[^<]* region</g)).toHaveLength(2); // both classes have a region
  });

  it('trains logistic regression with an optim optimizer, and the perceptron', () => {
    const a = gradlab('fit', 'logistic', '--data', 'blobs', '--solver', 'gradient', '--optimizer', 'adam', '--lr', '0.05', '--epochs', '100', '--json');
    expect(a.status).toBe(0);
    expect((JSON.parse(a.stdout) as FitJson).fits[0]?.trainError).toBeLessThan(0.2);
    const p = gradlab('fit', 'perceptron', '--data', 'linear-separable', '--plot', join(dir, 'perceptron.svg'));
    expect(p.status).toBe(0);
    expect(p.stdout).toMatch(/training detection-error \(0-1\) loss:\s+0\.0/);
  });

  it('reads a CSV file', () => {
    const path = join(dir, 'line.csv');
    writeFileSync(path, 'x,y\n0,1\n1,3\n2,5\n3,7\n4,9\n');
    const r = gradlab('fit', 'linear', '--data', path, '--validation', '0', '--json');
    expect(r.status).toBe(0);
    const theta = (JSON.parse(r.stdout) as FitJson).fits[0]?.theta as number[];
    expect(theta[0]).toBeCloseTo(1, 10);
    expect(theta[1]).toBeCloseTo(2, 10);
    const labels = join(dir, 'labels.csv');
    writeFileSync(labels, 'x,t\n-2,0\n-1,0\n-0.5,1\n0.2,0\n1,1\n2,1\n3,1\n');
    const svg = join(dir, 'sigmoid.svg');
    const c = gradlab('fit', 'logistic', '--data', labels, '--validation', '0', '--plot', svg);
    expect(c.status).toBe(0);
    expect(readFileSync(svg, 'utf8')).toContain('soft prediction');
  });

  it('refuses bad input with a clear message', () => {
    const unknown = gradlab('fit', 'svm', '--data', 'iris');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain("unknown model 'svm'");
    const labels = gradlab('fit', 'logistic', '--data', 'sinusoid');
    expect(labels.status).toBe(1);
    expect(labels.stderr).toContain('class labels must be class indices');
    const nan = join(dir, 'nan.csv');
    writeFileSync(nan, 'x,y\n0,1\nnan,3\n2,5\n');
    const bad = gradlab('fit', 'linear', '--data', nan, '--validation', '0');
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toMatch(/gradlab fit: .*(NaN|number|finite)/i);
    const many = gradlab('fit', 'ridge', '--data', 'iris', '--plot', join(dir, 'x.svg'));
    expect(many.status).toBe(2);
    expect(many.stderr).toContain('has 4 inputs');
  });

  it('tour --section supervised-learning prints the notes\' numbers from the model classes', () => {
    const r = gradlab('tour', '--section', 'supervised-learning');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('θ = (2, 0)');
    expect(r.stdout).toMatch(/D = \{\(0,0\), \(1,1\), \(2,2\), \(3,2\)\} is 1\.25/);
    expect(r.stdout).toContain('perceptron():          θ = -0.79, then -0.64');
    expect(r.stdout).toContain('logisticRegression():  θ = -0.81291, then -0.697118');
    expect(r.stdout).toMatch(/^ +9 +\S+ +\S+ +over-fits/m);
    expect(r.stdout).toContain('← F = N: the interpolation threshold');
  });
});
