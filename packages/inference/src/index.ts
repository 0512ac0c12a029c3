// @gradlab/inference: Optimal hard and soft predictors and population loss from a known joint distribution.
export { quadraticLoss, absoluteLoss, powerLoss, zeroOneLoss, pointLoss, builtinPointLosses } from './point-loss.ts';
export type { PointLoss, PointLossLike } from './point-loss.ts';
export type { KnownJoint, TargetOptions } from './known-joint.ts';
export type { HardPredictor, Observation, SoftPrediction, SoftPredictor } from './predictor.ts';
export { populationLoss } from './population-loss.ts';
export { populationLogLoss } from './population-log-loss.ts';
export { optimalHardPredictor } from './optimal-hard-predictor.ts';
export type { HardRule, OptimalHardOptions, TabulatedHardPredictor } from './optimal-hard-predictor.ts';
export { optimalSoftPredictor } from './optimal-soft-predictor.ts';
export type { TabulatedSoftPredictor } from './optimal-soft-predictor.ts';
export { mmseEstimator } from './mmse-estimator.ts';
export type { MmseEstimator } from './mmse-estimator.ts';
export { bayesRisk, excessRisk, bayesLogLoss, excessLogLoss } from './bayes-risk.ts';
