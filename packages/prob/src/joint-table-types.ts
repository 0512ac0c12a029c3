import type { Value } from './distribution.ts';

/** A named discrete variable and the values it takes, in order. */
export interface Variable {
  readonly name: string;
  readonly values: readonly Value[];
}

/** A variable as given to {@link jointTable}: values default to 0, 1, …, k − 1. */
export interface VariableSpec {
  name: string;
  values?: readonly Value[];
}

/** Probabilities nested one array level per variable (first variable outermost). */
export type NestedProbs = number | readonly NestedProbs[];

/** The input of {@link jointTable}. */
export interface JointTableSpec {
  /** The variables in order; a bare string is a name with values 0, 1, …. */
  variables: readonly (VariableSpec | string)[];
  /** Nested arrays `probs[i][j]…`, or a flat row-major list (last variable fastest). */
  probs: readonly NestedProbs[] | ArrayLike<number>;
}

/** Values of some of the variables, by name: `{ x2: 0 }`. */
export type Assignment = Readonly<Record<string, Value>>;

/** One factor p(target | given) of the chain rule; rows are indexed by the given variables' values. */
export interface ChainFactor {
  readonly target: string;
  readonly given: readonly string[];
  /** One row per assignment of `given` (one row when `given` is empty). */
  readonly rows: readonly {
    readonly given: Assignment;
    /** p(target = values[k] | given); uniform when `defined` is false. */
    readonly probs: readonly number[];
    /** False when p(given) = 0, where the conditional is not defined. */
    readonly defined: boolean;
  }[];
}

/** What {@link JointTable.chainRule} returns. */
export interface ChainRule {
  readonly order: readonly string[];
  /** p(x₁), p(x₂ | x₁), …, p(xₙ | x₁, …, xₙ₋₁). */
  readonly factors: readonly ChainFactor[];
  /** The largest |Π factors − p| over all assignments (0 up to rounding). */
  readonly maxError: number;
}

/** What {@link JointTable.bayes} returns: each array is indexed like `values`. */
export interface BayesResult {
  readonly target: string;
  readonly values: readonly Value[];
  /** p(t). */
  readonly prior: readonly number[];
  /** p(evidence | t); 0 where p(t) = 0. */
  readonly likelihood: readonly number[];
  /** p(evidence) = Σ_t p(t) p(evidence | t). */
  readonly evidence: number;
  /** p(t | evidence) = p(t) p(evidence | t) / p(evidence). */
  readonly posterior: readonly number[];
}

/** The JSON form of a table. */
export interface JointTableJSON {
  variables: { name: string; values: Value[] }[];
  probs: NestedProbs[];
}
