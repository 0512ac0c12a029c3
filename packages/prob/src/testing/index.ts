// @gradlab/prob/testing: the checker every Distribution passes.
export { checkDistribution } from './check-distribution.ts';
export type { CheckDistributionOptions, DistributionCheck, DistributionReport } from './check-distribution.ts';
