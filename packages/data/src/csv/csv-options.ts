/** A column named by its header (or by `col<j>` without a header) or by its 0-based position. */
export type ColumnRef = string | number;

/** Options of `parseCsv` and `readCsv`. */
export interface CsvOptions {
  /** The first row names the columns (default `true`); otherwise they are named `col0, col1, ...`. */
  header?: boolean;
  /** Field delimiter (default: detected by the parser among `,`, `;`, tab, `|`). */
  delimiter?: string;
  /** The target column t (default: the last column); `null` for no target (t is all zeros). */
  target?: ColumnRef | null;
  /** The input columns, in order (default: every column but the target). */
  columns?: readonly ColumnRef[];
  /**
   * Which columns hold categories rather than numbers. `auto` (default): a column is categorical
   * when it has a non-numeric cell (`parseCsv` looks at every row; the streaming `readCsv` at the
   * first data row). Categorical inputs become numbers by `encoding`; a categorical target becomes
   * class indices with `classNames`.
   */
  categorical?: 'auto' | readonly ColumnRef[];
  /** `onehot` (default): one 0/1 column per category (`name=value`); `index`: one column of indices. */
  encoding?: 'onehot' | 'index';
}

/** What a column became. */
export interface CsvColumn {
  /** The header name (or `col<j>`). */
  readonly name: string;
  /** `numeric`: numbers as written; `categorical`: categories, sorted, mapped to 0..C-1. */
  readonly type: 'numeric' | 'categorical';
  /** `target`, `feature`, or `ignored` (not selected). */
  readonly role: 'target' | 'feature' | 'ignored';
  /** The categories of a categorical column, in index order. */
  readonly categories?: readonly string[];
}

/** Cells read as missing values (an error: gradlab does not impute silently). */
export const MISSING = new Set(['', 'NA', 'N/A', 'NaN', 'nan', 'null', 'NULL', '?']);

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** The number a cell holds, or undefined when it is not a plain decimal number. */
export function parseNumber(cell: string): number | undefined {
  const s = cell.trim();
  return NUMBER.test(s) ? Number(s) : undefined;
}
