import { ValueError } from '@gradlab/core-tensor';
import { gaussian } from '@gradlab/prob';
import type { Assignment, JointTable, MultivariateGaussian, Value } from '@gradlab/prob';
import { checkKnownJoint, checkPointLoss, checkPredictor, gaussianSplit, isTable, posteriorRows } from './known-joint.ts';
import type { KnownJoint, TargetOptions } from './known-joint.ts';
import { toPointLoss } from './point-loss.ts';
import type { PointLossLike } from './point-loss.ts';
import type { HardPredictor } from './predictor.ts';

/** Checks a predictor's output. */
export function checkPrediction(tHat: unknown, x: unknown, op: string): Value {
  if ((typeof tHat !== 'number' || Number.isNaN(tHat)) && typeof tHat !== 'string') {
    throw new ValueError('the predictor must return a number or a label', { pkg: 'inference', op, arg: 'predictor', expected: 'a number or a string', received: `${String(tHat)} at x = ${JSON.stringify(x)}` });
  }
  return tHat;
}

/**
 * The population loss L_p(t̂) = E_{(x,t)~p}[ℓ(t, t̂(x))] of a hard predictor.
 * - For a joint table it is the exact sum Σ_x Σ_t p(x, t) ℓ(t, t̂(x)), over every loss.
 * - For a jointly Gaussian (x, t) with scalar x it is computed numerically: the inner expectation
 *   over t | x ~ N(m(x), σ²) and the outer one over x ~ N(μ_x, σ_x²), both by adaptive Simpson
 *   quadrature over ±12 standard deviations.
 * @param joint p(x, t): a JointTable, or a MultivariateGaussian over (x, t)
 * @param predictor x → t̂; for a table x is the observed values by name, for a Gaussian the observed components
 * @param loss a PointLoss or `(t, tHat) => number`
 * @param options target: the target variable (default the last)
 * @returns L_p(t̂) >= 0
 * @throws ValueError for an unknown target, a predictor that returns no value, or a Gaussian with more than one observed component
 * @example
 * const p = jointTable({ variables: ['x', 't'], probs: [[0.45, 0.05], [0.1, 0.4]] });
 * populationLoss(p, () => 1, zeroOneLoss());               // 0.55: always guessing 1
 * populationLoss(p, ({ x }) => x, zeroOneLoss());          // 0.15
 */
export function populationLoss(joint: JointTable, predictor: HardPredictor<Assignment>, loss: PointLossLike, options?: TargetOptions): number;
export function populationLoss(joint: MultivariateGaussian, predictor: HardPredictor<readonly number[]>, loss: PointLossLike, options?: TargetOptions): number;
export function populationLoss(joint: KnownJoint, predictor: HardPredictor<Assignment> | HardPredictor<readonly number[]>, loss: PointLossLike, options?: TargetOptions): number;
export function populationLoss(joint: KnownJoint, predictor: HardPredictor<Assignment> | HardPredictor<readonly number[]>, loss: PointLossLike, options: TargetOptions = {}): number {
  checkKnownJoint('populationLoss', joint, options);
  checkPredictor('populationLoss', predictor);
  checkPointLoss('populationLoss', loss);
  const op = 'populationLoss';
  const l = toPointLoss(loss);
  if (isTable(joint)) {
    const split = posteriorRows(joint, options, op);
    const predict = predictor as HardPredictor<Assignment>;
    let total = 0;
    for (const row of split.rows) {
      if (row.px === 0) continue;
      const tHat = checkPrediction(predict(row.x), row.x, op);
      row.joint.forEach((p, k) => {
        if (p > 0) total += p * l.loss(split.target.values[k] as Value, tHat);
      });
    }
    return total;
  }
  const predict = predictor as HardPredictor<readonly number[]>;
  return gaussianExpectation(joint, options, op, (x) => {
    const tHat = checkPrediction(predict([x]), [x], op);
    return (t) => l.loss(t, tHat);
  });
}

/** E over a 2-D Gaussian (x, t) of g(x)(t), by nested quadrature. */
export function gaussianExpectation(joint: MultivariateGaussian, options: TargetOptions, op: string, g: (x: number) => (t: number) => number): number {
  const { xs } = gaussianSplit(joint, options, op);
  if (xs.length !== 1) {
    throw new ValueError('numeric population losses need a scalar observation', {
      pkg: 'inference',
      op,
      arg: 'joint',
      expected: 'a 2-D Gaussian over (x, t)',
      received: `dim ${joint.dim}`,
      hint: 'for the quadratic loss use mmseEstimator(joint).errorVariance',
    });
  }
  const xi = xs[0] as number;
  const px = gaussian(joint.mu[xi] as number, { variance: joint.cov[xi]?.[xi] as number });
  return px.expectation((x) => {
    const post = joint.conditional([xi], [x]);
    return gaussian(post.mu[0] as number, { variance: post.cov[0]?.[0] as number }).expectation(g(x));
  });
}
