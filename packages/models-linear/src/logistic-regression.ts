import { requireOptions, ValueError } from '@gradlab/core-tensor';
import type { Matrix, MatrixInput, VectorInput } from './design.ts';
import { readTrainingSet } from './design.ts';
import { countClasses } from './class-labels.ts';
import type { LinearClassifier } from './classifier-base.ts';
import { ClassifierBase } from './classifier-base.ts';
import type { GradientTrainingOptions } from './gradient-training.ts';
import { trainByGradient } from './gradient-training.ts';
import { leastSquares } from './linalg/least-squares.ts';

/** Options of {@link logisticRegression}. */
export interface LogisticRegressionOptions {
  /**
   * `newton` (IRLS, the default for up to 300 parameters): Newton's method with a backtracking line
   * search, converging to machine precision in a few steps; `gradient`: GD/SGD with any optimizer
   * and schedule of `@gradlab/optim` (see `training`), the notes' update θ ← θ − γ(σ(θᵀu) − t)u.
   */
  solver?: 'newton' | 'gradient';
  /** `binary` (labels must be 0/1, sigmoid), `softmax` (softmax regression), `auto` (default: binary if all labels are 0/1). */
  multiClass?: 'binary' | 'softmax' | 'auto';
  /** C for softmax when a training set may miss some classes (default: largest label + 1). */
  classes?: number;
  /** λ ≥ 0 of the L2 penalty in L_D(θ) + (λ/N)‖w‖² (default 0); scikit-learn's C = 1/(2λ). */
  lambda?: number;
  /** Fit an unpenalised intercept (default true). */
  fitIntercept?: boolean;
  /** Newton: most iterations (default 100). */
  maxIter?: number;
  /** Newton: stop when the largest gradient entry of the objective is below tol (default 1e-12). */
  tol?: number;
  /** Optimizer, epochs, batch size, seed and step callback for `solver: 'gradient'`. */
  training?: GradientTrainingOptions;
  /** Called with each warning of `fit` (default `console.warn`). */
  onWarning?: (message: string) => void;
}

/** A fitted logistic (or softmax) regression: a linear classifier with soft predictions. */
export interface LogisticRegressionModel extends LinearClassifier {
  /**
   * The soft prediction q(t|x): `[M, C]` class probabilities (for a binary model the columns are
   * 1 − σ(θᵀu(x)) and σ(θᵀu(x))).
   * @param x inputs `[M, D]`
   */
  predictProba(x: MatrixInput): Matrix;
  /**
   * The mean log-loss (cross-entropy) −(1/M) Σ log q(t_m|x_m) on (x, t), without the penalty.
   * @param x inputs `[M, D]`
   * @param t labels `[M]`
   */
  loss(x: MatrixInput, t: VectorInput): number;
  /** Newton iterations (or optimizer updates) of the last `fit`. */
  readonly iterations: number;
  /** The regularised training loss after each epoch of the last gradient `fit`. */
  readonly lossHistory: readonly number[];
}

/** Class probabilities for one row of scores: sigmoid (one score) or softmax (C scores). */
function probabilities(s: Float64Array, out: Float64Array): void {
  if (s.length === 1) {
    const p = 1 / (1 + Math.exp(-(s[0] as number)));
    out[0] = 1 - p;
    out[1] = p;
    return;
  }
  let m = -Infinity;
  for (const v of s) m = Math.max(m, v);
  let z = 0;
  for (let c = 0; c < s.length; c++) z += Math.exp((s[c] as number) - m);
  for (let c = 0; c < s.length; c++) out[c] = Math.exp((s[c] as number) - m) / z;
}

/**
 * Logistic and softmax regression.
 * @internal made by {@link logisticRegression}
 */
export class LogisticRegression extends ClassifierBase implements LogisticRegressionModel {
  readonly name: string;
  iterations = 0;
  lossHistory: number[] = [];
  private readonly options: LogisticRegressionOptions;
  private readonly lambda: number;

  constructor(options: LogisticRegressionOptions) {
    super(options);
    const lambda = options.lambda ?? 0;
    if (!(lambda >= 0) || !Number.isFinite(lambda)) {
      throw new ValueError('the regularisation strength must be a finite number >= 0', { pkg: 'models-linear', op: 'logisticRegression', arg: 'options.lambda', expected: 'λ >= 0', received: lambda });
    }
    this.lambda = lambda;
    this.options = options;
    this.name = `logistic(lambda=${lambda})`;
  }

