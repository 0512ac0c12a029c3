import { requireOptions } from '@gradlab/core-tensor';
import type { Matrix } from './design.ts';
import { leastSquares } from './linalg/least-squares.ts';
import { centre, interceptFor } from './linear-predictor.ts';
import type { LinearRegressor, RegressionSolution, RegressorOptions } from './regressor-base.ts';
import { RegressorBase } from './regressor-base.ts';
import type { GradientTrainingOptions } from './gradient-training.ts';
import { trainByGradient } from './gradient-training.ts';

/** Options of {@link linearRegression}. */
export interface LinearRegressionOptions extends RegressorOptions {
  /**
   * `lstsq` (default): the closed-form ERM solution θ = (XᵀX)⁻¹Xᵀt, computed stably through the
   * SVD of X (minimum-norm when X is rank-deficient). `gradient`: GD/SGD on the quadratic training
   * loss with an optimizer of `@gradlab/optim` (see `training`).
   */
  solver?: 'lstsq' | 'gradient';
  /** Relative cutoff below which singular values count as zero (default ε · max(N, D)). */
  rcond?: number;
  /** Optimizer, epochs, batch size and seed for `solver: 'gradient'`. */
  training?: GradientTrainingOptions;
}

/**
 * Ordinary least squares by ERM under quadratic loss.
 * @internal made by {@link linearRegression}
 */
export class LinearRegression extends RegressorBase {
  readonly name = 'linear';
  /** The numerical rank of the (centred) design seen by the last closed-form `fit`. */
  rank = 0;
  /** Training loss after each epoch of the last gradient `fit`. */
  lossHistory: number[] = [];
  private readonly options: LinearRegressionOptions;

  constructor(options: LinearRegressionOptions) {
    super(options);
    this.options = options;
  }

  protected solve(x: Matrix, t: Float64Array): RegressionSolution {
    const [n, d] = x.shape;
    if (this.options.solver === 'gradient') {
      const r = trainByGradient('quadratic', x, t, this.fitIntercept, 0, this.options.training ?? {}, 'LinearRegression.fit');
      this.lossHistory = r.lossHistory;
      return { coef: r.coef, intercept: r.intercept[0] as number, warnings: [] };
    }
    const c = centre(x, t, this.fitIntercept);
    const r = leastSquares(c.x.data, n, d, c.t, this.options.rcond);
    this.rank = r.rank;
    const warnings: string[] = [];
    if (r.rank < d) {
      warnings.push(
        `[gradlab/models-linear] LinearRegression.fit: the design is rank-deficient (rank ${r.rank} < ${d} features${n < d + (this.fitIntercept ? 1 : 0) ? `, N = ${n} samples` : ''}); ` +
          'XᵀX is singular, so the minimum-norm least-squares solution was returned. Hint: lower the model order, drop collinear features or use ridge.',
      );
    }
    return { coef: r.solution, intercept: interceptFor(c, r.solution), warnings };
  }
}

/**
 * Least squares: the ERM predictor t̂(x) = θᵀu(x) under quadratic loss, θ = (XᵀX)⁻¹Xᵀt. Solved
 * through the SVD of the (centred) design rather than by inverting XᵀX, so an ill-conditioned X
 * loses no accuracy and a rank-deficient X gives the minimum-norm solution plus a warning.
 * @param options `fitIntercept` (default true), `solver` (`lstsq` or `gradient`), `rcond`, `training`, `onWarning`
 * @returns an unfitted model satisfying the `Estimator` contract of `@gradlab/data`
 * @throws ValueError (from `fit`) for NaN features or targets, an empty training set, or `predict` before `fit`; ShapeError for mismatched sizes
 * @example
 * // the notes' example: trained on x ∈ {2, 3} only, θ = (2, 0)
 * const m = linearRegression().fit([2, 3], [2, 2]);
 * m.theta; // [2, 0]
 * m.loss([0, 1, 2, 3], [0, 1, 2, 2]); // 1.25
 */
export function linearRegression(options: LinearRegressionOptions = {}): LinearRegression & LinearRegressor {
  options = requireOptions(options, { pkg: 'models-linear', op: 'linearRegression' }, ['fitIntercept', 'onWarning', 'solver', 'rcond', 'training']);
  return new LinearRegression(options);
}
