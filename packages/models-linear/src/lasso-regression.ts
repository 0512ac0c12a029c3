import { requireOptions, ValueError } from '@gradlab/core-tensor';
import type { Matrix } from './design.ts';
import { centre, interceptFor } from './linear-predictor.ts';
import type { LinearRegressor, RegressionSolution, RegressorOptions } from './regressor-base.ts';
import { RegressorBase } from './regressor-base.ts';

/** Options of {@link lassoRegression}. */
export interface LassoRegressionOptions extends RegressorOptions {
  /**
   * λ ≥ 0 in the notes' regularised training loss L_D(θ) + (λ/N)‖w‖₁ (default 1). scikit-learn's
   * `Lasso(alpha)` minimises (1/2N)‖t − Xw‖² + alpha‖w‖₁, so alpha = λ / (2N): see {@link sklearnAlpha}.
   */
  lambda?: number;
  /** Most coordinate-descent sweeps (default 10000). */
  maxIter?: number;
  /** Stop when no coefficient moved by more than tol · max|w| in a sweep (default 1e-12). */
  tol?: number;
}

/** The soft-thresholding operator S(z, γ) = sign(z) · max(|z| − γ, 0). */
function softThreshold(z: number, gamma: number): number {
  if (z > gamma) return z - gamma;
  if (z < -gamma) return z + gamma;
  return 0;
}

/**
 * LASSO by cyclic coordinate descent.
 * @internal made by {@link lassoRegression}
 */
export class LassoRegression extends RegressorBase {
  readonly name: string;
  readonly lambda: number;
  /** Sweeps used by the last `fit`. */
  iterations = 0;
  private readonly maxIter: number;
  private readonly tol: number;

  constructor(options: LassoRegressionOptions) {
    super(options);
    const lambda = options.lambda ?? 1;
    if (!(lambda >= 0) || !Number.isFinite(lambda)) {
      throw new ValueError('the regularisation strength must be a finite number >= 0', { pkg: 'models-linear', op: 'lassoRegression', arg: 'options.lambda', expected: 'λ >= 0', received: lambda });
    }
    this.lambda = lambda;
    this.maxIter = options.maxIter ?? 10000;
    this.tol = options.tol ?? 1e-12;
    this.name = `lasso(lambda=${lambda})`;
  }

  protected solve(x: Matrix, t: Float64Array): RegressionSolution {
    const [n, d] = x.shape;
    const c = centre(x, t, this.fitIntercept);
    // Each column is divided by its largest |entry| s_j, so ‖x_j‖² cannot overflow (features of
    // 1e160 gave ∞ norms and a zero coefficient). With v_j = s_j·w_j the penalty λ|w_j| becomes
    // (λ/s_j)|v_j|; w_j = v_j / s_j at the end.
    const raw = c.x.data;
    const scale = new Float64Array(d).fill(1);
    for (let j = 0; j < d; j++) {
      let m = 0;
      for (let i = 0; i < n; i++) m = Math.max(m, Math.abs(raw[i * d + j] as number));
      if (m > 0 && Number.isFinite(m)) scale[j] = m;
    }
    const xs = raw.map((v, k) => v / (scale[k % d] as number));
    const w = new Float64Array(d);
    const r = Float64Array.from(c.t); // residual t − Xw
    const colNorm = new Float64Array(d);
    for (let j = 0; j < d; j++) {
      let s = 0;
      for (let i = 0; i < n; i++) s += (xs[i * d + j] as number) ** 2;
      colNorm[j] = s;
    }
    // Σ(t − Xw)² + λ‖w‖₁ is minimised in w_j alone by w_j = S(x_jᵀ r_{−j}, λ/2) / ‖x_j‖².
    const half = this.lambda / 2;
    let sweep = 0;
    let converged = false;
    for (; sweep < this.maxIter && !converged; sweep++) {
      let maxDelta = 0;
      let maxW = 0;
      for (let j = 0; j < d; j++) {
        const nj = colNorm[j] as number;
        if (nj === 0) continue;
        const old = w[j] as number;
        let rho = 0;
        for (let i = 0; i < n; i++) rho += (xs[i * d + j] as number) * ((r[i] as number) + (xs[i * d + j] as number) * old);
        const next = softThreshold(rho, half / (scale[j] as number)) / nj;
        const delta = next - old;
        if (delta !== 0) {
          for (let i = 0; i < n; i++) r[i] = (r[i] as number) - (xs[i * d + j] as number) * delta;
          w[j] = next;
        }
        maxDelta = Math.max(maxDelta, Math.abs(delta));
        maxW = Math.max(maxW, Math.abs(next));
      }
      converged = maxDelta <= this.tol * Math.max(maxW, 1e-300) || maxDelta === 0;
    }
    this.iterations = sweep;
    const warnings = converged ? [] : [`[gradlab/models-linear] LassoRegression.fit: coordinate descent did not converge in ${this.maxIter} sweeps. Hint: raise maxIter or tol, or scale the features.`];
    for (let j = 0; j < d; j++) w[j] = (w[j] as number) / (scale[j] as number);
    return { coef: w, intercept: interceptFor(c, w), warnings };
  }
}

/**
 * LASSO (L1 regularisation): minimises L_D(θ) + (λ/N)‖w‖₁ with L_D the mean quadratic loss, by
 * cyclic coordinate descent with soft thresholding; the intercept is not penalised. Large λ sets
 * coefficients exactly to zero.
 * @param options `lambda` (default 1), `maxIter`, `tol`, `fitIntercept` (default true), `onWarning`
 * @returns an unfitted model satisfying the `Estimator` contract of `@gradlab/data`
 * @throws ValueError when λ is negative or not finite
 * @example
 * const m = lassoRegression({ lambda: 0.5 }).fit([[0, 1], [1, 0], [2, 1], [3, 0]], [0, 1, 2, 3]);
 * m.coef; // [≈0.98, 0]: the useless second feature is dropped
 */
export function lassoRegression(options: LassoRegressionOptions = {}): LassoRegression & LinearRegressor {
  options = requireOptions(options, { pkg: 'models-linear', op: 'lassoRegression' }, ['fitIntercept', 'onWarning', 'lambda', 'maxIter', 'tol']);
  return new LassoRegression(options);
}
