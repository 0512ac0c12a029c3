import { ValueError } from '@gradlab/core-tensor';
import type { Dataset } from '@gradlab/data';

/** What {@link checkDataset} verified. */
export interface CheckDatasetReport {
  /** The data set's id in its plugin. */
  id: string;
  /** The checks that passed, in order. */
  checks: string[];
  /** `[n, d]`. */
  shape: [number, number];
}

function fail(id: string, check: string, detail: string): never {
  throw new ValueError(`data set '${id}' fails the check "${check}": ${detail}`, { pkg: 'plugin', op: 'checkDataset', arg: 'dataset' });
}

/**
 * Checks that a loader's result keeps the `Dataset` contract of `@gradlab/data`: `x` is a matrix
 * `{ data, shape: [n, d] }` with n >= 1 and `data.length = n·d`; `t` has n entries; every number
 * is finite; there are d feature names and a target name; with `classNames`, every target is a
 * class index 0..C−1.
 *
 * @param id the data set's id (for messages)
 * @param data the data set
 * @returns the checks passed and the shape
 * @throws ValueError naming the data set, the failed check, and the offending index and value
 * @example
 * ```ts
 * checkDataset('iris', builtinDatasets.iris!()).shape; // [150, 4]
 * ```
 */
export function checkDataset(id: string, data: Dataset): CheckDatasetReport {
  const checks: string[] = [];
  if (typeof data !== 'object' || data === null) fail(id, 'contract', `the loader returned ${data === null ? 'null' : typeof data}`);
  const { x, t } = data;
  if (typeof x !== 'object' || x === null || !Array.isArray(x.shape) || x.shape.length !== 2) fail(id, 'contract', 'x must be a matrix { data, shape: [n, d] }');
  if (!(x.data instanceof Float64Array) || !(t instanceof Float64Array)) fail(id, 'contract', 'x.data and t must be Float64Arrays');
  checks.push('contract');
  const [n, d] = x.shape;
  if (!Number.isInteger(n) || !Number.isInteger(d) || n < 1 || d < 0) fail(id, 'shape', `x.shape is [${x.shape.join(', ')}]`);
  if (x.data.length !== n * d) fail(id, 'shape', `x.shape is [${n}, ${d}] but x.data holds ${x.data.length} numbers, not ${n * d}`);
  if (t.length !== n) fail(id, 'shape', `x has ${n} rows but t has ${t.length} entries`);
  checks.push('shape');
  for (let k = 0; k < x.data.length; k++) {
    const v = x.data[k] as number;
    if (!Number.isFinite(v)) fail(id, 'finite values', `x[${Math.floor(k / d)}, ${k % d}] is ${v}`);
  }
  for (let i = 0; i < n; i++) if (!Number.isFinite(t[i])) fail(id, 'finite values', `t[${i}] is ${t[i]}`);
  checks.push('finite values');
  if (!Array.isArray(data.featureNames) || data.featureNames.length !== d || data.featureNames.some((s) => typeof s !== 'string')) {
    fail(id, 'names', `x has ${d} columns but there are ${Array.isArray(data.featureNames) ? data.featureNames.length : 'no'} feature names`);
  }
  if (typeof data.targetName !== 'string' || data.targetName === '') fail(id, 'names', 'targetName must be a non-empty string');
  checks.push('names');
  if (data.classNames !== undefined) {
    const c = data.classNames.length;
    if (!Array.isArray(data.classNames) || c === 0) fail(id, 'class indices', 'classNames must be a non-empty array');
    for (let i = 0; i < n; i++) {
      const v = t[i] as number;
      if (!Number.isInteger(v) || v < 0 || v >= c) fail(id, 'class indices', `t[${i}] is ${v}, not a class index 0..${c - 1}`);
    }
    checks.push('class indices');
  }
  return { id, checks, shape: [n, d] };
}
