// @gradlab/core-tensor/symbolic
export {};
