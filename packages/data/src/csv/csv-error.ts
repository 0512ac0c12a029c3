import { ValueError } from '@gradlab/core-tensor';

/**
 * A CSV input that cannot be read: a malformed row, a missing value, a non-numeric cell. Besides
 * the usual fields it says where: `row` counts records from 1 (the header, if any, is row 1) and
 * `column` names the column.
 * @example
 * try {
 *   parseCsv('a,t\n1,2\n,3\n');
 * } catch (e) {
 *   if (e instanceof CsvError) console.log(e.row, e.column); // 3 'a'
 * }
 */
export class CsvError extends ValueError {
  /** The record number, from 1 (the header row counts). */
  readonly row: number;
  /** The column name, or undefined when the whole row is at fault. */
  readonly column: string | undefined;

  constructor(summary: string, where: { row: number; column?: string; op: string; expected?: unknown; received?: unknown; hint?: string }) {
    super(`${summary} at row ${where.row}${where.column !== undefined ? `, column '${where.column}'` : ''}`, {
      pkg: 'data',
      op: where.op,
      arg: where.column !== undefined ? `row ${where.row}, column '${where.column}'` : `row ${where.row}`,
      ...(where.expected !== undefined ? { expected: where.expected } : {}),
      ...(where.received !== undefined ? { received: where.received } : {}),
      ...(where.hint !== undefined ? { hint: where.hint } : {}),
    });
    this.row = where.row;
    this.column = where.column;
  }
}
