// @gradlab/core-tensor/testing
export {};
