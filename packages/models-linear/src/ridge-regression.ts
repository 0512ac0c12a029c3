import { requireOptions, ValueError } from '@gradlab/core-tensor';
import type { Matrix } from './design.ts';
import { leastSquares } from './linalg/least-squares.ts';
import { centre, interceptFor } from './linear-predictor.ts';
import type { LinearRegressor, RegressionSolution, RegressorOptions } from './regressor-base.ts';
import { RegressorBase } from './regressor-base.ts';

/** Options of {@link ridgeRegression}. */
export interface RidgeRegressionOptions extends RegressorOptions {
  /**
   * λ ≥ 0 in the notes' regularised training loss L_D(θ) + (λ/N)‖w‖² (default 1). The same number
   * is scikit-learn's `Ridge(alpha=λ)`: see {@link sklearnAlpha}.
   */
  lambda?: number;
}

/**
 * Ridge regression in closed form.
 * @internal made by {@link ridgeRegression}
 */
export class RidgeRegression extends RegressorBase {
  readonly name: string;
  readonly lambda: number;

  constructor(options: RidgeRegressionOptions) {
    super(options);
    const lambda = options.lambda ?? 1;
    if (!(lambda >= 0) || !Number.isFinite(lambda)) {
      throw new ValueError('the regularisation strength must be a finite number >= 0', { pkg: 'models-linear', op: 'ridgeRegression', arg: 'options.lambda', expected: 'λ >= 0', received: lambda });
    }
    this.lambda = lambda;
    this.name = `ridge(lambda=${lambda})`;
  }

  protected solve(x: Matrix, t: Float64Array): RegressionSolution {
    const [n, d] = x.shape;
    const c = centre(x, t, this.fitIntercept);
    // (XᵀX + λI) w = Xᵀt is the least-squares problem of the stacked design [X; √λ I] w ≈ [t; 0],
    // solved through its SVD without forming XᵀX (whose condition number is the square of X's).
    const a = new Float64Array((n + d) * d);
    a.set(c.x.data);
    const root = Math.sqrt(this.lambda);
    for (let j = 0; j < d; j++) a[(n + j) * d + j] = root;
    const b = new Float64Array(n + d);
    b.set(c.t);
    const r = leastSquares(a, n + d, d, b);
    const warnings: string[] = [];
    if (r.rank < d) {
      warnings.push(`[gradlab/models-linear] RidgeRegression.fit: with λ = ${this.lambda} the design is rank-deficient (rank ${r.rank} < ${d}); the minimum-norm solution was returned. Hint: use λ > 0.`);
    }
    return { coef: r.solution, intercept: interceptFor(c, r.solution), warnings };
  }
}

/**
 * Ridge regression (L2 regularisation): minimises L_D(θ) + (λ/N)‖w‖² with L_D the mean quadratic
 * loss, i.e. w = (XᵀX + λI)⁻¹Xᵀt on centred data; the intercept is not penalised.
 * @param options `lambda` (default 1), `fitIntercept` (default true), `onWarning`
 * @returns an unfitted model satisfying the `Estimator` contract of `@gradlab/data`
 * @throws ValueError when λ is negative or not finite
 * @example
 * const m = ridgeRegression({ lambda: 0.1 }).fit([[0], [1], [2]], [0, 1, 2]);
 * m.coef; // [0.952...] shrunk from 1 towards 0
 */
export function ridgeRegression(options: RidgeRegressionOptions = {}): RidgeRegression & LinearRegressor {
  options = requireOptions(options, { pkg: 'models-linear', op: 'ridgeRegression' }, ['fitIntercept', 'onWarning', 'lambda']);
  return new RidgeRegression(options);
}
