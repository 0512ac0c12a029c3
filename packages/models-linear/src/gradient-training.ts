import type { Rng, Tensor } from '@gradlab/core-tensor';
import { add, checkElementCount, grad, matmul, mul, requireBoolean, requireFinite, requireInteger, requireObject, requireOneOf, requireOptions, reshape, rng, square, sum, tensor, transpose, ValueError } from '@gradlab/core-tensor';
import type { Loss } from '@gradlab/losses';
import type { BatchSizeSchedule, Optimizer, OptimizerState } from '@gradlab/optim';
import { sgd } from '@gradlab/optim';
import type { Matrix } from './design.ts';

/** The per-sample losses a linear model can be trained on by gradient descent. */
export type LinearLossKind = 'quadratic' | 'logistic' | 'softmax' | 'perceptron';

/** What {@link GradientTrainingOptions.onStep} sees after each update. */
export interface TrainingStep {
  /** The update number, 1 for the first. */
  readonly step: number;
  /** The epoch (pass over D), 1 for the first. */
  readonly epoch: number;
  /** The sample indices of this update's mini-batch S^(i). */
  readonly batch: readonly number[];
  /** θ after the update, per class `[b_k, w_k1, ..., w_kD]` (no b_k without an intercept), concatenated. */
  readonly theta: Float64Array;
}

/** How to train a linear model by GD/SGD with an optimizer of `@gradlab/optim`. */
export interface GradientTrainingOptions {
  /** Any `Optimizer` (its `lr` may be a `Schedule`); default `sgd({ lr: 0.1 })`. */
  optimizer?: Optimizer;
  /** Passes over the training set (default 100). */
  epochs?: number;
  /** Mini-batch size S, or a batch-size schedule S^(i); default N (full-batch gradient descent). */
  batchSize?: number | BatchSizeSchedule;
  /** Reshuffle the samples every epoch (default true); false takes them in order. */
  shuffle?: boolean;
  /** Seed or caller-owned `Rng` for the shuffling (default 0). */
  seed?: number | Rng;
  /** The initial θ in the layout of {@link TrainingStep.theta} (default zeros). */
  init?: ArrayLike<number>;
  /** Called after every update, e.g. to print the notes' step-by-step examples. */
  onStep?: (step: TrainingStep) => void;
  /**
   * Train on this `Loss` of `@gradlab/losses` instead of the model's own, differentiating
   * `loss.forward(scores, t)` by autodiff: a `score` loss (hinge, exponential, logistic, ...) for the
   * binary classifiers, a `value` loss (quadratic, absolute error) for regression, a `logits` loss
   * (cross-entropy) for softmax. The penalty (λ/N)‖w‖² is added when λ > 0.
   */
  loss?: Loss;
}

/** The result of {@link trainByGradient}. */
export interface GradientTrainingResult {
  /** Weights `[K, D]`, row-major. */
  readonly coef: Float64Array;
  /** Intercepts `[K]` (zeros without an intercept). */
  readonly intercept: Float64Array;
  /** The regularised training loss after each epoch. */
  readonly lossHistory: number[];
}

function softmaxInPlace(s: Float64Array): void {
  let m = -Infinity;
  for (const v of s) m = Math.max(m, v);
  let z = 0;
  for (let k = 0; k < s.length; k++) {
    s[k] = Math.exp((s[k] as number) - m);
    z += s[k] as number;
  }
  for (let k = 0; k < s.length; k++) s[k] = (s[k] as number) / z;
}

/** log(1 + e^z) without overflow. */
function softplus(z: number): number {
  return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
}

/**
 * Trains θ of a linear model by mini-batch gradient descent: each update uses the mean gradient
 * over the batch S^(i) of the per-sample loss ℓ(t_n, θᵀu_n) plus the gradient (2λ/N)w of the
 * penalty (λ/N)‖w‖², and hands it to the optimizer. The gradients of a linear model are written
 * out: dℓ/ds = 2(s − t) (quadratic), σ(s) − t (logistic, the notes' (σ(θᵀu) − t)u), p − onehot(t)
 * (softmax), −t± when the margin t±s ≤ 0 (perceptron, hinge-at-zero).
 * @param kind the per-sample loss
 * @param x inputs `[N, D]`
 * @param t targets `[N]` (class indices for the classifiers)
 * @param fitIntercept learn an unpenalised intercept per class
 * @param lambda λ of the L2 penalty (0 for none)
 * @param options optimizer, epochs, batch size, shuffling, seed, initial θ, step callback
 * @param op the calling method, for messages
 * @param classes K, the number of score outputs (1 except for softmax)
 * @returns weights, intercepts and the loss per epoch
 * @throws ValueError when epochs or the batch size is not a positive integer, or `init` has the wrong length
 * @example
 * // the notes' logistic-regression steps: θ = −0.812910, then −0.697118
 * const x = { data: new Float64Array([2.1, -1.5]), shape: [2, 1] as const };
 * trainByGradient('logistic', x, new Float64Array([1, 0]), false, 0,
 *   { optimizer: sgd({ lr: 0.1 }), epochs: 1, batchSize: 1, shuffle: false, init: [-1] }, 'example').coef; // [-0.697118...]
 */
