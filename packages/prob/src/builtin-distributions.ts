import { bernoulli } from './bernoulli.ts';
import { categorical } from './categorical.ts';
import { empirical } from './empirical.ts';
import { gaussian } from './gaussian.ts';
import { multivariateGaussian } from './multivariate-gaussian.ts';
import { uniform } from './uniform.ts';

/**
 * The built-in distribution factories by family name, for the places where a family is named by a
 * string (CLI flags, configuration). Frozen; to add your own, spread it into a new object.
 * @example
 * builtinDistributions.gaussian(0, 1).toString(); // 'N(0, 1)'
 * Object.keys(builtinDistributions);              // ['bernoulli', 'categorical', ...]
 */
export const builtinDistributions = Object.freeze({
  bernoulli,
  categorical,
  gaussian,
  multivariateGaussian,
  uniform,
  empirical,
});
