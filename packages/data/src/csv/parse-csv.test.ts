import { ValueError } from '@gradlab/core-tensor';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvError } from './csv-error.ts';
import { parseCsv } from './parse-csv.ts';

const CARS = `model,cylinders,origin,mpg
a,4,usa,30.5
b,6,japan,22
c,4,europe,27.25
d,8,usa,15
`;

describe('parseCsv', () => {
  it('reads the header, takes the last column as target, converts numbers', () => {
    const { dataset, columns } = parseCsv('x,t\n0,0\n1,1\n2,2\n3,2\n');
    expect(dataset.x.shape).toEqual([4, 1]);
    expect(dataset.featureNames).toEqual(['x']);
    expect(dataset.targetName).toBe('t');
    expect(Array.from(dataset.t)).toEqual([0, 1, 2, 2]);
    expect(columns).toEqual([
      { name: 'x', type: 'numeric', role: 'feature' },
      { name: 't', type: 'numeric', role: 'target' },
    ]);
  });

  it('one-hot encodes categorical inputs with sorted categories', () => {
    const { dataset, columns } = parseCsv(CARS, { columns: ['cylinders', 'origin'] });
    expect(dataset.featureNames).toEqual(['cylinders', 'origin=europe', 'origin=japan', 'origin=usa']);
    expect(Array.from(dataset.x.data)).toEqual([4, 0, 0, 1, 6, 0, 1, 0, 4, 1, 0, 0, 8, 0, 0, 1]);
    expect(columns[0]).toEqual({ name: 'model', type: 'categorical', role: 'ignored' });
    expect(columns[2]).toEqual({ name: 'origin', type: 'categorical', role: 'feature', categories: ['europe', 'japan', 'usa'] });
  });

  it('encodes categories as indices on request, and a categorical target as classes', () => {
    const { dataset } = parseCsv(CARS, { columns: ['mpg', 'cylinders'], target: 'origin', encoding: 'index' });
    expect(dataset.classNames).toEqual(['europe', 'japan', 'usa']);
    expect(Array.from(dataset.t)).toEqual([2, 1, 0, 2]);
    const idx = parseCsv(CARS, { columns: [2], target: 3, encoding: 'index' }).dataset;
    expect(Array.from(idx.x.data)).toEqual([2, 1, 0, 2]);
  });

  it('treats a numeric column listed as categorical as categories', () => {
    const { dataset } = parseCsv(CARS, { columns: ['cylinders'], categorical: ['cylinders', 'origin', 'model'] });
    expect(dataset.featureNames).toEqual(['cylinders=4', 'cylinders=6', 'cylinders=8']);
  });

  it('reads files without a header, with another delimiter, and with quoted fields', () => {
    const { dataset } = parseCsv('1;2;0\n3;4;1\n', { header: false, delimiter: ';' });
    expect(dataset.featureNames).toEqual(['col0', 'col1']);
    expect(Array.from(dataset.x.data)).toEqual([1, 2, 3, 4]);
    const quoted = parseCsv('name,v\n"a, b",1\n"c ""d""",2\n', { target: 'v' });
    expect(quoted.columns[0]?.categories).toEqual(['"c ""d"""'.slice(1, -1).replace(/""/g, '"'), 'a, b'].sort());
    expect(parseCsv('t\n1\n2\n', { target: 't', columns: [] }).dataset.x.shape).toEqual([2, 0]);
  });

  it('reports a malformed row with its row number', () => {
    const bad = 'a,b,t\n1,2,3\n4,5\n6,7,8\n';
    expect(() => parseCsv(bad)).toThrow(CsvError);
    try {
      parseCsv(bad);
    } catch (e) {
      expect(e).toBeInstanceOf(ValueError);
      expect((e as CsvError).row).toBe(3);
      expect((e as CsvError).message).toMatch(/\[gradlab\/data\] parseCsv: malformed row at row 3 .*expected 3 fields \(as the header\); received 2 fields/);
    }
    expect(() => parseCsv('a,t\n"1,2\n3,4\n')).toThrow(/malformed CSV/);
  });

  it('reports a missing value with row and column', () => {
    try {
      parseCsv('a,b,t\n1,2,3\n4,,6\n');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(CsvError);
      expect((e as CsvError).row).toBe(3);
      expect((e as CsvError).column).toBe('b');
      expect((e as CsvError).message).toMatch(/missing value at row 3, column 'b'.*received an empty cell.*gradlab does not impute/);
    }
    expect(() => parseCsv('a,t\nNA,1\n')).toThrow(/missing value at row 2, column 'a'/);
  });

  it('reports a non-numeric cell in a numeric column with row and column', () => {
    expect(() => parseCsv('a,t\n1,2\nseven,3\n', { categorical: [] })).toThrow(/non-numeric cell at row 3, column 'a'.*received 'seven'.*list 'a' in options.categorical/);
  });

  it('rejects empty input and unknown columns', () => {
    expect(() => parseCsv('')).toThrow(/no data rows/);
    expect(() => parseCsv('a,t\n')).toThrow(CsvError);
    expect(() => parseCsv('a,t\n1,2\n', { target: 'price' })).toThrow(/unknown column.*received price/);
  });

  it('round-trips any numeric table', () => {
    const cell = fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }).chain((d) => fc.array(fc.array(cell, { minLength: d, maxLength: d }), { minLength: 1, maxLength: 30 })), (rows) => {
        const d = rows[0]?.length ?? 0;
        const header = Array.from({ length: d }, (_, j) => `c${j}`).join(',');
        const text = [header, ...rows.map((r) => r.map((v) => String(v)).join(','))].join('\n');
        const { dataset } = parseCsv(text, { target: null });
        expect(dataset.x.shape).toEqual([rows.length, d]);
        expect(Array.from(dataset.x.data)).toEqual(rows.flat().map((v) => (Object.is(v, -0) ? 0 : v)));
      }),
    );
  });
});
