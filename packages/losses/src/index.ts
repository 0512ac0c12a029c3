// @gradlab/losses: The Loss contract and the built-in losses.
export {};
