import { createReadStream } from 'node:fs';
import Papa from 'papaparse';
import { CsvError } from '../csv/csv-error.ts';
import type { CsvOptions } from '../csv/csv-options.ts';
import { CsvTableBuilder } from '../csv/csv-table-builder.ts';
import type { CsvResult } from '../csv/csv-table-builder.ts';
import { columnNames } from '../csv/parse-csv.ts';

/**
 * Reads a CSV file into a data set, streaming it: the file is parsed chunk by chunk and each row
 * is converted as it arrives, so memory holds the numbers, never the whole text. Columns are
 * typed as in `parseCsv`, except that `categorical: 'auto'` decides from the first data row
 * (list the categorical columns explicitly for files whose first row is not typical).
 * @param path the file path
 * @param options `header`, `delimiter`, `target`, `columns`, `categorical`, `encoding`
 * @returns a promise of `{ dataset, columns }`
 * @throws CsvError (rejects) for malformed rows, missing values, non-numeric cells, or no data rows
 * @throws ValueError (rejects) for an unknown column, or a file that cannot be read
 * @example
 * const { dataset, columns } = await readCsv('measurements.csv', { target: 'price' });
 */
export function readCsv(path: string, options: CsvOptions = {}): Promise<CsvResult> {
  const op = 'readCsv';
  const header = options.header !== false;
  return new Promise<CsvResult>((resolve, reject) => {
    let builder: CsvTableBuilder | undefined;
    let row = 0;
    let failed = false;
    const fail = (e: unknown, parser?: Papa.Parser): void => {
      if (failed) return;
      failed = true;
      parser?.abort();
      stream.destroy();
      reject(e instanceof Error ? e : new Error(String(e)));
    };
    const stream = createReadStream(path, { encoding: 'utf8' });
    stream.on('error', (e) => fail(new CsvError(`cannot read the file (${e.message})`, { row: 0, op, received: path })));
    Papa.parse<string[]>(stream as unknown as File, {
      header: false,
      skipEmptyLines: true,
      ...(options.delimiter !== undefined ? { delimiter: options.delimiter } : {}),
      step(results, parser) {
        if (failed) return;
        row++;
        try {
          const err = results.errors.find((e) => e.code !== 'UndetectableDelimiter');
          if (err !== undefined) {
            throw new CsvError(`malformed CSV (${err.message})`, { row, op, received: err.code, hint: 'check quotes and delimiters around this row' });
          }
          const fields = results.data;
          if (builder === undefined) {
            const categorical = options.categorical === undefined || options.categorical === 'auto' ? 'first-row' : new Set<number>();
            builder = new CsvTableBuilder(columnNames(fields, header), options, op, categorical);
            if (header) return;
          }
          builder.addRow(fields, row);
        } catch (e) {
          fail(e, parser);
        }
      },
      complete() {
        if (failed) return;
        try {
          if (builder === undefined) throw new CsvError('no data rows', { row: 1, op, expected: 'a header and at least one data row', received: 'an empty file' });
          resolve(builder.finish());
        } catch (e) {
          fail(e);
        }
      },
      error(e: Error) {
        fail(e);
      },
    });
  });
}
