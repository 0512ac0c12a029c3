import { ValueError } from '@gradlab/core-tensor';
import type { Assignment, JointTable, MultivariateGaussian, Value } from '@gradlab/prob';
import { checkKnownJoint, checkPointLoss, isTable, observationKey, posteriorRows, HARD_KEYS } from './known-joint.ts';
import type { TargetOptions } from './known-joint.ts';
import { mmseEstimator } from './mmse-estimator.ts';
import type { MmseEstimator } from './mmse-estimator.ts';
import { toPointLoss } from './point-loss.ts';
import type { PointLoss, PointLossLike } from './point-loss.ts';
import type { HardPredictor } from './predictor.ts';

/** How an optimal hard predictor was found. */
export type HardRule = 'mode' | 'mean' | 'median' | 'search';

/** A hard predictor given as a table: one prediction per value of the observed variables. */
export interface TabulatedHardPredictor extends HardPredictor<Assignment> {
  /** mode (0-1 loss), mean (quadratic), median (absolute) or search (direct minimisation). */
  readonly rule: HardRule;
  /** x, p(x) and t̂(x) for every value x of the observed variables. */
  readonly table: readonly { readonly x: Assignment; readonly px: number; readonly tHat: Value }[];
}

/** Options of {@link optimalHardPredictor}. */
export interface OptimalHardOptions extends TargetOptions {
  /** The values t̂ may take when the loss has no known minimiser (default: the target's values). */
  candidates?: readonly Value[];
}

function numericValues(values: readonly Value[], rule: string): number[] {
  const bad = values.find((v) => typeof v !== 'number');
  if (bad !== undefined) {
    throw new ValueError(`the posterior ${rule} needs numeric target values`, { pkg: 'inference', op: 'optimalHardPredictor', arg: 'joint', expected: 'numbers', received: bad, hint: 'use zeroOneLoss() for labels' });
  }
  return values as number[];
}

/** argmin over candidates of Σ_k post[k] ℓ(values[k], c); ties go to the first candidate. */
function minimise(post: readonly number[], values: readonly Value[], loss: PointLoss, rule: HardRule, candidates: readonly Value[]): Value {
  switch (rule) {
    case 'mode': {
      let best = 0;
      post.forEach((p, k) => {
        if (p > (post[best] as number)) best = k;
      });
      return values[best] as Value;
    }
    case 'mean': {
      const v = numericValues(values, 'mean');
      return post.reduce((s, p, k) => s + p * (v[k] as number), 0);
    }
    case 'median': {
      const v = numericValues(values, 'median');
      const order = v.map((_x, k) => k).sort((a, b) => (v[a] as number) - (v[b] as number));
      let acc = 0;
      for (const k of order) {
        acc += post[k] as number;
        if (acc >= 0.5 - 1e-12) return v[k] as number;
      }
      return v[order[order.length - 1] as number] as number;
    }
    case 'search': {
      let best: Value = candidates[0] as Value;
      let bestRisk = Infinity;
      for (const c of candidates) {
        const risk = post.reduce((s, p, k) => (p > 0 ? s + p * loss.loss(values[k] as Value, c) : s), 0);
        if (risk < bestRisk) {
          bestRisk = risk;
          best = c;
        }
      }
      return best;
    }
  }
}

/**
 * The optimal hard predictor t̂*(x) = argmin_t̂ E[ℓ(t, t̂) | x], which minimises the population loss:
 * - a joint table: the posterior mode for the 0-1 loss (MAP), the posterior mean for the quadratic
 *   loss, a posterior median (the smallest value whose posterior CDF reaches ½) for the absolute
 *   loss, and for any other loss a direct minimisation over `candidates` (default: the target's
 *   values). Where p(x) = 0 the prior p(t) takes the place of the posterior.
 * - a jointly Gaussian (x, t): the posterior mean {@link mmseEstimator} for the quadratic, absolute,
 *   |t − t̂|^k and 0-1 losses (the Gaussian posterior is symmetric and unimodal).
 * @param joint p(x, t): a JointTable, or a MultivariateGaussian over (x, t)
 * @param loss a PointLoss or `(t, tHat) => number`
 * @param options target (default the last variable), candidates
 * @returns a {@link TabulatedHardPredictor} (table) or an {@link MmseEstimator} (Gaussian)
 * @throws ValueError when the rule needs numeric targets, or a Gaussian joint gets a loss without known minimiser
 * @example
 * const p = jointTable({ variables: ['x', 't'], probs: [[0.45, 0.05], [0.1, 0.4]] });
 * const tHat = optimalHardPredictor(p, zeroOneLoss());
 * tHat({ x: 0 });   // 0
 * tHat({ x: 1 });   // 1
 */
export function optimalHardPredictor(joint: JointTable, loss: PointLossLike, options?: OptimalHardOptions): TabulatedHardPredictor;
export function optimalHardPredictor(joint: MultivariateGaussian, loss: PointLossLike, options?: TargetOptions): MmseEstimator;
export function optimalHardPredictor(joint: JointTable | MultivariateGaussian, loss: PointLossLike, options: OptimalHardOptions = {}): TabulatedHardPredictor | MmseEstimator {
  checkKnownJoint('optimalHardPredictor', joint, options, HARD_KEYS);
  checkPointLoss('optimalHardPredictor', loss);
  const op = 'optimalHardPredictor';
  const l = toPointLoss(loss);
  if (!isTable(joint)) {
    if (l.minimizer === undefined && l.symmetric !== true) {
      throw new ValueError('no known minimiser of this loss for a Gaussian posterior', {
        pkg: 'inference',
        op,
        arg: 'loss',
        expected: 'quadratic, absolute, power(k) or zero-one',
        received: l.name,
        hint: 'discretise the joint into a jointTable and use direct minimisation',
      });
    }
    return mmseEstimator(joint, options);
  }
  const split = posteriorRows(joint, options, op);
  const values = split.target.values;
  const rule: HardRule = l.minimizer ?? 'search';
  const candidates = options.candidates ?? values;
  if (candidates.length === 0) throw new ValueError('needs at least one candidate', { pkg: 'inference', op, arg: 'options.candidates', expected: 'a non-empty list', received: '[]' });
  const xNames = split.observed.map((v) => v.name);
  const table = split.rows.map((row) => Object.freeze({ x: row.x, px: row.px, tHat: minimise(row.posterior, values, l, rule, candidates) }));
  const lookup = new Map(table.map((e) => [observationKey(e.x, xNames), e.tHat]));
  const predict = (x: Assignment): Value => {
    const tHat = lookup.get(observationKey(x, xNames));
    if (tHat === undefined) {
      throw new ValueError('unknown observation', { pkg: 'inference', op: 'optimalHardPredictor(x)', arg: 'x', expected: `values of ${xNames.join(', ')} from the table`, received: x });
    }
    return tHat;
  };
  return Object.freeze(Object.assign(predict, { rule, table: Object.freeze(table) }));
}
