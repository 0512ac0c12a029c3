import { describeType, requireOptions } from '@gradlab/core-tensor';
import Papa from 'papaparse';
import { CsvError } from './csv-error.ts';
import { MISSING, parseNumber } from './csv-options.ts';
import type { CsvOptions } from './csv-options.ts';
import { CsvTableBuilder } from './csv-table-builder.ts';
import type { CsvResult } from './csv-table-builder.ts';

/** The column names: the header row, or `col0, col1, ...`. */
export function columnNames(first: readonly string[], header: boolean): string[] {
  return header ? first.map((s) => s.trim()) : first.map((_, j) => `col${j}`);
}

/** Throws the first structural error the parser reported (unclosed quote, ...), with its row. */
export function throwParseError(errors: readonly Papa.ParseError[], op: string): void {
  // A file of one column has no delimiter to detect; that is not an error.
  const e = errors.find((err) => err.code !== 'UndetectableDelimiter');
  if (e === undefined) return;
  throw new CsvError(`malformed CSV (${e.message})`, { row: (e.row ?? 0) + 1, op, received: e.code, hint: 'check quotes and delimiters around this row' });
}

/**
 * Parses CSV text into a data set with papaparse: header handling, column selection, numeric
 * conversion, categorical columns to indices or one-hot. Any malformed row, missing value or
 * non-numeric cell is a {@link CsvError} that names the row and the column.
 * @param text the CSV text
 * @param options `header`, `delimiter`, `target`, `columns`, `categorical`, `encoding`
 * @returns `{ dataset, columns }`
 * @throws CsvError for malformed rows, missing values, non-numeric cells, or no data rows
 * @throws ValueError for an unknown column in the options
 * @example
 * const { dataset } = parseCsv('x,t\n0,0\n1,1\n2,2\n3,2\n');
 * dataset.t; // [0, 1, 2, 2]
 */
export function parseCsv(text: string, options: CsvOptions = {}): CsvResult {
  const op = 'parseCsv';
  if (typeof text !== 'string') throw new CsvError('the CSV text must be a string', { row: 0, op, expected: 'a string', received: describeType(text) });
  options = requireOptions(options, { pkg: 'data', op }, ['header', 'delimiter', 'target', 'columns', 'categorical', 'encoding']);
  if (options.delimiter !== undefined && (typeof options.delimiter !== 'string' || options.delimiter.length !== 1 || '"\r\n'.includes(options.delimiter))) {
    throw new CsvError('the delimiter must be one character (not a quote or a newline)', { row: 0, op, expected: "one character such as ',' or ';'", received: describeType(options.delimiter) });
  }
  const parsed = Papa.parse<string[]>(text, { header: false, skipEmptyLines: true, ...(options.delimiter !== undefined ? { delimiter: options.delimiter } : {}) });
  throwParseError(parsed.errors, op);
  const rows = parsed.data;
  if (rows.length === 0) {
    throw new CsvError('no data rows', { row: 1, op, expected: 'a header and at least one data row', received: 'an empty file' });
  }
  const header = options.header !== false;
  const names = columnNames(rows[0] ?? [], header);
  const start = header ? 1 : 0;
  // `auto`: a column is categorical when any of its cells is present and not a number.
  const categorical = new Set<number>();
  if (options.categorical === undefined || options.categorical === 'auto') {
    for (let i = start; i < rows.length; i++) {
      const r = rows[i] as string[];
      for (let j = 0; j < Math.min(r.length, names.length); j++) {
        const cell = (r[j] as string).trim();
        if (!MISSING.has(cell) && parseNumber(cell) === undefined) categorical.add(j);
      }
    }
  }
  const builder = new CsvTableBuilder(names, options, op, categorical);
  for (let i = start; i < rows.length; i++) builder.addRow(rows[i] as string[], i + 1);
  return builder.finish();
}
