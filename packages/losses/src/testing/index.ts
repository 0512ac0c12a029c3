// @gradlab/losses/testing: the checker a loss plugin runs in its own tests.
export { checkLoss } from './check-loss.ts';
export type { CheckLossOptions, CheckLossReport, LossInputs } from './check-loss.ts';
