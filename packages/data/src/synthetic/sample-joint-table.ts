import { requireObject, requireOptions, ShapeError, ValueError } from '@gradlab/core-tensor';
import { dataset } from '../dataset.ts';
import type { Dataset } from '../dataset.ts';
import type { Seed } from '../seed.ts';
import { toRng } from '../seed.ts';
import { checkCount } from './check-count.ts';

/**
 * A joint probability table p(x1, ..., xK) over discrete variables: the variables with their
 * values, and the probabilities flattened row-major (the last variable varies fastest), either as
 * a `probs` array or from a `probabilities()` method. `@gradlab/prob`'s `JointTable` (made by
 * `jointTable(...)`) has this shape, so it can be passed as it is.
 */
export type JointTableLike = {
  /** The variables, in table order; each lists the values it takes (numbers or labels). */
  readonly variables: readonly { readonly name: string; readonly values: readonly (number | string)[] }[];
} & ({ readonly probs: ArrayLike<number> } | { probabilities(): ArrayLike<number> });

/** Options of {@link sampleJointTable}. */
export interface SampleJointTableOptions {
  /** Number of samples N. */
  n: number;
  /** The target variable t, by name or index (default: the last variable); the others form x. */
  target?: string | number;
  /** Seed (default 0). */
  seed?: Seed;
}

/**
 * Draws N i.i.d. samples (x, t) from a known joint table, so that population quantities (the
 * optimal predictor, the population loss) are known exactly and can be compared with what is
 * learned from the samples.
 * @param table the joint distribution; a `JointTable` of `@gradlab/prob` fits it
 * @param options `n`, `target`, `seed`
 * @returns a data set `x [N, K-1]` (the values of the other variables; a labelled variable by
 *   the index of its label), `t [N]` (class indices with `classNames` when the target is labelled)
 * @throws ShapeError when the table size does not match the variables
 * @throws ValueError when the probabilities are negative or do not sum to 1, or the target is unknown
 * @example
 * const p = { variables: [{ name: 'x', values: [0, 1] }, { name: 't', values: [0, 1] }], probs: [0.45, 0.05, 0.1, 0.4] };
 * sampleJointTable(p, { n: 1000, seed: 0 }); // the notes' joint table
 */
export function sampleJointTable(table: JointTableLike, options: SampleJointTableOptions): Dataset {
  requireObject(table, { pkg: 'data', op: 'sampleJointTable', arg: 'table' });
  options = requireOptions(options, { pkg: 'data', op: 'sampleJointTable' }, ['n', 'target', 'seed']) as SampleJointTableOptions;
  const op = 'sampleJointTable';
  const n = checkCount(options.n, op);
  const vars = table.variables;
  if (vars.length < 2) {
    throw new ValueError('a joint table of (x, t) needs at least two variables', { pkg: 'data', op, arg: 'table.variables', expected: '>= 2 variables', received: vars.length });
  }
  const probs = 'probs' in table ? table.probs : table.probabilities();
  const size = vars.reduce((a, v) => a * v.values.length, 1);
  if (probs.length !== size) {
    throw new ShapeError('the table size must be the product of the numbers of values', { pkg: 'data', op, arg: 'table.probs', expected: `${size} entries`, received: `${probs.length} entries` });
  }
  const target = typeof options.target === 'string' ? vars.findIndex((v) => v.name === options.target) : (options.target ?? vars.length - 1);
  if (!Number.isInteger(target) || target < 0 || target >= vars.length) {
    throw new ValueError('unknown target variable', { pkg: 'data', op, arg: 'options.target', expected: `one of ${vars.map((v) => v.name).join(', ')}`, received: options.target });
  }
  // A variable with numeric values is recorded by value; one with labels by the label's index.
  const numeric = vars.map((v) => v.values.every((value) => typeof value === 'number'));
  const r = toRng(options.seed);
  const d = vars.length - 1;
  const x = new Float64Array(n * d);
  const t = new Float64Array(n);
  const coded = new Array<number>(vars.length);
  for (let i = 0; i < n; i++) {
    let cell = r.categorical(probs);
    // Decode the flat index, last variable fastest.
    for (let k = vars.length - 1; k >= 0; k--) {
      const vk = (vars[k] as JointTableLike['variables'][number]).values;
      const idx = cell % vk.length;
      coded[k] = numeric[k] === true ? (vk[idx] as number) : idx;
      cell = Math.floor(cell / vk.length);
    }
    let j = 0;
    coded.forEach((v, k) => {
      if (k === target) t[i] = v;
      else x[i * d + j++] = v;
    });
  }
  const targetVar = vars[target] as JointTableLike['variables'][number];
  return dataset({ data: x, shape: [n, d] }, t, {
    featureNames: vars.filter((_, k) => k !== target).map((v) => v.name),
    targetName: targetVar.name,
    ...(numeric[target] === true ? {} : { classNames: targetVar.values.map(String) }),
    name: 'joint-table',
  });
}
