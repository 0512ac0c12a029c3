// @gradlab/optim: The Optimizer and Schedule contracts; GD, SGD, momentum, Adam; Robbins-Monro schedules.
export {};
