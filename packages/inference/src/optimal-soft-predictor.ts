import { ValueError } from '@gradlab/core-tensor';
import { categorical } from '@gradlab/prob';
import type { Assignment, Categorical, Gaussian, JointTable, MultivariateGaussian, Value } from '@gradlab/prob';
import { checkKnownJoint, isTable, observationKey, posteriorRows } from './known-joint.ts';
import type { TargetOptions } from './known-joint.ts';
import { mmseEstimator } from './mmse-estimator.ts';

/** The posterior p(t | x) as a soft predictor, with its table. */
export interface TabulatedSoftPredictor {
  (x: Assignment): Categorical<Value>;
  /** x, p(x) and the posterior q(· | x) = p(· | x) for every value x of the observed variables. */
  readonly table: readonly { readonly x: Assignment; readonly px: number; readonly posterior: Categorical<Value> }[];
}

/**
 * The optimal soft predictor under the log-loss: the posterior q*(t | x) = p(t | x) (Bayesian
 * inference). Its population log-loss is the conditional entropy H(t | x), the minimum.
 * - a joint table: a categorical over the target's values for each x (the prior p(t) where p(x) = 0);
 * - a jointly Gaussian (x, t): N(E[t | x], Var[t | x]) in closed form.
 * @param joint p(x, t): a JointTable, or a MultivariateGaussian over (x, t)
 * @param options target (default the last variable)
 * @returns a {@link TabulatedSoftPredictor}, or x → Gaussian for a Gaussian joint
 * @example
 * const p = jointTable({ variables: ['x', 't'], probs: [[0.45, 0.05], [0.1, 0.4]] });
 * optimalSoftPredictor(p)({ x: 1 }).prob(1);   // 0.8
 */
export function optimalSoftPredictor(joint: JointTable, options?: TargetOptions): TabulatedSoftPredictor;
export function optimalSoftPredictor(joint: MultivariateGaussian, options?: TargetOptions): (x: readonly number[]) => Gaussian;
export function optimalSoftPredictor(joint: JointTable | MultivariateGaussian, options: TargetOptions = {}): TabulatedSoftPredictor | ((x: readonly number[]) => Gaussian) {
  checkKnownJoint('optimalSoftPredictor', joint, options);
  const op = 'optimalSoftPredictor';
  if (!isTable(joint)) {
    const mmse = mmseEstimator(joint, options);
    return (x: readonly number[]) => mmse.posterior(x);
  }
  const split = posteriorRows(joint, options, op);
  const xNames = split.observed.map((v) => v.name);
  const table = split.rows.map((row) => Object.freeze({ x: row.x, px: row.px, posterior: categorical<Value>(row.posterior, { values: split.target.values, normalize: true }) }));
  const lookup = new Map(table.map((e) => [observationKey(e.x, xNames), e.posterior]));
  const predict = (x: Assignment): Categorical<Value> => {
    const q = lookup.get(observationKey(x, xNames));
    if (q === undefined) {
      throw new ValueError('unknown observation', { pkg: 'inference', op: 'optimalSoftPredictor(x)', arg: 'x', expected: `values of ${xNames.join(', ')} from the table`, received: x });
    }
    return q;
  };
  return Object.freeze(Object.assign(predict, { table: Object.freeze(table) }));
}
