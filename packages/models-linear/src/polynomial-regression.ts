import { ValueError, requireOptions } from '@gradlab/core-tensor';
import { polynomialFeatureMap } from './feature-map.ts';
import { lassoRegression } from './lasso-regression.ts';
import type { LassoRegression } from './lasso-regression.ts';
import { linearRegression } from './linear-regression.ts';
import type { LinearRegression } from './linear-regression.ts';
import type { LinearRegressor } from './regressor-base.ts';
import { ridgeRegression } from './ridge-regression.ts';
import type { RidgeRegression } from './ridge-regression.ts';
import type { FeaturePipeline } from './with-features.ts';
import { withFeatures } from './with-features.ts';

/** Options of {@link polynomialRegression}. */
export interface PolynomialRegressionOptions {
  /** M, the model order (default 3). */
  degree?: number;
  /** `none` (least squares, default), `ridge` (L2) or `lasso` (L1). */
  penalty?: 'none' | 'ridge' | 'lasso';
  /** λ of the penalty (λ/N)R(θ) (default 0 for `none`, 1 otherwise). */
  lambda?: number;
  /** Called with each warning of `fit` (default `console.warn`). */
  onWarning?: (message: string) => void;
}

/**
 * Polynomial regression of order M on a scalar (or vector) input: t̂(x) = θᵀu(x) with
 * u(x) = [1, x, ..., x^M], trained by least squares, ridge or LASSO. θ₀ is the unpenalised
 * intercept; `model.theta` is [θ₀, ..., θ_M].
 * @param options `degree` M (default 3), `penalty`, `lambda`, `onWarning`
 * @returns an unfitted pipeline satisfying the `Estimator` contract of `@gradlab/data`
 * @throws ValueError when M is not a non-negative integer or λ is negative
 * @example
 * const m = polynomialRegression({ degree: 3 }).fit(d.x, d.t); // the notes' good fit for N = 10
 * m.model.theta; // [θ0, θ1, θ2, θ3]
 */
export function polynomialRegression(options: PolynomialRegressionOptions = {}): FeaturePipeline<(LinearRegression | RidgeRegression | LassoRegression) & LinearRegressor> {
  options = requireOptions(options, { pkg: 'models-linear', op: 'polynomialRegression' }, ['degree', 'penalty', 'lambda', 'onWarning']);
  const degree = options.degree ?? 3;
  if (!Number.isInteger(degree) || degree < 0) {
    throw new ValueError('the model order must be a non-negative integer', { pkg: 'models-linear', op: 'polynomialRegression', arg: 'options.degree', expected: 'an integer M >= 0', received: degree });
  }
  const common = options.onWarning !== undefined ? { onWarning: options.onWarning } : {};
  const penalty = options.penalty ?? 'none';
  const model =
    penalty === 'ridge'
      ? ridgeRegression({ lambda: options.lambda ?? 1, ...common })
      : penalty === 'lasso'
        ? lassoRegression({ lambda: options.lambda ?? 1, ...common })
        : linearRegression(common);
  return withFeatures(polynomialFeatureMap(degree, { bias: false }), model);
}
