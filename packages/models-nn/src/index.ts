// @gradlab/models-nn: Modules, layers, activations, MLP, training loop, save and load.
export {};
