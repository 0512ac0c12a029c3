import type { Matrix } from '../matrix.ts';

/**
 * The contract every trainable predictor satisfies so that {@link crossValidate},
 * {@link validationCurve} and {@link learningCurve} can use it, whichever package defines it.
 * It is scikit-learn's estimator protocol with gradlab's shapes; check an implementation with
 * `checkEstimator` from `@gradlab/data/testing`.
 */
export interface Estimator {
  /**
   * Learns from a training set, replacing whatever was learned before (ERM on D).
   * @param x inputs `[N, D]`
   * @param t targets `[N]`
   */
  fit(x: Matrix, t: Float64Array): unknown;
  /**
   * The hard prediction t̂(x) for each row.
   * @param x inputs `[M, D]`
   * @returns predictions `[M]`
   */
  predict(x: Matrix): ArrayLike<number>;
  /**
   * The soft prediction q(t|x) of a classifier: one row of class probabilities per input.
   * @param x inputs `[M, D]`
   * @returns probabilities `[M, C]` (each row sums to 1)
   */
  predictProba?(x: Matrix): Matrix;
  /**
   * The estimator's own goodness of fit (higher is better, e.g. R² or accuracy).
   * @param x inputs `[M, D]`
   * @param t targets `[M]`
   */
  score?(x: Matrix, t: Float64Array): number;
}

/** Makes a fresh, unfitted estimator; called once per fold so that folds never share state. */
export type EstimatorFactory = () => Estimator;
