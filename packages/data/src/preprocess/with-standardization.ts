import type { Matrix } from '../matrix.ts';
import type { Estimator, EstimatorFactory } from '../selection/estimator.ts';
import { standardScaler } from './standard-scaler.ts';
import type { StandardScaler } from './standard-scaler.ts';

/** An estimator preceded by a {@link StandardScaler} fitted on its training inputs only. */
export interface StandardizedEstimator extends Estimator {
  /** The scaler, fitted in the last `fit` on the training inputs it received. */
  readonly scaler: StandardScaler;
  /** The wrapped estimator, which sees standardised inputs. */
  readonly estimator: Estimator;
}

/**
 * Wraps an estimator factory into a two-step pipeline, scaler then estimator (scikit-learn's
 * `make_pipeline(StandardScaler(), est)`). `fit(x, t)` fits the scaler on `x` alone, so inside
 * {@link crossValidate} each fold standardises with its training split's mean and scale and the
 * validation fold never leaks into them.
 * @param factory makes the fresh, unfitted estimator to wrap
 * @returns a factory of {@link StandardizedEstimator}s with the wrapped estimator's methods
 * @example
 * const cv = crossValidate(withStandardization(() => logisticRegression()), loadBreastCancer(), { k: 5, loss: 'logLoss' });
 */
export function withStandardization(factory: EstimatorFactory): () => StandardizedEstimator {
  return () => {
    const inner = factory();
    const scaler = standardScaler();
    const z = (x: Matrix): Matrix => scaler.transform(x);
    const est: StandardizedEstimator = {
      scaler,
      estimator: inner,
      fit(x, t) {
        scaler.fit(x);
        inner.fit(z(x), t);
        return est;
      },
      predict: (x) => inner.predict(z(x)),
      ...(inner.predictProba === undefined ? {} : { predictProba: (x: Matrix) => (inner.predictProba as (x: Matrix) => Matrix).call(inner, z(x)) }),
      ...(inner.score === undefined ? {} : { score: (x: Matrix, t: Float64Array) => (inner.score as (x: Matrix, t: Float64Array) => number).call(inner, z(x), t) }),
    };
    return est;
  };
}
