import { requireObject, ShapeError, ValueError } from '@gradlab/core-tensor';
import { checkProbabilities, checkProbabilityOptions } from './argument-checks.ts';
import type { ProbabilityOptions } from './argument-checks.ts';
import type { Value } from './distribution.ts';
import { jointTable } from './joint-table-factory.ts';
import type { JointTable } from './joint-table.ts';

/** The marginal p(x) of {@link jointFromPrior}. */
export interface PriorSpec {
  name: string;
  /** Default 0, 1, …. */
  values?: readonly Value[];
  /** p(x): [kₓ]. */
  probs: ArrayLike<number>;
}

/** The conditional p(t | x) of {@link jointFromPrior}: one row per value of x. */
export interface LikelihoodSpec {
  name: string;
  /** Default 0, 1, …. */
  values?: readonly Value[];
  /** p(t | x): [kₓ, kₜ], each row summing to 1. */
  probs: readonly ArrayLike<number>[];
}

/**
 * The joint p(x, t) = p(x) p(t | x) from a prior and a conditional (the chain rule forwards): the
 * usual way to write down a detection problem.
 * @param prior p(x): name, values, probs [kₓ]
 * @param likelihood p(t | x): name, values, probs [kₓ, kₜ] (row i is p(t | x = values[i]))
 * @param options tolerance on every sum; normalize to divide each row by its sum
 * @returns the {@link JointTable} over (x, t)
 * @throws ValueError when a row is not a pmf
 * @throws ShapeError when the rows do not match the prior
 * @example
 * const p = jointFromPrior({ name: 'x', probs: [0.5, 0.5] }, { name: 't', probs: [[0.9, 0.1], [0.2, 0.8]] });
 * p.prob({ x: 1, t: 1 }); // 0.4
 */
export function jointFromPrior(prior: PriorSpec, likelihood: LikelihoodSpec, options: ProbabilityOptions = {}): JointTable {
  const op = 'jointFromPrior';
  options = checkProbabilityOptions(options, op);
  requireObject(prior, { pkg: 'prob', op, arg: 'prior' });
  requireObject(likelihood, { pkg: 'prob', op, arg: 'likelihood' });
  const given: unknown = likelihood.probs;
  if (!Array.isArray(given)) throw new ValueError('likelihood.probs must be a list of rows', { pkg: 'prob', op, arg: 'likelihood.probs', expected: 'number[][]', received: typeof given });
  const px = checkProbabilities(prior.probs, op, 'prior.probs', options);
  if (likelihood.probs.length !== px.length) {
    throw new ShapeError('p(t | x) needs one row per value of x', { pkg: 'prob', op, arg: 'likelihood.probs', expected: `${px.length} rows`, received: `${likelihood.probs.length} rows` });
  }
  const rows = likelihood.probs.map((row, i) => checkProbabilities(row, op, `likelihood.probs[${i}]`, options));
  const kt = (rows[0] as Float64Array).length;
  rows.forEach((row, i) => {
    if (row.length !== kt) throw new ShapeError('every row of p(t | x) must have the same length', { pkg: 'prob', op, arg: `likelihood.probs[${i}]`, expected: `length ${kt}`, received: `length ${row.length}` });
  });
  const probs = rows.map((row, i) => Array.from(row, (p) => (px[i] as number) * p));
  return jointTable(
    {
      variables: [
        prior.values === undefined ? prior.name : { name: prior.name, values: prior.values },
        likelihood.values === undefined ? likelihood.name : { name: likelihood.name, values: likelihood.values },
      ],
      probs,
    },
    { tolerance: options.tolerance ?? 1e-9 },
  );
}