export function trainByGradient(
  kind: LinearLossKind,
  x: Matrix,
  t: Float64Array,
  fitIntercept: boolean,
  lambda: number,
  options: GradientTrainingOptions,
  op: string,
  classes = 1,
): GradientTrainingResult {
  if (typeof op !== 'string') throw new ValueError('op must be a string', { pkg: 'models-linear', op: 'trainByGradient', arg: 'op', expected: 'the caller name', received: typeof op });
  requireOneOf(kind, { pkg: 'models-linear', op, arg: 'kind' }, ['quadratic', 'logistic', 'softmax', 'perceptron']);
  const xs = requireObject<{ data?: unknown; shape?: unknown }>(x, { pkg: 'models-linear', op, arg: 'x' });
  if (!(xs.data instanceof Float64Array) || !Array.isArray(xs.shape) || xs.shape.length !== 2 || xs.data.length !== (xs.shape[0] as number) * (xs.shape[1] as number)) {
    throw new ValueError('x must be a matrix { data: Float64Array, shape: [N, D] }', { pkg: 'models-linear', op, arg: 'x', expected: 'a Matrix', received: 'something else' });
  }
  if (!(t instanceof Float64Array) || t.length !== (xs.shape[0] as number)) throw new ValueError('t must be a Float64Array with one target per row of x', { pkg: 'models-linear', op, arg: 't', expected: `Float64Array [${String(xs.shape[0])}]`, received: typeof t });
  requireBoolean(fitIntercept, { pkg: 'models-linear', op, arg: 'fitIntercept' });
  requireFinite(lambda, { pkg: 'models-linear', op, arg: 'lambda' }, { min: 0 });
  requireOptions(options, { pkg: 'models-linear', op }, ['optimizer', 'epochs', 'batchSize', 'shuffle', 'seed', 'init', 'onStep', 'loss']);
  checkElementCount(requireInteger(classes, { pkg: 'models-linear', op, arg: 'classes' }, { min: 1 }) * ((xs.shape[1] as number) + 1), { pkg: 'models-linear', op, arg: 'classes' });
  const [n, d] = x.shape;
  const k = classes;
  const p = d + (fitIntercept ? 1 : 0);
  const off = fitIntercept ? 1 : 0;
  const epochs = options.epochs ?? 100;
  if (!Number.isInteger(epochs) || epochs < 1) {
    throw new ValueError('epochs must be a positive integer', { pkg: 'models-linear', op, arg: 'options.training.epochs', expected: 'an integer >= 1', received: epochs });
  }
  const batchSpec = options.batchSize ?? n;
  if (typeof batchSpec === 'number' && (!Number.isInteger(batchSpec) || batchSpec < 1)) {
    throw new ValueError('the batch size must be a positive integer', { pkg: 'models-linear', op, arg: 'options.training.batchSize', expected: 'an integer >= 1', received: batchSpec });
  }
  const theta = new Float64Array(k * p);
  if (options.init !== undefined) {
    if (options.init.length !== k * p) {
      throw new ValueError('the initial θ has the wrong length', { pkg: 'models-linear', op, arg: 'options.training.init', expected: `${k * p} values (${k} × [${fitIntercept ? 'b, ' : ''}w_1..w_${d}])`, received: `${options.init.length} values` });
    }
    for (let i = 0; i < k * p; i++) theta[i] = options.init[i] as number;
  }
  const optimizer = options.optimizer ?? sgd({ lr: 0.1 });
  const r = typeof options.seed === 'object' ? options.seed : rng(options.seed ?? 0);
  const shuffle = options.shuffle ?? true;
  const scores = new Float64Array(k);
  const dScore = new Float64Array(k);

  /** Fills dScore with dℓ/ds for sample i and returns ℓ. */
  const sampleLoss = (i: number, th: Float64Array): number => {
    for (let c = 0; c < k; c++) {
      let s = fitIntercept ? (th[c * p] as number) : 0;
      for (let j = 0; j < d; j++) s += (th[c * p + off + j] as number) * (x.data[i * d + j] as number);
      scores[c] = s;
    }
    const ti = t[i] as number;
    const s0 = scores[0] as number;
    switch (kind) {
      case 'quadratic':
        dScore[0] = 2 * (s0 - ti);
        return (s0 - ti) ** 2;
      case 'logistic':
        dScore[0] = 1 / (1 + Math.exp(-s0)) - ti;
        return softplus(s0) - ti * s0;
      case 'perceptron': {
        const y = (2 * ti - 1) * s0;
        dScore[0] = y <= 0 ? -(2 * ti - 1) : 0;
        return Math.max(0, -y);
      }
      case 'softmax': {
        let m = -Infinity;
        for (const v of scores) m = Math.max(m, v);
        let z = 0;
        for (const v of scores) z += Math.exp(v - m);
        const loss = m + Math.log(z) - (scores[ti] as number);
        softmaxInPlace(scores);
        for (let c = 0; c < k; c++) dScore[c] = (scores[c] as number) - (c === ti ? 1 : 0);
        return loss;
      }
    }
  };

  const objective = (th: Float64Array): number => {
    let l = 0;
    for (let i = 0; i < n; i++) l += sampleLoss(i, th);
    let pen = 0;
    for (let c = 0; c < k; c++) for (let j = 0; j < d; j++) pen += (th[c * p + off + j] as number) ** 2;
    return l / n + (lambda / n) * pen;
  };

  // The autodiff path for a user-supplied Loss: scores = U Wᵀ with U = [1, x] rows, W = θ as [K, P].
  const penaltyMask = new Float64Array(k * p);
  for (let c = 0; c < k; c++) for (let j = 0; j < d; j++) penaltyMask[c * p + off + j] = 1;
  const allRows = Array.from({ length: n }, (_, i) => i);
  const lossObjective = (loss: Loss, th: Float64Array | Tensor, rows: readonly number[]): Tensor => {
    const u = new Float64Array(rows.length * p);
    const target = new Float64Array(rows.length);
    rows.forEach((i, r) => {
      if (fitIntercept) u[r * p] = 1;
      for (let j = 0; j < d; j++) u[r * p + off + j] = x.data[i * d + j] as number;
      target[r] = t[i] as number;
    });
    const thetaT = th instanceof Float64Array ? tensor(th, { shape: [k * p], dtype: 'float64' }) : th;
    const scores = matmul(tensor(u, { shape: [rows.length, p], dtype: 'float64' }), transpose(reshape(thetaT, [k, p])));
    const value = loss.forward(k === 1 ? reshape(scores, [rows.length]) : scores, tensor(target, { shape: [rows.length], dtype: 'float64' }));
    if (lambda === 0) return value;
    return add(value, mul(sum(square(mul(thetaT, tensor(penaltyMask, { shape: [k * p], dtype: 'float64' })))), lambda / n));
  };
  const lossGradient = (loss: Loss, th: Float64Array, rows: readonly number[]): Float64Array => {
    const g = grad((v: Tensor) => lossObjective(loss, v, rows))(tensor(th, { shape: [k * p], dtype: 'float64' }));
    return Float64Array.from(g.data);
  };

  /** The mean gradient over the batch of the written-out per-sample loss, plus (2λ/N)w. */
  const ownGradient = (current: Float64Array, batch: readonly number[]): Float64Array => {
    const g = new Float64Array(k * p);
    for (const i of batch) {
      sampleLoss(i, current);
      for (let c = 0; c < k; c++) {
        const ds = (dScore[c] as number) / batch.length;
        if (ds === 0) continue;
        if (fitIntercept) g[c * p] = (g[c * p] as number) + ds;
        for (let j = 0; j < d; j++) g[c * p + off + j] = (g[c * p + off + j] as number) + ds * (x.data[i * d + j] as number);
      }
    }
    if (lambda > 0) {
      for (let c = 0; c < k; c++) for (let j = 0; j < d; j++) g[c * p + off + j] = (g[c * p + off + j] as number) + ((2 * lambda) / n) * (current[c * p + off + j] as number);
    }
    return g;
  };

  let params = tensor(theta, { shape: [k * p], dtype: 'float64' });
  let state: OptimizerState = optimizer.init(params);
  const lossHistory: number[] = [];
  let step = 0;
  for (let epoch = 1; epoch <= epochs; epoch++) {
    const order = shuffle ? Array.from(r.permutation(n)) : Array.from({ length: n }, (_, i) => i);
    let pos = 0;
    while (pos < n) {
      const size = typeof batchSpec === 'number' ? batchSpec : Math.max(1, Math.round(batchSpec.at(step + 1)));
      const batch = order.slice(pos, pos + size);
      pos += size;
      const current = Float64Array.from(params.data);
      const g = options.loss !== undefined ? lossGradient(options.loss, current, batch) : ownGradient(current, batch);
      const res = optimizer.step(params, tensor(g, { shape: [k * p], dtype: 'float64' }), state);
      params = res.params;
      state = res.state;
      step++;
      options.onStep?.({ step, epoch, batch, theta: Float64Array.from(params.data) });
    }
    lossHistory.push(options.loss !== undefined ? lossObjective(options.loss, Float64Array.from(params.data), allRows).item() : objective(Float64Array.from(params.data)));
  }
  const final = Float64Array.from(params.data);
  const coef = new Float64Array(k * d);
  const intercept = new Float64Array(k);
  for (let c = 0; c < k; c++) {
    if (fitIntercept) intercept[c] = final[c * p] as number;
    for (let j = 0; j < d; j++) coef[c * d + j] = final[c * p + off + j] as number;
  }
  return { coef, intercept, lossHistory };
}
