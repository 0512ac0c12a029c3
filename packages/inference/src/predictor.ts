import type { Assignment, Value } from '@gradlab/prob';

/** What a predictor sees: the observed variables by name (table), or the observed components (Gaussian). */
export type Observation = Assignment | readonly number[];

/** A hard predictor x → t̂(x). */
export type HardPredictor<X = Assignment> = (x: X) => Value;

/** A soft prediction q(· | x): anything with a pmf or pdf, e.g. a `categorical` or a `gaussian`. */
export interface SoftPrediction {
  prob(t: Value): number;
}

/** A soft predictor x → q(· | x). */
export type SoftPredictor<X = Assignment> = (x: X) => SoftPrediction;
