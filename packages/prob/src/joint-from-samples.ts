import { checkElementCount, describeType, requireOptions, ShapeError, ValueError } from '@gradlab/core-tensor';
import type { Value } from './distribution.ts';
import { jointTable } from './joint-table-factory.ts';
import type { JointTable } from './joint-table.ts';

/** Options of {@link jointFromSamples}. */
export interface JointFromSamplesOptions {
  /** The values of some variables, in order, including ones never observed (default: those seen, sorted). */
  values?: Readonly<Record<string, readonly Value[]>>;
}

function sortValues(values: Value[]): Value[] {
  const allNumbers = values.every((v) => typeof v === 'number');
  return allNumbers ? (values).sort((a, b) => a - b) : values.sort((a, b) => String(a).localeCompare(String(b)));
}

/**
 * The empirical joint p̂(x) = (1/N) Σᵢ 1(xᵢ = x) of N observed assignments.
 * @param names the variable names, one per column
 * @param rows N rows of values, one value per name
 * @param options values: the value lists of some variables (to include values with count 0)
 * @returns a {@link JointTable} of relative frequencies
 * @throws ShapeError when a row has the wrong length
 * @throws ValueError when there are no rows, or a value is not among the given values
 * @example
 * const p = jointFromSamples(['x', 't'], [[0, 0], [0, 1], [1, 1], [1, 1]]);
 * p.prob({ x: 1, t: 1 }); // 0.5
 */
export function jointFromSamples(names: readonly string[], rows: readonly (readonly Value[])[], options: JointFromSamplesOptions = {}): JointTable {
  const op = 'jointFromSamples';
  options = requireOptions(options, { pkg: 'prob', op }, ['values']);
  const nameList: unknown = names;
  if (!Array.isArray(nameList) || nameList.some((n) => typeof n !== 'string')) throw new ValueError('names must be a list of strings', { pkg: 'prob', op, arg: 'names', expected: 'string[]', received: describeType(nameList) });
  const rowList: unknown = rows;
  if (!Array.isArray(rowList)) throw new ValueError('rows must be a list of samples', { pkg: 'prob', op, arg: 'rows', expected: 'an array of rows', received: describeType(rowList) });
  checkElementCount(rows.length, { pkg: 'prob', op, arg: 'rows' });
  rows.forEach((row, i) => {
    if (!Array.isArray(row)) throw new ValueError('every row must be an array', { pkg: 'prob', op, arg: `rows[${i}]`, expected: 'an array of values', received: describeType(row) });
    (row as readonly unknown[]).forEach((v, k) => {
      // Values are categories: finite numbers, strings or booleans (NaN, null and objects are not).
      const ok = (typeof v === 'number' && Number.isFinite(v)) || (typeof v === 'string' && v !== '') || typeof v === 'boolean';
      if (!ok) throw new ValueError('a sample value must be a finite number, a non-empty string or a boolean', { pkg: 'prob', op, arg: `rows[${i}][${k}]`, expected: 'a finite number, a string or a boolean', received: describeType(v) });
    });
  });
  if (rows.length === 0) throw new ValueError('needs at least one sample', { pkg: 'prob', op, arg: 'rows', expected: 'a non-empty list', received: '[]' });
  rows.forEach((row, i) => {
    if (row.length !== names.length) throw new ShapeError('every row needs one value per variable', { pkg: 'prob', op, arg: `rows[${i}]`, expected: `length ${names.length}`, received: `length ${row.length}` });
  });
  const valueLists = names.map((name, k) => {
    const given = options.values?.[name];
    if (given !== undefined) return [...given];
    const seen = new Map<string, Value>();
    for (const row of rows) seen.set(String(row[k]), row[k] as Value);
    return sortValues([...seen.values()]);
  });
  const lookups = valueLists.map((vs) => new Map(vs.map((v, i) => [String(v), i])));
  const shape = valueLists.map((vs) => vs.length);
  const counts = new Float64Array(checkElementCount(shape.reduce((s, n) => s * n, 1), { pkg: 'prob', op, arg: 'rows' }));
  rows.forEach((row, i) => {
    let flat = 0;
    row.forEach((v, k) => {
      const d = (lookups[k] as Map<string, number>).get(String(v));
      if (d === undefined) throw new ValueError('a sample value is not among the listed values', { pkg: 'prob', op, arg: `rows[${i}][${k}]`, expected: `one of ${(valueLists[k] as Value[]).join(', ')}`, received: v });
      flat = flat * (shape[k] as number) + d;
    });
    counts[flat] = (counts[flat] as number) + 1;
  });
  return jointTable(
    { variables: names.map((name, k) => ({ name, values: valueLists[k] as Value[] })), probs: counts.map((c) => c / rows.length) },
    { normalize: true },
  );
}
