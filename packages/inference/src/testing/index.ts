// @gradlab/inference/testing: the checker every PointLoss passes.
export { checkPointLoss } from './check-point-loss.ts';
export type { CheckPointLossOptions, PointLossReport } from './check-point-loss.ts';
