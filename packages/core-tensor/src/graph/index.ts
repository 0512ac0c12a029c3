// @gradlab/core-tensor/graph
export {};
