import { mkdtempSync, rmSync, writeFileSync, createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CsvError } from '../csv/csv-error.ts';
import { parseCsv } from '../csv/parse-csv.ts';
import { readCsv } from './read-csv.ts';

const dir = mkdtempSync(join(tmpdir(), 'gradlab-data-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('readCsv (streaming)', () => {
  it('gives what parseCsv gives on the same text', async () => {
    const text = 'model,cylinders,origin,mpg\na,4,usa,30.5\nb,6,japan,22\nc,4,europe,27.25\n';
    const path = file('cars.csv', text);
    expect(await readCsv(path, { columns: ['cylinders', 'origin'] })).toEqual(parseCsv(text, { columns: ['cylinders', 'origin'] }));
  });

  it('streams a large file row by row', async () => {
    const path = join(dir, 'large.csv');
    const out = createWriteStream(path);
    out.write('i,square,label\n');
    const n = 100_000;
    for (let i = 0; i < n; i++) out.write(`${i},${i * i},${i % 3 === 0 ? 'fizz' : 'plain'}\n`);
    await new Promise<void>((resolve) => out.end(resolve));
    const { dataset } = await readCsv(path, { target: 'label' });
    expect(dataset.x.shape).toEqual([n, 2]);
    expect(dataset.classNames).toEqual(['fizz', 'plain']);
    expect(dataset.x.data[2 * (n - 1) + 1]).toBe((n - 1) ** 2);
    expect(dataset.t.reduce((a, v) => a + (v === 0 ? 1 : 0), 0)).toBe(Math.ceil(n / 3));
  });

  it('rejects with a CsvError naming the row and column', async () => {
    await expect(readCsv(file('missing.csv', 'a,t\n1,2\n,3\n'))).rejects.toThrow(/missing value at row 3, column 'a'/);
    await expect(readCsv(file('ragged.csv', 'a,t\n1,2\n3\n'))).rejects.toThrow(/malformed row at row 3/);
    await expect(readCsv(file('text.csv', 'a,t\n1,2\nx,3\n'))).rejects.toThrow(/non-numeric cell at row 3, column 'a'/);
    await expect(readCsv(file('empty.csv', ''))).rejects.toThrow(CsvError);
    await expect(readCsv(join(dir, 'does-not-exist.csv'))).rejects.toThrow(/cannot read the file/);
  });
});
