/** One point of a validation or learning curve: losses over the folds at one setting. */
export interface CurvePoint<V> {
  /** The hyper-parameter value (validation curve) or training-set size N (learning curve). */
  readonly value: V;
  /** Training loss of each fold's model on the data it was fitted to. */
  readonly trainLosses: number[];
  /** Validation loss of each fold's model on its held-out fold. */
  readonly validationLosses: number[];
  /** Mean and standard deviation (over folds) of the training losses. */
  readonly trainMean: number;
  readonly trainStd: number;
  /** Mean and standard deviation (over folds) of the validation losses. */
  readonly validationMean: number;
  readonly validationStd: number;
}
