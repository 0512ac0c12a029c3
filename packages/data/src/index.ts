// @gradlab/data: Datasets, CSV loading, splits, batching, K-fold and model selection.
export {};
