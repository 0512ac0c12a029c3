// @gradlab/models-linear/testing: the checker a third-party feature map runs in its own tests.
export { checkFeatureMap } from './check-feature-map.ts';
export type { FeatureMapCheck } from './check-feature-map.ts';
