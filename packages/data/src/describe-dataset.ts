import { checkDataset } from './check-input.ts';
import type { Dataset } from './dataset.ts';

/** Summary statistics of one column. */
export interface ColumnSummary {
  /** The column name. */
  readonly name: string;
  /** `binary` (only 0 and 1), `integer` (whole numbers), or `real`. */
  readonly kind: 'binary' | 'integer' | 'real';
  readonly min: number;
  readonly max: number;
  readonly mean: number;
  /** Population standard deviation. */
  readonly std: number;
  /** Number of distinct values. */
  readonly distinct: number;
}

/** How many samples each class has. */
export interface ClassCount {
  /** The class index (or value). */
  readonly label: number;
  /** The class name (`classNames[label]`, or the value as text). */
  readonly name: string;
  readonly count: number;
  /** count / N. */
  readonly fraction: number;
}

/** What {@link describeDataset} reports. */
export interface DatasetDescription {
  readonly name: string | undefined;
  /** Number of samples N. */
  readonly n: number;
  /** Number of input columns D. */
  readonly d: number;
  readonly features: ColumnSummary[];
  readonly target: ColumnSummary;
  /** Class balance, when the target holds classes (class names given, or at most 20 integer values). */
  readonly classes: ClassCount[] | undefined;
}

function summarize(name: string, values: ArrayLike<number>): ColumnSummary {
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  let integer = true;
  let binary = true;
  const distinct = new Set<number>();
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    min = Math.min(min, v);
    max = Math.max(max, v);
    sum += v;
    if (!Number.isInteger(v)) integer = false;
    if (v !== 0 && v !== 1) binary = false;
    distinct.add(v);
  }
  const mean = sum / values.length;
  let ss = 0;
  for (let i = 0; i < values.length; i++) ss += ((values[i] as number) - mean) ** 2;
  return { name, kind: binary ? 'binary' : integer ? 'integer' : 'real', min, max, mean, std: Math.sqrt(ss / values.length), distinct: distinct.size };
}

/**
 * Describes a data set: its shape, a summary of each column, and the class balance.
 * @param data the data set `[N, D]`
 * @returns shape, per-column kind and statistics, class counts
 * @example
 * describeDataset(loadIris()).classes?.map((c) => c.count); // [50, 50, 50]
 */
export function describeDataset(data: Dataset): DatasetDescription {
  checkDataset(data, 'describeDataset');
  const [n, d] = data.x.shape;
  const features = data.featureNames.map((name, j) => {
    const col = new Float64Array(n);
    for (let i = 0; i < n; i++) col[i] = data.x.data[i * d + j] as number;
    return summarize(name, col);
  });
  const target = summarize(data.targetName, data.t);
  let classes: ClassCount[] | undefined;
  if (data.classNames !== undefined || (target.kind !== 'real' && target.distinct <= 20)) {
    const counts = new Map<number, number>();
    data.classNames?.forEach((_, k) => counts.set(k, 0));
    for (const v of data.t) counts.set(v, (counts.get(v) ?? 0) + 1);
    classes = [...counts.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([label, count]) => ({ label, name: data.classNames?.[label] ?? String(label), count, fraction: count / n }));
  }
  return { name: data.name, n, d, features, target, classes };
}
