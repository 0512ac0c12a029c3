/** A JSON value: what a schedule's or optimizer's `config` may hold, so it can be saved and reloaded. */
export type JsonValue = number | string | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/**
 * How a schedule behaves as `i → ∞`, for the analytic Robbins–Monro check:
 * - `power`: γ^(i) ≍ c · i^(−exponent) for some c > 0 (a constant is `exponent: 0`);
 * - `geometric`: γ^(i) ≍ c · ratio^i (exponential and step decay);
 * - `zero`: γ^(i) = 0 from some i on (cosine annealing to 0).
 */
export type ScheduleTail =
  | { readonly kind: 'power'; readonly exponent: number }
  | { readonly kind: 'geometric'; readonly ratio: number }
  | { readonly kind: 'zero' };

/**
 * The learning-rate schedule contract: a plain object with an `id` (its name in
 * `builtinSchedules`, the CLI and saved configs), its `config` (JSON, enough to rebuild it), and
 * `at(i)`, the step size γ^(i) of update `i = 1, 2, ...`.
 *
 * A schedule that knows its asymptotics declares `tail`, and {@link checkRobbinsMonro} answers
 * analytically; without it the check estimates the decay numerically.
 */
export interface Schedule {
  /** The schedule's name, e.g. `robbins-monro`. */
  readonly id: string;
  /** The hyper-parameters that rebuild it with its factory. */
  readonly config: { readonly [key: string]: JsonValue };
  /**
   * The step size of update `i`.
   * @param i the iteration, an integer `>= 1`
   * @returns γ^(i) `>= 0`
   */
  at(i: number): number;
  /** Asymptotic behaviour, if known in closed form. */
  readonly tail?: ScheduleTail;
}

/**
 * The batch-size schedule contract: `at(i)` is the mini-batch size S^(i) of update `i >= 1`
 * (an integer `>= 1`), e.g. growing batch sizes that lower the gradient noise as SGD converges.
 */
export interface BatchSizeSchedule {
  /** The schedule's name, e.g. `geometric-batch-size`. */
  readonly id: string;
  /** The hyper-parameters that rebuild it. */
  readonly config: { readonly [key: string]: JsonValue };
  /**
   * The batch size of update `i`.
   * @param i the iteration, an integer `>= 1`
   * @returns S^(i), an integer `>= 1`
   */
  at(i: number): number;
}
