import { requireBoolean, requireFunction, ValueError } from '@gradlab/core-tensor';
import type { Matrix, MatrixInput, VectorInput } from './design.ts';
import { checkFeatures, readMatrix, readTrainingSet } from './design.ts';
import { linearScores, meanSquaredError, rSquared } from './linear-predictor.ts';

/** What every fitted linear regressor exposes besides the `Estimator` methods. */
export interface LinearRegressor {
  /** The model's name, e.g. `ridge(lambda=0.1)`. */
  readonly name: string;
  /** Weights w `[D]` of the fitted model t̂(x) = wᵀx + b (empty before `fit`). */
  readonly coef: Float64Array;
  /** The intercept b (0 when `fitIntercept` is false). */
  readonly intercept: number;
  /** θ = [b, w₁, ..., w_D] when an intercept is fitted, else w: the notes' parameter vector. */
  readonly theta: Float64Array;
  /** Warnings raised by the last `fit` (rank deficiency, no convergence). */
  readonly warnings: readonly string[];
  /**
   * Learns θ from D = {(x_n, t_n)} (replacing what was learned before).
   * @param x inputs `[N, D]`
   * @param t targets `[N]`
   * @returns the model itself
   */
  fit(x: MatrixInput, t: VectorInput): this;
  /**
   * The hard prediction t̂(x) = θᵀu(x).
   * @param x inputs `[M, D]`
   * @returns `[M]`
   */
  predict(x: MatrixInput): Float64Array;
  /**
   * R² on (x, t), scikit-learn's regressor score.
   * @param x inputs `[M, D]`
   * @param t targets `[M]`
   */
  score(x: MatrixInput, t: VectorInput): number;
  /**
   * The quadratic loss L = (1/M) Σ (t_m − t̂(x_m))² on (x, t): the training loss on D, the
   * validation or test loss elsewhere.
   * @param x inputs `[M, D]`
   * @param t targets `[M]`
   */
  loss(x: MatrixInput, t: VectorInput): number;
}

/** The fitted coefficients a solver returns. */
export interface RegressionSolution {
  coef: Float64Array;
  intercept: number;
  warnings: string[];
}

/** Common options of the regressors. */
export interface RegressorOptions {
  /** Fit an unpenalised intercept b (default true). With false, put a column of ones in x yourself. */
  fitIntercept?: boolean;
  /** Called with each warning of `fit` (default `console.warn`); pass `() => {}` to silence. */
  onWarning?: (message: string) => void;
}

/**
 * Shared state and methods of the linear regressors; subclasses supply the solver.
 * @internal
 */
export abstract class RegressorBase implements LinearRegressor {
  abstract readonly name: string;
  coef: Float64Array = new Float64Array(0);
  intercept = 0;
  warnings: string[] = [];
  protected features: number | undefined = undefined;
  protected readonly fitIntercept: boolean;
  private readonly onWarning: (message: string) => void;

  constructor(options: RegressorOptions) {
    const op = this.constructor.name;
    if (options === null || typeof options !== 'object') {
      throw new ValueError('options must be an object', { pkg: 'models-linear', op, arg: 'options', expected: 'an options object', received: options === null ? 'null' : typeof options });
    }
    if (options.fitIntercept !== undefined) requireBoolean(options.fitIntercept, { pkg: 'models-linear', op, arg: 'options.fitIntercept' });
    if (options.onWarning !== undefined) requireFunction(options.onWarning, { pkg: 'models-linear', op, arg: 'options.onWarning' });
    this.fitIntercept = options.fitIntercept ?? true;
    this.onWarning = options.onWarning ?? ((m: string) => console.warn(m));
  }

  protected abstract solve(x: Matrix, t: Float64Array): RegressionSolution;

  get theta(): Float64Array {
    if (!this.fitIntercept) return this.coef.slice();
    const out = new Float64Array(this.coef.length + 1);
    out[0] = this.intercept;
    out.set(this.coef, 1);
    return out;
  }

  fit(x: MatrixInput, t: VectorInput): this {
    const d = readTrainingSet(x, t, `${this.constructor.name}.fit`);
    const s = this.solve(d.x, d.t);
    this.coef = s.coef;
    this.intercept = s.intercept;
    this.warnings = s.warnings;
    this.features = d.x.shape[1];
    for (const w of s.warnings) this.onWarning(w);
    return this;
  }

  predict(x: MatrixInput): Float64Array {
    const op = `${this.constructor.name}.predict`;
    const xm = readMatrix(x, op, 'x');
    checkFeatures(this.features, xm, op);
    return linearScores(xm, this.coef, this.intercept);
  }

  score(x: MatrixInput, t: VectorInput): number {
    const d = readTrainingSet(x, t, `${this.constructor.name}.score`);
    return rSquared(d.t, this.predict(d.x));
  }

  loss(x: MatrixInput, t: VectorInput): number {
    const d = readTrainingSet(x, t, `${this.constructor.name}.loss`);
    return meanSquaredError(d.t, this.predict(d.x));
  }
}
