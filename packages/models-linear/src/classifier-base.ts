import { requireBoolean, requireFunction, ValueError } from '@gradlab/core-tensor';
import type { Matrix, MatrixInput, VectorInput } from './design.ts';
import { checkFeatures, readMatrix, readTrainingSet } from './design.ts';

/** What every fitted linear classifier exposes besides the `Estimator` methods. */
export interface LinearClassifier {
  /** The model's name, e.g. `logistic(lambda=0)`. */
  readonly name: string;
  /** C, the number of classes (2 for a binary model). */
  readonly classes: number;
  /** Weights: `[1, D]` for a binary model (the positive class), `[C, D]` otherwise; row-major. */
  readonly coef: Float64Array;
  /** Intercepts: `[1]` for a binary model, `[C]` otherwise. */
  readonly intercept: Float64Array;
  /** θ = [b, w₁, ..., w_D] of a binary model (per class, concatenated, for multiclass). */
  readonly theta: Float64Array;
  /** Warnings raised by the last `fit`. */
  readonly warnings: readonly string[];
  /**
   * Learns θ from D = {(x_n, t_n)}, t_n class indices (0 or 1 for a binary model).
   * @param x inputs `[N, D]`
   * @param t labels `[N]`
   * @returns the model itself
   */
  fit(x: MatrixInput, t: VectorInput): this;
  /**
   * The scores θᵀu(x): `[M]` for a binary model (the margin's sign decides), `[M, C]` otherwise.
   * @param x inputs `[M, D]`
   */
  decisionFunction(x: MatrixInput): Matrix;
  /**
   * The hard prediction: step(θᵀu(x)) for a binary model, argmax_k θ_kᵀu(x) otherwise.
   * @param x inputs `[M, D]`
   * @returns class indices `[M]`
   */
  predict(x: MatrixInput): Float64Array;
  /**
   * Accuracy on (x, t): the fraction of correct hard predictions (1 − detection-error loss).
   * @param x inputs `[M, D]`
   * @param t labels `[M]`
   */
  score(x: MatrixInput, t: VectorInput): number;
}

/**
 * Shared state of the linear classifiers.
 * @internal
 */
export abstract class ClassifierBase {
  abstract readonly name: string;
  classes = 2;
  coef: Float64Array = new Float64Array(0);
  intercept: Float64Array = new Float64Array(0);
  warnings: string[] = [];
  protected features: number | undefined = undefined;
  protected readonly fitIntercept: boolean;
  protected readonly onWarning: (message: string) => void;

  constructor(options: { fitIntercept?: boolean; onWarning?: (message: string) => void }) {
    const op = this.constructor.name;
    if (options === null || typeof options !== 'object') {
      throw new ValueError('options must be an object', { pkg: 'models-linear', op, arg: 'options', expected: 'an options object', received: options === null ? 'null' : typeof options });
    }
    if (options.fitIntercept !== undefined) requireBoolean(options.fitIntercept, { pkg: 'models-linear', op, arg: 'options.fitIntercept' });
    if (options.onWarning !== undefined) requireFunction(options.onWarning, { pkg: 'models-linear', op, arg: 'options.onWarning' });
    this.fitIntercept = options.fitIntercept ?? true;
    this.onWarning = options.onWarning ?? ((m: string) => console.warn(m));
  }

  /** Rows of scores: 1 for binary models, C otherwise. */
  protected get outputs(): number {
    return this.intercept.length;
  }

  get theta(): Float64Array {
    const k = this.outputs;
    const d = this.features ?? 0;
    const p = d + (this.fitIntercept ? 1 : 0);
    const out = new Float64Array(k * p);
    for (let c = 0; c < k; c++) {
      if (this.fitIntercept) out[c * p] = this.intercept[c] as number;
      for (let j = 0; j < d; j++) out[c * p + p - d + j] = this.coef[c * d + j] as number;
    }
    return out;
  }

  protected readInputs(x: MatrixInput, method: string): Matrix {
    const op = `${this.constructor.name}.${method}`;
    const xm = readMatrix(x, op, 'x');
    checkFeatures(this.features, xm, op);
    return xm;
  }

  decisionFunction(x: MatrixInput): Matrix {
    const xm = this.readInputs(x, 'decisionFunction');
    const [n, d] = xm.shape;
    const k = this.outputs;
    const out = new Float64Array(n * k);
    for (let i = 0; i < n; i++) {
      for (let c = 0; c < k; c++) {
        let s = this.intercept[c] as number;
        for (let j = 0; j < d; j++) s += (this.coef[c * d + j] as number) * (xm.data[i * d + j] as number);
        out[i * k + c] = s;
      }
    }
    return { data: out, shape: [n, k] };
  }

  predict(x: MatrixInput): Float64Array {
    const s = this.decisionFunction(x);
    const [n, k] = s.shape;
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      if (k === 1) {
        out[i] = (s.data[i] as number) > 0 ? 1 : 0;
        continue;
      }
      let best = 0;
      for (let c = 1; c < k; c++) if ((s.data[i * k + c] as number) > (s.data[i * k + best] as number)) best = c;
      out[i] = best;
    }
    return out;
  }

  score(x: MatrixInput, t: VectorInput): number {
    const d = readTrainingSet(x, t, `${this.constructor.name}.score`);
    const y = this.predict(d.x);
    let right = 0;
    for (let i = 0; i < y.length; i++) if (y[i] === d.t[i]) right++;
    return right / y.length;
  }

  protected finishFit(features: number, warnings: string[]): void {
    this.features = features;
    this.warnings = warnings;
    for (const w of warnings) this.onWarning(w);
  }
}
