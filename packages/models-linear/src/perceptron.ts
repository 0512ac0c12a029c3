import { requireOptions, ValueError } from '@gradlab/core-tensor';
import { sgd } from '@gradlab/optim';
import type { MatrixInput, VectorInput } from './design.ts';
import { readTrainingSet } from './design.ts';
import { countClasses } from './class-labels.ts';
import type { LinearClassifier } from './classifier-base.ts';
import { ClassifierBase } from './classifier-base.ts';
import type { TrainingStep } from './gradient-training.ts';
import { trainByGradient } from './gradient-training.ts';

/** Options of {@link perceptron}. */
export interface PerceptronOptions {
  /** The SGD step size γ (default 1, scikit-learn's `eta0`). */
  lr?: number;
  /** Passes over the training set (default 10). */
  epochs?: number;
  /** Reshuffle every epoch (default false: samples are taken in order, as in the notes). */
  shuffle?: boolean;
  /** Seed for the shuffling (default 0). */
  seed?: number;
  /** Fit an intercept (default true). */
  fitIntercept?: boolean;
  /** `binary` (labels must be 0/1), `ovr` (one perceptron per class), `auto` (default: binary if all labels are 0/1). */
  multiClass?: 'binary' | 'ovr' | 'auto';
  /** Initial θ = [b, w] of a binary model (default zeros; [w] without an intercept). */
  init?: ArrayLike<number>;
  /** Called after every SGD update of a binary model, with θ after it. */
  onStep?: (step: TrainingStep) => void;
  /** Called with each warning of `fit` (default `console.warn`). */
  onWarning?: (message: string) => void;
}

/**
 * The perceptron.
 * @internal made by {@link perceptron}
 */
export class Perceptron extends ClassifierBase implements LinearClassifier {
  readonly name = 'perceptron';
  private readonly options: PerceptronOptions;

  constructor(options: PerceptronOptions) {
    super(options);
    const lr = options.lr ?? 1;
    if (!(lr > 0) || !Number.isFinite(lr)) {
      throw new ValueError('the step size must be a positive number', { pkg: 'models-linear', op: 'perceptron', arg: 'options.lr', expected: 'γ > 0', received: lr });
    }
    this.options = options;
  }

  fit(x: MatrixInput, t: VectorInput): this {
    const op = 'Perceptron.fit';
    const data = readTrainingSet(x, t, op);
    const mode = this.options.multiClass ?? 'auto';
    const c = countClasses(data.t, mode === 'ovr' ? 'multiclass' : mode, op);
    this.classes = c;
    const [, d] = data.x.shape;
    const ovr = mode === 'ovr' || (mode === 'auto' && c > 2);
    const k = ovr ? c : 1;
    this.coef = new Float64Array(k * d);
    this.intercept = new Float64Array(k);
    for (let cl = 0; cl < k; cl++) {
      // One-vs-rest: perceptron k separates class k (t = 1) from the others (t = 0).
      const target = ovr ? data.t.map((v) => (v === cl ? 1 : 0)) : data.t;
      const r = trainByGradient(
        'perceptron',
        data.x,
        target,
        this.fitIntercept,
        0,
        {
          optimizer: sgd({ lr: this.options.lr ?? 1 }),
          epochs: this.options.epochs ?? 10,
          batchSize: 1,
          shuffle: this.options.shuffle ?? false,
          seed: this.options.seed ?? 0,
          ...(!ovr && this.options.init !== undefined ? { init: this.options.init } : {}),
          ...(!ovr && this.options.onStep !== undefined ? { onStep: this.options.onStep } : {}),
        },
        op,
      );
      this.coef.set(r.coef, cl * d);
      this.intercept[cl] = r.intercept[0] as number;
    }
    this.finishFit(d, []);
    return this;
  }
}

/**
 * The perceptron: ERM with the hinge-at-zero loss max(0, −t±θᵀu(x)) trained by SGD with batch
 * size 1, i.e. θ ← θ + γ t± u(x) whenever the margin t±θᵀu(x) ≤ 0. Hard predictions only:
 * step(θᵀu(x)); more than two classes are handled one-vs-rest. Matches scikit-learn's `Perceptron`
 * with `shuffle=False`.
 * @param options `lr` γ (default 1), `epochs` (default 10), `shuffle`, `seed`, `fitIntercept`, `multiClass`, `init`, `onStep`
 * @returns an unfitted model satisfying the `Estimator` contract of `@gradlab/data`
 * @throws ValueError when γ is not positive; `fit` throws on labels outside {0, 1} for a binary model
 * @example
 * // the notes' example: u(x) = x, θ = −1, γ = 0.1, samples (2.1, 1) then (−1.5, 0)
 * const steps: number[] = [];
 * perceptron({ lr: 0.1, epochs: 1, fitIntercept: false, init: [-1], onStep: (s) => steps.push(s.theta[0]!) })
 *   .fit([2.1, -1.5], [1, 0]);
 * steps; // [-0.79, -0.64]
 */
export function perceptron(options: PerceptronOptions = {}): Perceptron & LinearClassifier {
  options = requireOptions(options, { pkg: 'models-linear', op: 'perceptron' }, ['lr', 'epochs', 'shuffle', 'seed', 'fitIntercept', 'multiClass', 'init', 'onStep', 'onWarning']);
  return new Perceptron(options);
}
