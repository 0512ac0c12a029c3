// @gradlab/data/testing: the checker a third-party estimator runs in its own tests.
export { checkEstimator } from './check-estimator.ts';
export type { EstimatorCheck } from './check-estimator.ts';
