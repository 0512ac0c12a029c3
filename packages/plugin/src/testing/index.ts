// @gradlab/plugin/testing: runs every contract's checker on every piece of a plugin.
export { checkPlugin } from './check-plugin.ts';
export type { CheckPluginOptions, PluginCheckRow } from './check-plugin.ts';
export { checkDataset } from './check-dataset.ts';
export type { CheckDatasetReport } from './check-dataset.ts';
export { checkSchedule } from './check-schedule.ts';
export type { CheckScheduleReport } from './check-schedule.ts';
