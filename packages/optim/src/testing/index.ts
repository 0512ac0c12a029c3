// @gradlab/optim/testing: the checker an optimizer plugin runs in its own tests.
export { checkOptimizer } from './check-optimizer.ts';
export type { CheckOptimizerOptions, CheckOptimizerReport } from './check-optimizer.ts';