  fit(x: MatrixInput, t: VectorInput): this {
    const op = 'LogisticRegression.fit';
    const data = readTrainingSet(x, t, op);
    const mode = this.options.multiClass ?? 'auto';
    const c = countClasses(data.t, mode === 'softmax' ? 'multiclass' : mode, op, this.options.classes);
    const softmax = mode === 'softmax' || (mode === 'auto' && c > 2);
    const k = softmax ? c : 1;
    this.classes = c;
    const [, d] = data.x.shape;
    const p = d + (this.fitIntercept ? 1 : 0);
    const solver = this.options.solver ?? (k * p <= 300 ? 'newton' : 'gradient');
    const warnings: string[] = [];
    if (solver === 'gradient') {
      const r = trainByGradient(softmax ? 'softmax' : 'logistic', data.x, data.t, this.fitIntercept, this.lambda, this.options.training ?? {}, op, k);
      this.coef = r.coef;
      this.intercept = r.intercept;
      this.lossHistory = r.lossHistory;
      this.iterations = r.lossHistory.length;
      const last = r.lossHistory.at(-1);
      const prev = r.lossHistory.at(-2);
      // Still falling by more than 0.01% per epoch at the end: the optimum was not reached.
      if (last !== undefined && prev !== undefined && prev - last > 1e-4 * Math.max(Math.abs(prev), 1e-12)) {
        warnings.push(
          `[gradlab/models-linear] LogisticRegression.fit: gradient training ended after ${r.lossHistory.length} epochs without converging (the training loss fell from ${prev.toPrecision(4)} to ${last.toPrecision(4)} in the last epoch). Hint: raise epochs or lr, or standardise the features.`,
        );
      }
    } else {
      const theta = this.newton(data.x, data.t, k, warnings);
      const off = this.fitIntercept ? 1 : 0;
      this.coef = new Float64Array(k * d);
      this.intercept = new Float64Array(k);
      for (let cl = 0; cl < k; cl++) {
        if (this.fitIntercept) this.intercept[cl] = theta[cl * p] as number;
        for (let j = 0; j < d; j++) this.coef[cl * d + j] = theta[cl * p + off + j] as number;
      }
      this.lossHistory = [];
    }
    this.features = d;
    if (this.lambda === 0 && this.score(data.x, data.t) === 1) {
      warnings.push(
        '[gradlab/models-linear] LogisticRegression.fit: the classes are linearly separable, so the maximum-likelihood θ does not exist (the log-loss keeps falling as ‖θ‖ → ∞); ' +
          `the returned θ is ${solver === 'newton' ? 'where the gradient fell below tol' : 'where the training stopped'} and its probabilities are overconfident. Hint: use lambda > 0.`,
      );
    }
    this.finishFit(d, warnings);
    return this;
  }

