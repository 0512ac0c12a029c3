// @gradlab/models-linear: Least squares, ridge, LASSO, perceptron and logistic regression.
export type { Matrix, MatrixInput, VectorInput } from './design.ts';

// feature maps
export { polynomialFeatures, monomialExponents } from './polynomial-features.ts';
export type { PolynomialFeaturesOptions } from './polynomial-features.ts';
export { polynomialFeatureMap, featureMap, randomFeatures, applyFeatures } from './feature-map.ts';
export type { FeatureMap, RandomFeaturesOptions } from './feature-map.ts';
export { withFeatures } from './with-features.ts';
export type { FeatureModel, FeaturePipeline } from './with-features.ts';

// regression
export type { LinearRegressor, RegressorOptions } from './regressor-base.ts';
export { linearRegression } from './linear-regression.ts';
export type { LinearRegression, LinearRegressionOptions } from './linear-regression.ts';
export { ridgeRegression } from './ridge-regression.ts';
export type { RidgeRegression, RidgeRegressionOptions } from './ridge-regression.ts';
export { lassoRegression } from './lasso-regression.ts';
export type { LassoRegression, LassoRegressionOptions } from './lasso-regression.ts';
export { polynomialRegression } from './polynomial-regression.ts';
export type { PolynomialRegressionOptions } from './polynomial-regression.ts';
export { sklearnAlpha, lambdaFromSklearn } from './sklearn-alpha.ts';
export { gaussianLinearRegression } from './gaussian-linear-regression.ts';
export type { GaussianLinearRegression, GaussianLinearRegressionOptions, PredictiveDistribution } from './gaussian-linear-regression.ts';

// classification
export type { LinearClassifier } from './classifier-base.ts';
export { perceptron } from './perceptron.ts';
export type { Perceptron, PerceptronOptions } from './perceptron.ts';
export { logisticRegression } from './logistic-regression.ts';
export type { LogisticRegression, LogisticRegressionModel, LogisticRegressionOptions } from './logistic-regression.ts';
export { trainByGradient } from './gradient-training.ts';
export type { GradientTrainingOptions, GradientTrainingResult, LinearLossKind, TrainingStep } from './gradient-training.ts';

// bias versus estimation error
export { sinusoidPopulation, populationLoss } from './population.ts';
export type { RegressionPopulation } from './population.ts';
export { bestInClass, biasEstimationDecomposition, biasEstimationSweep } from './bias-estimation.ts';
export type { BiasEstimationOptions, BiasEstimationResult, BiasEstimationRow, BiasEstimationSweepOptions } from './bias-estimation.ts';
export { pointwiseDecomposition } from './pointwise-decomposition.ts';
export type { PointwiseDecompositionOptions, PointwiseRow } from './pointwise-decomposition.ts';
export { doubleDescent } from './double-descent.ts';
export type { DoubleDescentOptions, DoubleDescentRow } from './double-descent.ts';
export { polynomialFitCurves } from './polynomial-fit-curves.ts';
export type { PolynomialFitCurve, PolynomialFitCurvesOptions } from './polynomial-fit-curves.ts';
