import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../dist/index.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'gradlab-cli-data-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function gradlab(...args: string[]): { stdout: string; stderr: string; status: number | null } {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

function csv(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

interface DescribeJson {
  n: number;
  d: number;
  features: { name: string; kind: string; min: number; max: number }[];
  target: { name: string };
  classes?: { name: string; count: number; fraction: number }[];
  columns?: { name: string; type: string; role: string; categories?: string[] }[];
}

describe('gradlab data (built binary)', () => {
  it('describe iris: shape, column statistics, class balance', () => {
    const r = gradlab('data', 'describe', 'iris');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('iris: 150 samples × 4 features (x [150, 4], t [150])');
    expect(r.stdout).toMatch(/^sepal length \(cm\)\s+real\s+4\.3\s+7\.9\s+5\.843\s+0\.8253$/m);
    expect(r.stdout).toMatch(/^species \(target\)\s+3 classes/m);
    expect(r.stdout).toMatch(/^ {2}setosa\s+50\s+33\.3%$/m);
  });

  it('describe of a regression data set says so', () => {
    const r = gradlab('data', 'describe', 'sinusoid');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('sinusoid: 10 samples × 1 features');
    expect(r.stdout).toContain('target t: real-valued (regression)');
  });

  it('describe of a CSV file: column types, roles, categories, class balance (JSON)', () => {
    const path = csv('cars.csv', 'model,cylinders,origin,label\na,4,usa,good\nb,6,japan,good\nc,4,europe,bad\nd,8,usa,good\n');
    const r = gradlab('data', 'describe', path, '--columns', 'cylinders,origin', '--json');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout) as DescribeJson;
    expect([j.n, j.d]).toEqual([4, 4]);
    expect(j.features.map((f) => f.name)).toEqual(['cylinders', 'origin=europe', 'origin=japan', 'origin=usa']);
    expect(j.features[1]?.kind).toBe('binary');
    expect(j.classes?.map((c) => [c.name, c.count])).toEqual([['bad', 1], ['good', 3]]);
    expect(j.columns?.map((c) => `${c.name}:${c.type}:${c.role}`)).toEqual(['model:categorical:ignored', 'cylinders:numeric:feature', 'origin:categorical:feature', 'label:categorical:target']);
  });

  it('describe of a CSV file in text: the columns of the file are listed', () => {
    const path = csv('plain.csv', 'x;t\n0;0\n1;1\n2;2\n3;2\n');
    const r = gradlab('data', 'describe', path, '--delimiter', ';');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^ {2}x\s+numeric\s+feature$/m);
    expect(r.stdout).toMatch(/^ {2}t\s+numeric\s+target$/m);
    expect(r.stdout).toMatch(/class balance of t:\n {2}0\s+1\s+25\.0%\n {2}1\s+1\s+25\.0%\n {2}2\s+2\s+50\.0%/);
  });

  it('a malformed CSV row, a missing value and a non-numeric cell are reported with row and column', () => {
    const ragged = gradlab('data', 'describe', csv('ragged.csv', 'a,b,t\n1,2,3\n4,5\n'));
    expect(ragged.status).toBe(1);
    expect(ragged.stderr).toMatch(/^gradlab data describe: \[gradlab\/data\] readCsv: malformed row at row 3 .*expected 3 fields/m);
    const missing = gradlab('data', 'describe', csv('missing.csv', 'a,b,t\n1,2,3\n4,,6\n'));
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain("missing value at row 3, column 'b'");
    const text = gradlab('data', 'describe', csv('text.csv', 'a,t\n1,2\nseven,3\n'));
    expect(text.status).toBe(1);
    expect(text.stderr).toContain("non-numeric cell at row 3, column 'a'");
  });

  it('an unknown source or column is refused', () => {
    const r = gradlab('data', 'describe', 'nope');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("'nope' is neither a built-in data set (iris, digits, breast-cancer");
    const col = gradlab('data', 'describe', csv('cols.csv', 'a,t\n1,2\n'), '--target', 'price');
    expect(col.status).toBe(1);
    expect(col.stderr).toContain('unknown column');
  });

  it('list names the built-in data sets', () => {
    const r = gradlab('data', 'list');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^digits\s+1797 × 64\s+10 classes$/m);
    expect(r.stdout).toMatch(/^sinusoid\s+10 × 1\s+regression$/m);
  });

  it("tour --section validation works the notes' example and K-fold", () => {
    const r = gradlab('tour', '--section', 'validation');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('== Validation and K-fold cross-validation (3. Supervised learning) ==');
    expect(r.stdout).toContain('train on samples [2, 3], validate on [0, 1]');
    expect(r.stdout).toContain('θ = (2, 0)');
    expect(r.stdout).toContain('quadratic loss over all of D: 1.2500 (= 5/4)');
    expect(r.stdout).toMatch(/validation loss picks M = 3\./);
    expect(r.stdout).toContain('train 90 (30/30/30), validation 30 (10/10/10), test 30 (10/10/10)');
    expect(gradlab('tour', '--list').stdout).toMatch(/^validation\s+3\. Supervised learning\s+Validation and K-fold cross-validation$/m);
  });
});
