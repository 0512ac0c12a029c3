// @gradlab/prob: Random variables and distributions, joint tables, marginals, conditionals and Bayes' rule.
export type { Distribution, Support, Moment, Value } from './distribution.ts';
export type { FiniteDistribution } from './finite-distribution.ts';
export type { ProbabilityOptions } from './argument-checks.ts';
export { bernoulli } from './bernoulli.ts';
export type { Bernoulli } from './bernoulli.ts';
export { categorical } from './categorical.ts';
export type { Categorical, CategoricalOptions } from './categorical.ts';
export { oneHot, fromOneHot } from './one-hot.ts';
export { gaussian } from './gaussian.ts';
export type { Gaussian, GaussianScale } from './gaussian.ts';
export { multivariateGaussian } from './multivariate-gaussian.ts';
export type { MultivariateGaussian } from './multivariate-gaussian.ts';
export { uniform } from './uniform.ts';
export type { Uniform } from './uniform.ts';
export { empirical } from './empirical.ts';
export type { Empirical } from './empirical.ts';
export { builtinDistributions } from './builtin-distributions.ts';
export { integrate } from './integrate.ts';
export type { IntegrateOptions } from './integrate.ts';
export { klDivergence } from './kl-divergence.ts';
export type { AnyDistribution } from './kl-divergence.ts';
export { crossEntropy } from './cross-entropy.ts';
export { JointTable } from './joint-table.ts';
export { jointTable } from './joint-table-factory.ts';
export type {
  Assignment,
  BayesResult,
  ChainFactor,
  ChainRule,
  JointTableJSON,
  JointTableSpec,
  NestedProbs,
  Variable,
  VariableSpec,
} from './joint-table-types.ts';
export type { FormatOptions } from './joint-table-format.ts';
export { jointFromSamples } from './joint-from-samples.ts';
export type { JointFromSamplesOptions } from './joint-from-samples.ts';
export { jointFromPrior } from './joint-from-prior.ts';
export type { LikelihoodSpec, PriorSpec } from './joint-from-prior.ts';
