import { ValueError } from '@gradlab/core-tensor';
import { dataset } from '../dataset.ts';
import type { Dataset } from '../dataset.ts';
import { CsvError } from './csv-error.ts';
import { MISSING, parseNumber } from './csv-options.ts';
import type { ColumnRef, CsvColumn, CsvOptions } from './csv-options.ts';

/** What reading a CSV file gives: the data set and what each column became. */
export interface CsvResult {
  /** Inputs from the feature columns (categorical ones encoded), targets from the target column. */
  readonly dataset: Dataset;
  /** Every column of the file, in file order. */
  readonly columns: CsvColumn[];
}

interface ColumnStore {
  categorical: boolean;
  values: number[];
  ids: Map<string, number>;
}

/**
 * Turns rows of string cells into a {@link CsvResult}, one row at a time, so that a file can be
 * streamed through it. `categorical` is either the set of categorical column positions, or
 * `first-row` to decide from the first data row.
 */
export class CsvTableBuilder {
  private readonly target: number | undefined;
  private readonly features: number[];
  private readonly usedColumns: number[];
  private readonly stores = new Map<number, ColumnStore>();
  private rows = 0;

  constructor(
    private readonly names: readonly string[],
    private readonly options: CsvOptions,
    private readonly op: string,
    private categorical: ReadonlySet<number> | 'first-row',
  ) {
    const resolve = (ref: ColumnRef, arg: string): number => {
      const j = typeof ref === 'number' ? ref : names.indexOf(ref);
      if (!Number.isInteger(j) || j < 0 || j >= names.length) {
        throw new ValueError('unknown column', { pkg: 'data', op, arg, expected: `one of ${names.map((n, i) => `${i}:${n}`).join(', ')}`, received: ref });
      }
      return j;
    };
    this.target = options.target === null ? undefined : resolve(options.target ?? names.length - 1, 'options.target');
    this.features = options.columns !== undefined ? options.columns.map((c, i) => resolve(c, `options.columns[${i}]`)) : names.map((_, j) => j).filter((j) => j !== this.target);
    this.usedColumns = this.target === undefined ? this.features : [...new Set([...this.features, this.target])];
    if (options.categorical !== undefined && options.categorical !== 'auto') {
      this.categorical = new Set(options.categorical.map((c, i) => resolve(c, `options.categorical[${i}]`)));
    }
  }

  /**
   * Adds one data row.
   * @param fields the cells of the row
   * @param row the record number from 1, the header counting, for error messages
   */
  addRow(fields: readonly string[], row: number): void {
    if (fields.length !== this.names.length) {
      throw new CsvError('malformed row', { row, op: this.op, expected: `${this.names.length} fields (as the header)`, received: `${fields.length} fields`, hint: 'check for a missing or extra delimiter, or an unclosed quote' });
    }
    if (this.categorical === 'first-row') {
      const cats = new Set<number>();
      for (let j = 0; j < fields.length; j++) {
        const cell = fields[j] as string;
        if (!MISSING.has(cell.trim()) && parseNumber(cell) === undefined) cats.add(j);
      }
      this.categorical = cats;
    }
    for (const j of this.usedColumns) {
      let store = this.stores.get(j);
      if (store === undefined) {
        store = { categorical: this.categorical.has(j), values: [], ids: new Map() };
        this.stores.set(j, store);
      }
      const cell = (fields[j] as string).trim();
      const name = this.names[j] as string;
      if (MISSING.has(cell)) {
        throw new CsvError('missing value', { row, column: name, op: this.op, expected: store.categorical ? 'a category' : 'a number', received: cell === '' ? 'an empty cell' : `'${cell}'`, hint: 'remove or fill the missing values first; gradlab does not impute' });
      }
      if (store.categorical) {
        let id = store.ids.get(cell);
        if (id === undefined) {
          id = store.ids.size;
          store.ids.set(cell, id);
        }
        store.values.push(id);
      } else {
        const v = parseNumber(cell);
        if (v === undefined) {
          throw new CsvError('non-numeric cell', { row, column: name, op: this.op, expected: 'a number', received: `'${cell}'`, hint: `list '${name}' in options.categorical if it holds categories` });
        }
        store.values.push(v);
      }
    }
    this.rows++;
  }

  /** The data set of all rows added; categories are sorted, then numbered from 0. */
  finish(): CsvResult {
    const n = this.rows;
    if (n === 0) {
      throw new CsvError('no data rows', { row: this.options.header === false ? 1 : 2, op: this.op, expected: 'at least one data row', received: 'none' });
    }
    const sortedCats = new Map<number, string[]>();
    const remapped = new Map<number, number[]>();
    for (const [j, store] of this.stores) {
      if (!store.categorical) continue;
      const cats = [...store.ids.keys()].sort();
      const rank = new Map(cats.map((c, k) => [c, k]));
      const byId = [...store.ids.entries()].sort((a, b) => a[1] - b[1]).map(([c]) => rank.get(c) as number);
      sortedCats.set(j, cats);
      remapped.set(j, store.values.map((id) => byId[id] as number));
    }
    const onehot = this.options.encoding !== 'index';
    const featureNames: string[] = [];
    const columnsOut: number[][] = [];
    for (const j of this.features) {
      const name = this.names[j] as string;
      const cats = sortedCats.get(j);
      if (cats === undefined) {
        featureNames.push(name);
        columnsOut.push((this.stores.get(j) as ColumnStore).values);
      } else if (onehot) {
        const idx = remapped.get(j) as number[];
        cats.forEach((c, k) => {
          featureNames.push(`${name}=${c}`);
          columnsOut.push(idx.map((v) => (v === k ? 1 : 0)));
        });
      } else {
        featureNames.push(name);
        columnsOut.push(remapped.get(j) as number[]);
      }
    }
    const d = columnsOut.length;
    const x = new Float64Array(n * d);
    columnsOut.forEach((col, c) => col.forEach((v, i) => (x[i * d + c] = v)));
    const targetCats = this.target === undefined ? undefined : sortedCats.get(this.target);
    const t = this.target === undefined ? new Float64Array(n) : Float64Array.from(targetCats !== undefined ? (remapped.get(this.target) as number[]) : (this.stores.get(this.target) as ColumnStore).values);
    const data = dataset({ data: x, shape: [n, d] }, t, {
      featureNames,
      targetName: this.target === undefined ? 't' : (this.names[this.target] as string),
      ...(targetCats !== undefined ? { classNames: targetCats } : {}),
    });
    const columns: CsvColumn[] = this.names.map((name, j) => {
      const cats = sortedCats.get(j);
      const role = j === this.target ? 'target' : this.features.includes(j) ? 'feature' : 'ignored';
      if (cats !== undefined) return { name, type: 'categorical', role, categories: cats };
      // An ignored column is not stored, so only its type is known.
      const isCategorical = this.categorical !== 'first-row' && this.categorical.has(j);
      return { name, type: isCategorical ? 'categorical' : 'numeric', role };
    });
    return { dataset: data, columns };
  }
}
