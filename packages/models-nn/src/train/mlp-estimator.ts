import { noGrad, requireOptions, softmax, sigmoid, tensor, tidy, ValueError } from '@gradlab/core-tensor';
import type { Estimator, Matrix } from '@gradlab/data';
import { binaryCrossEntropyWithLogits, crossEntropy, quadratic } from '@gradlab/losses';
import type { Loss } from '@gradlab/losses';
import { adam } from '@gradlab/optim';
import type { Optimizer } from '@gradlab/optim';
import type { FloatDType } from '../init.ts';
import type { ActivationName } from '../layers/activation.ts';
import { mlp } from '../layers/mlp.ts';
import type { Sequential } from '../layers/sequential.ts';
import { fit } from './fit.ts';
import type { FitOptions, FitResult } from './fit.ts';

/** Options of {@link mlpClassifier} and {@link mlpRegressor}. */
export interface MlpEstimatorOptions {
  /** Hidden widths (default [64]). */
  hidden?: readonly number[];
  /** Hidden activation (default relu). */
  activation?: ActivationName | 'leakyRelu';
  /** The optimizer (default `adam({ lr: 1e-3 })`); a function is called once per `fit`, so cross-validation folds start fresh. */
  optimizer?: Optimizer | (() => Optimizer);
  /** Passes over the data (default 50). */
  epochs?: number;
  /** Mini-batch size (default 32). */
  batchSize?: number;
  /** Seed of the weights and the shuffles (default 0). */
  seed?: number;
  /** Parameter dtype (default float32). */
  dtype?: FloatDType;
  /** Dropout after each hidden layer (default 0). */
  dropout?: number;
  /** Anything else `fit` takes (validation, earlyStopping, callbacks, signal, schedule). */
  fit?: Omit<FitOptions, 'loss' | 'optimizer' | 'epochs' | 'batchSize' | 'seed'>;
}

/** A trained network as a scikit-learn-style estimator: `fit`, `predict`, `predictProba`, `score`. */
export interface MlpEstimator extends Estimator {
  /** The network after `fit` (undefined before). */
  readonly model: Sequential | undefined;
  /** The training history of the last `fit`. */
  readonly result: FitResult | undefined;
  fit(x: Matrix, t: Float64Array): this;
  predict(x: Matrix): Float64Array;
  score(x: Matrix, t: Float64Array): number;
}

function notFitted(op: string): never {
  throw new ValueError('call fit first', { pkg: 'models-nn', op, arg: 'this', expected: 'a fitted estimator', received: 'unfitted' });
}

