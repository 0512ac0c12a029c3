import { requireOptions, ValueError } from '@gradlab/core-tensor';
import type { Matrix, MatrixInput, VectorInput } from './design.ts';
import { readMatrix, readTrainingSet } from './design.ts';
import type { FeatureMap } from './feature-map.ts';
import { linearRegression } from './linear-regression.ts';

/** The Gaussian predictive distribution p(t|x, θ) = N(t | μ(x), σ²) at each input. */
export interface PredictiveDistribution {
  /** μ(x) = θᵀu(x), `[M]`. */
  readonly mean: Float64Array;
  /** σ² at each input, `[M]` (the same for all: the noise is homoscedastic). */
  readonly variance: Float64Array;
}

/** Options of {@link gaussianLinearRegression}. */
export interface GaussianLinearRegressionOptions {
  /** The feature map u (default: the raw inputs). */
  features?: FeatureMap;
  /** Fit an intercept (default true). */
  fitIntercept?: boolean;
  /** Called with each warning of `fit` (default `console.warn`). */
  onWarning?: (message: string) => void;
}

/** A fitted probabilistic linear regression model p(t|x, θ, σ²) = N(t | θᵀu(x), σ²). */
export interface GaussianLinearRegression {
  /** θ_ML = [b, w] (least squares: ML under Gaussian noise). */
  readonly theta: Float64Array;
  /** σ²_ML = (1/N) Σ (t_n − θ_MLᵀu(x_n))², the maximum-likelihood noise variance. */
  readonly noiseVariance: number;
  /**
   * Maximum-likelihood learning on D: maximising Σ log N(t_n | θᵀu(x_n), σ²) over θ is least
   * squares; over σ² it gives the mean squared residual.
   * @param x inputs `[N, D]`
   * @param t targets `[N]`
   * @returns the model
   */
  fit(x: MatrixInput, t: VectorInput): this;
  /**
   * The mean of the predictive distribution, θᵀu(x): the optimal hard predictor under quadratic loss.
   * @param x inputs `[M, D]`
   * @returns `[M]`
   */
  predict(x: MatrixInput): Float64Array;
  /**
   * The (plug-in) predictive distribution p(t|x, θ_ML, σ²_ML).
   * @param x inputs `[M, D]`
   */
  predictiveDistribution(x: MatrixInput): PredictiveDistribution;
  /**
   * The log-likelihood Σ log N(t_m | θᵀu(x_m), σ²) of (x, t).
   * @param x inputs `[M, D]`
   * @param t targets `[M]`
   */
  logLikelihood(x: MatrixInput, t: VectorInput): number;
  /**
   * The mean log-loss −(1/M) Σ log p(t_m|x_m, θ): the training loss of ML learning.
   * @param x inputs `[M, D]`
   * @param t targets `[M]`
   */
  loss(x: MatrixInput, t: VectorInput): number;
}

/**
 * Linear regression with Gaussian noise as a probabilistic model, p(t|x, θ) = N(t | θᵀu(x), σ²),
 * learned by maximum likelihood (log-loss ERM). θ_ML is the least-squares solution; σ²_ML is the
 * training mean squared error; the predictive distribution is N(θ_MLᵀu(x), σ²_ML).
 * @param options `features` u (default identity), `fitIntercept`, `onWarning`
 * @returns an unfitted model
 * @throws ValueError (from `fit`) when every residual is zero, so that σ²_ML = 0 and the likelihood is unbounded
 * @example
 * const m = gaussianLinearRegression().fit([0, 1, 2, 3], [0.1, 0.9, 2.1, 2.9]);
 * m.predictiveDistribution([4]); // { mean: [≈3.9], variance: [σ²_ML] }
 */
export function gaussianLinearRegression(options: GaussianLinearRegressionOptions = {}): GaussianLinearRegression {
  options = requireOptions(options, { pkg: 'models-linear', op: 'gaussianLinearRegression' }, ['features', 'fitIntercept', 'onWarning']);
  const inner = linearRegression({
    ...(options.fitIntercept !== undefined ? { fitIntercept: options.fitIntercept } : {}),
    ...(options.onWarning !== undefined ? { onWarning: options.onWarning } : {}),
  });
  const u = (x: MatrixInput, op: string): Matrix => {
    const xm = readMatrix(x, op, 'x');
    return options.features === undefined ? xm : options.features.transform(xm);
  };
  let variance: number | undefined;
  const requireFit = (op: string): number => {
    if (variance === undefined) {
      throw new ValueError('the model is not fitted yet', { pkg: 'models-linear', op, expected: 'a call to fit(x, t) first', received: 'an unfitted model', hint: 'call fit(x, t) before predict' });
    }
    return variance;
  };
  return {
    get theta() {
      return inner.theta;
    },
    get noiseVariance() {
      return requireFit('GaussianLinearRegression.noiseVariance');
    },
    fit(x, t) {
      const d = readTrainingSet(x, t, 'GaussianLinearRegression.fit');
      const feats = u(d.x, 'GaussianLinearRegression.fit');
      inner.fit(feats, d.t);
      const mse = inner.loss(feats, d.t);
      let meanSquare = 0;
      for (const v of d.t) meanSquare += v * v;
      // residuals at rounding level mean the model interpolates: σ²_ML is 0 up to rounding
      if (!(mse > 1e-20 * Math.max(1, meanSquare / d.t.length))) {
        throw new ValueError('the model interpolates the data, so σ²_ML = 0 and the likelihood is unbounded', { pkg: 'models-linear', op: 'GaussianLinearRegression.fit', arg: 'x', expected: 'more samples than parameters, or noisy targets', received: `training MSE ${mse}`, hint: 'lower the model order or add data' });
      }
      variance = mse;
      return this;
    },
    predict(x) {
      requireFit('GaussianLinearRegression.predict');
      return inner.predict(u(x, 'GaussianLinearRegression.predict'));
    },
    predictiveDistribution(x) {
      const v = requireFit('GaussianLinearRegression.predictiveDistribution');
      const mean = inner.predict(u(x, 'GaussianLinearRegression.predictiveDistribution'));
      return { mean, variance: new Float64Array(mean.length).fill(v) };
    },
    logLikelihood(x, t) {
      const v = requireFit('GaussianLinearRegression.logLikelihood');
      const d = readTrainingSet(x, t, 'GaussianLinearRegression.logLikelihood');
      const mean = inner.predict(u(d.x, 'GaussianLinearRegression.logLikelihood'));
      let ll = 0;
      for (let i = 0; i < mean.length; i++) ll += -0.5 * Math.log(2 * Math.PI * v) - ((d.t[i] as number) - (mean[i] as number)) ** 2 / (2 * v);
      return ll;
    },
    loss(x, t) {
      const d = readTrainingSet(x, t, 'GaussianLinearRegression.loss');
      return -this.logLikelihood(d.x, d.t) / d.t.length;
    },
  };
}