  /**
   * Newton's method (iteratively reweighted least squares) on N·J(θ) = Σ ℓ_n + λ‖w‖²: the step
   * solves H δ = g with H = Σ p_n(1 − p_n) u_n u_nᵀ + 2λI (the softmax version has C×C blocks),
   * by minimum-norm least squares since softmax's H is singular along the shift of all classes.
   */
  private newton(x: Matrix, t: Float64Array, k: number, warnings: string[]): Float64Array {
    const [n, d] = x.shape;
    const off = this.fitIntercept ? 1 : 0;
    const p = d + off;
    const m = k * p;
    const lambda = this.lambda;
    const u = new Float64Array(p);
    const s = new Float64Array(k);
    const prob = new Float64Array(Math.max(k, 2));
    const row = (i: number): void => {
      if (off) u[0] = 1;
      for (let j = 0; j < d; j++) u[off + j] = x.data[i * d + j] as number;
    };
    const scores = (th: Float64Array): void => {
      for (let c = 0; c < k; c++) {
        let v = 0;
        for (let a = 0; a < p; a++) v += (th[c * p + a] as number) * (u[a] as number);
        s[c] = v;
      }
    };
    const objective = (th: Float64Array): number => {
      let f = 0;
      for (let i = 0; i < n; i++) {
        row(i);
        scores(th);
        const ti = t[i] as number;
        if (k === 1) {
          const z = s[0] as number;
          f += (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z))) - ti * z;
        } else {
          let mx = -Infinity;
          for (const v of s) mx = Math.max(mx, v);
          let z = 0;
          for (const v of s) z += Math.exp(v - mx);
          f += mx + Math.log(z) - (s[ti] as number);
        }
      }
      for (let c = 0; c < k; c++) for (let j = 0; j < d; j++) f += lambda * (th[c * p + off + j] as number) ** 2;
      return f;
    };
    const maxIter = this.options.maxIter ?? 100;
    const tol = this.options.tol ?? 1e-12;
    let theta = new Float64Array(m);
    let fCur = objective(theta);
    let converged = false;
    let it = 0;
    for (; it < maxIter; it++) {
      const g = new Float64Array(m);
      const h = new Float64Array(m * m);
      for (let i = 0; i < n; i++) {
        row(i);
        scores(theta);
        probabilities(s, prob);
        const ti = t[i] as number;
        for (let c = 0; c < k; c++) {
          const pc = k === 1 ? (prob[1] as number) : (prob[c] as number);
          const r = pc - (k === 1 ? ti : c === ti ? 1 : 0);
          for (let a = 0; a < p; a++) g[c * p + a] = (g[c * p + a] as number) + r * (u[a] as number);
          for (let c2 = 0; c2 < k; c2++) {
            const p2 = k === 1 ? pc : (prob[c2] as number);
            const w = k === 1 ? pc * (1 - pc) : pc * ((c === c2 ? 1 : 0) - p2);
            if (w === 0) continue;
            for (let a = 0; a < p; a++) {
              const wa = w * (u[a] as number);
              const base = (c * p + a) * m + c2 * p;
              for (let b = 0; b < p; b++) h[base + b] = (h[base + b] as number) + wa * (u[b] as number);
            }
          }
        }
      }
      for (let c = 0; c < k; c++) {
        for (let j = 0; j < d; j++) {
          const q = c * p + off + j;
          g[q] = (g[q] as number) + 2 * lambda * (theta[q] as number);
          h[q * m + q] = (h[q * m + q] as number) + 2 * lambda;
        }
      }
      let gMax = 0;
      for (const v of g) gMax = Math.max(gMax, Math.abs(v));
      if (gMax / n <= tol) {
        converged = true;
        break;
      }
      const delta = leastSquares(h, m, m, g).solution;
      let slope = 0;
      for (let q = 0; q < m; q++) slope += (g[q] as number) * (delta[q] as number);
      let stepMax = 0;
      let thetaMax = 0;
      for (let q = 0; q < m; q++) {
        stepMax = Math.max(stepMax, Math.abs(delta[q] as number));
        thetaMax = Math.max(thetaMax, Math.abs(theta[q] as number));
      }
      if (stepMax <= 1e-13 * Math.max(thetaMax, 1)) {
        converged = true;
        break;
      }
      let next = theta.map((v, q) => v - (delta[q] as number));
      let fNext = objective(next);
      if (gMax / n > 1e-6) {
        // Far from the optimum, backtracking (Armijo) keeps every step a descent step; close to it
        // the full Newton step is taken, since decreases there are below the objective's rounding.
        let alpha = 1;
        for (let tries = 0; tries < 60 && !(fNext <= fCur - 1e-4 * alpha * slope); tries++) {
          alpha /= 2;
          next = theta.map((v, q) => v - alpha * (delta[q] as number));
          fNext = objective(next);
        }
      }
      theta = next;
      fCur = fNext;
    }
    this.iterations = it;
    if (!converged) {
      warnings.push(
        `[gradlab/models-linear] LogisticRegression.fit: Newton's method did not converge in ${it} iterations. Hint: raise maxIter, scale the features or use lambda > 0.`,
      );
    }
    return theta;
  }

  predictProba(x: MatrixInput): Matrix {
    const s = this.decisionFunction(x);
    const [n, k] = s.shape;
    const c = this.classes;
    const out = new Float64Array(n * c);
    const prob = new Float64Array(Math.max(c, 2));
    for (let i = 0; i < n; i++) {
      probabilities(s.data.subarray(i * k, (i + 1) * k), prob);
      for (let cl = 0; cl < c; cl++) out[i * c + cl] = prob[cl] as number;
    }
    return { data: out, shape: [n, c] };
  }

  loss(x: MatrixInput, t: VectorInput): number {
    const d = readTrainingSet(x, t, 'LogisticRegression.loss');
    countClasses(d.t, 'multiclass', 'LogisticRegression.loss', this.classes);
    const q = this.predictProba(d.x);
    const c = this.classes;
    let l = 0;
    for (let i = 0; i < d.t.length; i++) l -= Math.log(Math.max(q.data[i * c + (d.t[i] as number)] as number, Number.MIN_VALUE));
    return l / d.t.length;
  }
}

/**
 * Logistic regression: the probabilistic model q(t = 1|x) = σ(θᵀu(x)) trained by maximum
 * likelihood, i.e. ERM with the log-loss, optionally with the L2 penalty (λ/N)‖w‖²; with more than
 * two classes, softmax regression q(t = k|x) ∝ exp(θ_kᵀu(x)). Hard prediction step(θᵀu(x)) (argmax
 * for softmax), soft prediction `predictProba`.
 * @param options `solver` (`newton` or `gradient`), `multiClass`, `lambda`, `fitIntercept`, `training`, ...
 * @returns an unfitted model satisfying the `Estimator` contract of `@gradlab/data`
 * @throws ValueError when λ is negative; `fit` throws on labels outside {0, 1} for a binary model
 * @example
 * const m = logisticRegression({ lambda: 0.1 }).fit([[-2], [-1], [1], [2]], [0, 1, 0, 1]);
 * m.predictProba([[0]]).data; // [1 − σ(b), σ(b)]
 */
export function logisticRegression(options: LogisticRegressionOptions = {}): LogisticRegression & LogisticRegressionModel {
  options = requireOptions(options, { pkg: 'models-linear', op: 'logisticRegression' }, ['solver', 'multiClass', 'classes', 'lambda', 'fitIntercept', 'maxIter', 'tol', 'training', 'onWarning']);
  return new LogisticRegression(options);
}
