// @gradlab/models-nn/testing: the conformance check of the layer contract.
export { checkLayer } from './check-layer.ts';
export type { CheckLayerOptions, CheckLayerReport, LayerMaker } from './check-layer.ts';
