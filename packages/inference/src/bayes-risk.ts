import { ValueError } from '@gradlab/core-tensor';
import { gaussian } from '@gradlab/prob';
import type { Assignment, JointTable, MultivariateGaussian } from '@gradlab/prob';
import { checkKnownJoint, checkPointLoss, checkPredictor, isTable, targetName, HARD_KEYS } from './known-joint.ts';
import type { KnownJoint, TargetOptions } from './known-joint.ts';
import { mmseEstimator } from './mmse-estimator.ts';
import { optimalHardPredictor } from './optimal-hard-predictor.ts';
import type { OptimalHardOptions } from './optimal-hard-predictor.ts';
import { populationLogLoss } from './population-log-loss.ts';
import { populationLoss } from './population-loss.ts';
import { toPointLoss } from './point-loss.ts';
import type { PointLossLike } from './point-loss.ts';
import type { HardPredictor, SoftPredictor } from './predictor.ts';

/** The target option alone (populationLoss takes no candidates). */
function targetOnly(options: OptimalHardOptions): TargetOptions {
  return options.target === undefined ? {} : { target: options.target };
}

/**
 * The Bayes risk: the minimum population loss over all hard predictors, min L_p = L_p(t̂*).
 * For a jointly Gaussian (x, t): the MMSE Σ_tt − Σ_tx Σ_xx⁻¹ Σ_xt for the quadratic loss (closed
 * form); E|e|^k with e ~ N(0, MMSE) by quadrature for the other |t − t̂|^k losses; 1 for the 0-1
 * loss (a continuous t is never hit exactly).
 * @param joint p(x, t)
 * @param loss a PointLoss or `(t, tHat) => number`
 * @param options target, candidates (as {@link optimalHardPredictor})
 * @returns the Bayes risk
 * @throws ValueError for a Gaussian joint and a loss without known minimiser
 * @example
 * const p = jointTable({ variables: ['x', 't'], probs: [[0.45, 0.05], [0.1, 0.4]] });
 * bayesRisk(p, zeroOneLoss()); // 0.15
 */
export function bayesRisk(joint: KnownJoint, loss: PointLossLike, options: OptimalHardOptions = {}): number {
  checkKnownJoint('bayesRisk', joint, options, HARD_KEYS);
  checkPointLoss('bayesRisk', loss);
  const l = toPointLoss(loss);
  if (isTable(joint)) return populationLoss(joint, optimalHardPredictor(joint, l, options), l, targetOnly(options));
  const mmse = mmseEstimator(joint, options);
  if (l.minimizer === 'mean') return mmse.errorVariance;
  if (l.minimizer === 'mode' && l.symmetric !== true) return 1;
  if (l.symmetric === true) return gaussian(0, { variance: mmse.errorVariance }).expectation((e) => l.loss(e, 0));
  throw new ValueError('no known minimiser of this loss for a Gaussian posterior', { pkg: 'inference', op: 'bayesRisk', arg: 'loss', received: l.name, hint: 'discretise the joint into a jointTable' });
}

/**
 * The excess risk of a hard predictor over the Bayes risk, L_p(t̂) − min L_p >= 0.
 * @param joint p(x, t)
 * @param predictor x → t̂
 * @param loss a PointLoss or `(t, tHat) => number`
 * @param options target
 * @returns L_p(t̂) − L_p(t̂*)
 * @example
 * excessRisk(p, () => 1, zeroOneLoss()); // 0.55 − 0.15 = 0.4
 */
export function excessRisk(joint: JointTable, predictor: HardPredictor<Assignment>, loss: PointLossLike, options?: OptimalHardOptions): number;
export function excessRisk(joint: MultivariateGaussian, predictor: HardPredictor<readonly number[]>, loss: PointLossLike, options?: TargetOptions): number;
export function excessRisk(joint: KnownJoint, predictor: HardPredictor<Assignment> | HardPredictor<readonly number[]>, loss: PointLossLike, options: OptimalHardOptions = {}): number {
  checkKnownJoint('excessRisk', joint, options, HARD_KEYS);
  checkPredictor('excessRisk', predictor);
  checkPointLoss('excessRisk', loss);
  return populationLoss(joint, predictor, loss, targetOnly(options)) - bayesRisk(joint, loss, options);
}

/**
 * The minimum population log-loss, reached by the posterior: the conditional entropy H(t | x) in
 * nats (for a Gaussian joint, the differential entropy ½ log(2πe·MMSE)).
 * @param joint p(x, t)
 * @param options target
 * @returns H(t | x)
 * @example
 * bayesLogLoss(p); // H(t | x) of the table
 */
export function bayesLogLoss(joint: KnownJoint, options: TargetOptions = {}): number {
  checkKnownJoint('bayesLogLoss', joint, options);
  if (isTable(joint)) return joint.conditionalEntropy(targetName(joint, options, 'bayesLogLoss'));
  return 0.5 * Math.log(2 * Math.PI * Math.E * mmseEstimator(joint, options).errorVariance);
}

/**
 * The excess log-loss of a soft predictor over the posterior: E_x[KL(p(t | x) ‖ q(t | x))] =
 * populationLogLoss(q) − H(t | x) >= 0.
 * @param joint p(x, t)
 * @param predictor x → q(· | x)
 * @param options target
 * @returns the excess log-loss in nats
 * @example
 * excessLogLoss(p, () => bernoulli(0.5)); // log 2 − H(t | x)
 */
export function excessLogLoss(joint: JointTable, predictor: SoftPredictor<Assignment>, options?: TargetOptions): number;
export function excessLogLoss(joint: MultivariateGaussian, predictor: SoftPredictor<readonly number[]>, options?: TargetOptions): number;
export function excessLogLoss(joint: KnownJoint, predictor: SoftPredictor<Assignment> | SoftPredictor<readonly number[]>, options: TargetOptions = {}): number {
  checkKnownJoint('excessLogLoss', joint, options);
  checkPredictor('excessLogLoss', predictor);
  return populationLogLoss(joint, predictor, options) - bayesLogLoss(joint, options);
}
