import { requireObject, ValueError } from '@gradlab/core-tensor';
import type { Matrix, MatrixInput, VectorInput } from './design.ts';
import { readMatrix } from './design.ts';
import type { FeatureMap } from './feature-map.ts';

/** The methods a model needs so that {@link withFeatures} can put a feature map in front of it. */
export interface FeatureModel {
  fit(x: Matrix, t: VectorInput): unknown;
  predict(x: Matrix): ArrayLike<number>;
  score?(x: Matrix, t: VectorInput): number;
  loss?(x: Matrix, t: VectorInput): number;
  predictProba?(x: Matrix): Matrix;
}

/** A model trained on u(x) instead of x: t̂(x) = θᵀu(x). */
export interface FeaturePipeline<M extends FeatureModel> {
  /** `features + model` names. */
  readonly name: string;
  /** The feature map u. */
  readonly features: FeatureMap;
  /** The model fitted on u(x) (its θ are the notes' θ). */
  readonly model: M;
  /**
   * Fits the model on (u(x_n), t_n).
   * @param x raw inputs `[N, D]`
   * @param t targets `[N]`
   * @returns the pipeline
   */
  fit(x: MatrixInput, t: VectorInput): this;
  /**
   * The model's hard prediction at u(x).
   * @param x raw inputs `[M, D]`
   * @returns `[M]`
   */
  predict(x: MatrixInput): Float64Array;
  /**
   * The model's score at u(x) (R² for regressors, accuracy for classifiers).
   * @param x raw inputs `[M, D]`
   * @param t targets `[M]`
   */
  score(x: MatrixInput, t: VectorInput): number;
  /**
   * The model's loss at u(x) (quadratic for regressors, log-loss for logistic regression).
   * @param x raw inputs `[M, D]`
   * @param t targets `[M]`
   */
  loss(x: MatrixInput, t: VectorInput): number;
  /**
   * The model's soft prediction at u(x), when it has one.
   * @param x raw inputs `[M, D]`
   */
  predictProba?(x: MatrixInput): Matrix;
}

/**
 * Composes a feature map and a linear model into one estimator: `fit(x, t)` trains the model on
 * u(x), `predict(x)` evaluates it at u(x). Polynomial regression is
 * `withFeatures(polynomialFeatureMap(M, { bias: false }), linearRegression())`.
 * @param features the feature map u
 * @param model a model with `fit`/`predict` (and optionally `score`, `loss`, `predictProba`)
 * @returns the pipeline, satisfying the `Estimator` contract of `@gradlab/data`
 * @throws ValueError from `score`/`loss` when the model has no such method
 * @example
 * const m = withFeatures(polynomialFeatureMap(3, { bias: false }), linearRegression()).fit(x, t);
 * m.model.theta; // [θ0, θ1, θ2, θ3]
 */
export function withFeatures<M extends FeatureModel>(features: FeatureMap, model: M): FeaturePipeline<M> {
  requireObject(features, { pkg: 'models-linear', op: 'withFeatures', arg: 'features' }, ['transform']);
  requireObject(model, { pkg: 'models-linear', op: 'withFeatures', arg: 'model' }, ['fit', 'predict']);
  const u = (x: MatrixInput, op: string): Matrix => features.transform(readMatrix(x, op, 'x'));
  const pipeline: FeaturePipeline<M> = {
    name: `${features.name} + ${(model as { name?: string }).name ?? 'model'}`,
    features,
    model,
    fit(x, t) {
      model.fit(u(x, 'withFeatures.fit'), t);
      return this;
    },
    predict(x) {
      return Float64Array.from(model.predict(u(x, 'withFeatures.predict')));
    },
    score(x, t) {
      if (model.score === undefined) throw new ValueError('the model has no score method', { pkg: 'models-linear', op: 'withFeatures.score', arg: 'model', expected: 'a model with score(x, t)', received: 'no score method' });
      return model.score(u(x, 'withFeatures.score'), t);
    },
    loss(x, t) {
      if (model.loss === undefined) throw new ValueError('the model has no loss method', { pkg: 'models-linear', op: 'withFeatures.loss', arg: 'model', expected: 'a model with loss(x, t)', received: 'no loss method' });
      return model.loss(u(x, 'withFeatures.loss'), t);
    },
  };
  if (model.predictProba !== undefined) {
    const proba = model.predictProba.bind(model);
    pipeline.predictProba = (x) => proba(u(x, 'withFeatures.predictProba'));
  }
  return pipeline;
}