function build(kind: 'classifier' | 'regressor', options: MlpEstimatorOptions) {
  const op = kind === 'classifier' ? 'mlpClassifier' : 'mlpRegressor';
  options = requireOptions(options, { pkg: 'models-nn', op }, ['hidden', 'activation', 'optimizer', 'epochs', 'batchSize', 'seed', 'dtype', 'dropout', 'fit']);
  const hidden = options.hidden ?? [64];
  const dtype = options.dtype ?? 'float32';
  let model: Sequential | undefined;
  let result: FitResult | undefined;
  let classes = 0;
  const forward = (x: Matrix) =>
    tidy(() =>
      noGrad(() => {
        if (model === undefined) notFitted(`mlp${kind === 'classifier' ? 'Classifier' : 'Regressor'}.predict`);
        return model.forward(tensor(x.data, { shape: [...x.shape], dtype })).toArray() as number[][];
      }),
    );
  const proba = (x: Matrix): Matrix => {
    const out = forward(x);
    const n = out.length;
    const c = classes === 2 ? 2 : classes;
    const data = new Float64Array(n * c);
    const logits = tensor(out.flat(), { shape: [n, out[0]?.length ?? 1], dtype: 'float64' });
    const p = classes === 2 ? sigmoid(logits).data : softmax(logits, -1).data;
    for (let i = 0; i < n; i++) {
      if (classes === 2) {
        data[i * 2 + 1] = p[i] as number;
        data[i * 2] = 1 - (p[i] as number);
      } else for (let j = 0; j < c; j++) data[i * c + j] = p[i * c + j] as number;
    }
    return { data, shape: [n, c] };
  };
  const est: MlpEstimator = {
    get model() {
      return model;
    },
    get result() {
      return result;
    },
    fit(x: Matrix, t: Float64Array) {
      const d = x.shape[1];
      let out = 1;
      let loss: Loss = quadratic();
      if (kind === 'classifier') {
        classes = 0;
        for (const v of t) {
          if (!Number.isInteger(v) || v < 0 || v > 1e6) throw new ValueError('class labels are integers 0..C-1', { pkg: 'models-nn', op: 'mlpClassifier.fit', arg: 't', expected: 'integers in [0, 1e6]', received: v });
          classes = Math.max(classes, v + 1);
        }
        classes = Math.max(classes, 2);
        out = classes === 2 ? 1 : classes;
        loss = classes === 2 ? binaryCrossEntropyWithLogits() : crossEntropy();
      }
      model = mlp({ sizes: [d, ...hidden, out], activation: options.activation ?? 'relu', seed: options.seed ?? 0, dtype, ...(options.dropout !== undefined ? { dropout: options.dropout } : {}) });
      const optimizer = typeof options.optimizer === 'function' ? options.optimizer() : (options.optimizer ?? adam({ lr: 1e-3 }));
      const y = tensor(t, { dtype: kind === 'classifier' && classes > 2 ? 'float64' : dtype });
      result = fit(model, { x: tensor(x.data, { shape: [...x.shape], dtype }), y }, { ...options.fit, loss, optimizer, epochs: options.epochs ?? 50, batchSize: options.batchSize ?? 32, seed: options.seed ?? 0 });
      return this;
    },
    predict(x: Matrix): Float64Array {
      if (kind === 'regressor') return Float64Array.from(forward(x).map((r) => r[0] as number));
      const p = proba(x);
      const [n, c] = p.shape;
      const out = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        let best = 0;
        for (let j = 1; j < c; j++) if ((p.data[i * c + j] as number) > (p.data[i * c + best] as number)) best = j;
        out[i] = best;
      }
      return out;
    },
    score(x: Matrix, t: Float64Array): number {
      const p = est.predict(x);
      if (kind === 'classifier') return p.reduce((s, v, i) => s + (v === t[i] ? 1 : 0), 0) / t.length;
      const mean = t.reduce((a, b) => a + b, 0) / t.length;
      let ssRes = 0;
      let ssTot = 0;
      t.forEach((v, i) => {
        ssRes += (v - (p[i] as number)) ** 2;
        ssTot += (v - mean) ** 2;
      });
      return 1 - ssRes / ssTot;
    },
  };
  if (kind === 'classifier') est.predictProba = proba;
  return est;
}

/**
 * A neural-network classifier as an {@link Estimator}: an `mlp` with a softmax (or, for two
 * classes, sigmoid) output trained with cross-entropy, so @gradlab/data's `crossValidate`,
 * `validationCurve` and `learningCurve` accept it. `score` is the accuracy.
 * @param options hidden widths, activation, optimizer, epochs, batchSize, seed, dtype, dropout, fit options
 * @returns the estimator
 * @example
 * const clf = mlpClassifier({ hidden: [32], epochs: 30 }).fit(train.x, train.t);
 * clf.score(test.x, test.t); // accuracy
 */
export function mlpClassifier(options: MlpEstimatorOptions = {}): MlpEstimator {
  return build('classifier', options);
}

/**
 * A neural-network regressor as an {@link Estimator}: an `mlp` with one linear output trained
 * with the quadratic loss. `score` is R².
 * @param options as {@link mlpClassifier}
 * @returns the estimator
 */
export function mlpRegressor(options: MlpEstimatorOptions = {}): MlpEstimator {
  return build('regressor', options);
}
