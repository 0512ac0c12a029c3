// @gradlab/core-tensor: n-d tensors, broadcasting, reverse-mode autodiff, backends, seeded RNG and gradient checks.
export { GradlabError, ShapeError, DTypeError, ValueError, BackendError } from './errors.ts';
export type { GradlabErrorDetails } from './errors.ts';
export { rng, rngFromState } from './random.ts';
export type { Rng } from './random.ts';
