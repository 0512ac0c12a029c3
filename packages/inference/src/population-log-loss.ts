import { ValueError } from '@gradlab/core-tensor';
import type { Assignment, JointTable, MultivariateGaussian, Value } from '@gradlab/prob';
import { checkKnownJoint, checkPredictor, isTable, posteriorRows } from './known-joint.ts';
import type { KnownJoint, TargetOptions } from './known-joint.ts';
import { gaussianExpectation } from './population-loss.ts';
import type { SoftPredictor } from './predictor.ts';

function logQ(q: number, x: unknown, t: Value, op: string, mass: boolean): number {
  // A discrete q(t | x) is a probability (at most 1, else the log-loss turns negative); a density
  // over a real t may exceed 1.
  if (typeof q !== 'number' || !(q >= 0) || (mass ? q > 1 + 1e-9 : q === Infinity)) {
    throw new ValueError('the soft predictor must return probabilities', { pkg: 'inference', op, arg: 'predictor', expected: mass ? 'q(t | x) in [0, 1]' : 'a finite density q(t | x) >= 0', received: `q(${t} | ${JSON.stringify(x)}) = ${String(q)}` });
  }
  return Math.log(q);
}

/** q(t | x) from a soft prediction, which must be an object with `prob`. */
function softProb(q: unknown, t: Value, op: string): number {
  if (q === null || typeof q !== 'object' || typeof (q as { prob?: unknown }).prob !== 'function') {
    throw new ValueError('the soft predictor must return a distribution', { pkg: 'inference', op, arg: 'predictor', expected: 'an object with prob(t), e.g. bernoulli(0.3)', received: q === null ? 'null' : typeof q });
  }
  return (q as { prob(v: Value): number }).prob(t);
}

/**
 * The population log-loss (cross-entropy) of a soft predictor, E_{(x,t)~p}[−log q(t | x)], in nats:
 * an exact sum for a joint table (+Infinity when q gives probability 0 to a pair of positive
 * probability); nested adaptive Simpson quadrature for a jointly Gaussian (x, t) with scalar x.
 * Its minimum, reached by the posterior q = p(t | x), is the conditional entropy H(t | x).
 * @param joint p(x, t): a JointTable, or a MultivariateGaussian over (x, t)
 * @param predictor x → q(· | x): anything with `prob(t)`, e.g. a categorical or a gaussian
 * @param options target: the target variable (default the last)
 * @returns E[−log q(t | x)] >= 0 for a table (may be negative for a density)
 * @throws ValueError when q is not a probability
 * @example
 * const p = jointTable({ variables: ['x', 't'], probs: [[0.45, 0.05], [0.1, 0.4]] });
 * populationLogLoss(p, () => bernoulli(0.5));   // log 2
 */
export function populationLogLoss(joint: JointTable, predictor: SoftPredictor<Assignment>, options?: TargetOptions): number;
export function populationLogLoss(joint: MultivariateGaussian, predictor: SoftPredictor<readonly number[]>, options?: TargetOptions): number;
export function populationLogLoss(joint: KnownJoint, predictor: SoftPredictor<Assignment> | SoftPredictor<readonly number[]>, options?: TargetOptions): number;
export function populationLogLoss(joint: KnownJoint, predictor: SoftPredictor<Assignment> | SoftPredictor<readonly number[]>, options: TargetOptions = {}): number {
  checkKnownJoint('populationLogLoss', joint, options);
  checkPredictor('populationLogLoss', predictor);
  const op = 'populationLogLoss';
  if (isTable(joint)) {
    const split = posteriorRows(joint, options, op);
    const predict = predictor as SoftPredictor<Assignment>;
    let total = 0;
    for (const row of split.rows) {
      if (row.px === 0) continue;
      const q = predict(row.x);
      row.joint.forEach((p, k) => {
        if (p > 0) {
          const t = split.target.values[k] as Value;
          total -= p * logQ(softProb(q, t, op), row.x, t, op, true);
        }
      });
    }
    return total;
  }
  const predict = predictor as SoftPredictor<readonly number[]>;
  return gaussianExpectation(joint, options, op, (x) => {
    const q = predict([x]);
    return (t) => -logQ(softProb(q, t, op), [x], t, op, false);
  });
}
