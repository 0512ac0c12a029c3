import { requireInteger, requireOneOf, requireOptions } from '@gradlab/core-tensor';
import type { Value } from './distribution.ts';

/** Options of `JointTable.format`. */
export interface FormatOptions {
  /** Significant digits of the probabilities (default 6). */
  digits?: number;
  /**
   * `grid` puts the first variable down the rows and the second across the columns (two variables
   * only); `long` writes one row per assignment. Default: `grid` for one or two variables.
   */
  layout?: 'grid' | 'long';
}

/** A probability for display: `digits` significant digits, no trailing zeros. */
export function formatProbability(p: number, digits = 6): string {
  return String(Number(p.toPrecision(digits)));
}

/** Left-aligned columns separated by ` | `, with a rule under the header. */
export function alignColumns(rows: readonly (readonly string[])[]): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, j) => (widths[j] = Math.max(widths[j] ?? 0, cell.length)));
  const line = (row: readonly string[]): string =>
    row
      .map((cell, j) => (j === row.length - 1 ? cell : cell.padEnd(widths[j] ?? 0)))
      .join(' | ')
      .trimEnd();
  const [header, ...body] = rows;
  if (header === undefined) return '';
  const rule = widths.map((w) => '-'.repeat(w)).join('-|-');
  return [line(header), rule, ...body.map(line)].join('\n');
}

/** Writes a table of one or more variables; `probAt(digits)` gives the probability of an assignment. */
export function formatJoint(
  variables: readonly { name: string; values: readonly Value[] }[],
  entries: readonly { digits: readonly number[]; prob: number }[],
  options: FormatOptions = {},
): string {
  options = requireOptions(options, { pkg: 'prob', op: 'JointTable.format' }, ['digits', 'layout']);
  const digits = requireInteger(options.digits ?? 6, { pkg: 'prob', op: 'JointTable.format', arg: 'options.digits' }, { min: 1, max: 17 });
  if (options.layout !== undefined) requireOneOf(options.layout, { pkg: 'prob', op: 'JointTable.format', arg: 'options.layout' }, ['grid', 'long']);
  const layout = options.layout ?? (variables.length <= 2 ? 'grid' : 'long');
  const fmt = (p: number): string => formatProbability(p, digits);
  const [first, second] = variables;
  if (layout === 'grid' && first !== undefined && variables.length === 1) {
    return alignColumns([
      [first.name, ...first.values.map(String)],
      ['p', ...entries.map((e) => fmt(e.prob))],
    ]);
  }
  if (layout === 'grid' && first !== undefined && second !== undefined && variables.length === 2) {
    const cols = second.values.length;
    const rows: string[][] = [[`${first.name}\\${second.name}`, ...second.values.map(String)]];
    first.values.forEach((v, i) => {
      rows.push([String(v), ...second.values.map((_w, j) => fmt((entries[i * cols + j] as { prob: number }).prob))]);
    });
    return alignColumns(rows);
  }
  const rows: string[][] = [[...variables.map((v) => v.name), 'p']];
  for (const e of entries) rows.push([...e.digits.map((d, k) => String((variables[k] as { values: readonly Value[] }).values[d])), fmt(e.prob)]);
  return alignColumns(rows);
}
