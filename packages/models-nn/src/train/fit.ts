import { argmax, dispose, greater, keep, noGrad, rng as makeRng, squeeze, tidy, ValueError, valueAndGrad } from '@gradlab/core-tensor';
import type { Tensor } from '@gradlab/core-tensor';
import type { Loss } from '@gradlab/losses';
import type { Optimizer, OptimizerState, Schedule } from '@gradlab/optim';
import { miniBatchIndices } from '@gradlab/data';
import { functionalCall, Module } from '../module.ts';
import type { FloatDType } from '../init.ts';
import { drive, driveAsync } from './drive.ts';
import { NonFiniteLossError } from './non-finite-loss-error.ts';
import { toSamples } from './training-data.ts';
import type { Samples, TrainingData } from './training-data.ts';

/** One epoch's record in {@link FitResult.history}. */
export interface EpochLog {
  /** The epoch, from 1. */
  epoch: number;
  /** Mean training loss over the epoch's mini-batches. */
  loss: number;
  /** Training accuracy over the epoch's mini-batches (classification losses only). */
  accuracy?: number;
  /** Loss on the validation data, in eval mode. */
  valLoss?: number;
  /** Accuracy on the validation data (classification losses only). */
  valAccuracy?: number;
  /** The learning rate of the epoch's last step. */
  lr?: number;
  /** Optimizer steps so far. */
  steps: number;
  /** Seconds since the start of `fit`. */
  seconds: number;
}

/** What {@link FitOptions.onBatch} receives after each step. */
export interface BatchLog {
  epoch: number;
  /** The step within the epoch, from 1. */
  step: number;
  stepsPerEpoch: number;
  /** Optimizer steps so far. */
  totalSteps: number;
  loss: number;
}

/** Options of {@link fit}. */
export interface FitOptions {
  /** The loss, from @gradlab/losses (`crossEntropy()`, `quadratic()`, `defineLoss(...)`). */
  loss: Loss;
  /** The optimizer, from @gradlab/optim (`adam({ lr })`, `sgd(...)`, or your own). */
  optimizer: Optimizer;
  /** A learning-rate schedule, read at each step (1, 2, ...); overrides the optimizer's lr. */
  schedule?: Schedule;
  /** Passes over the data (default 10). */
  epochs?: number;
  /** Samples per mini-batch (default 32; larger than N means full batch). */
  batchSize?: number;
  /** Data to report loss and accuracy on after each epoch. */
  validation?: TrainingData;
  /** Shuffle each epoch (default true). */
  shuffle?: boolean;
  /** Seed of the shuffles (default 0). */
  seed?: number;
  /** Stop when the monitored loss (validation if given, else training) has not improved by `minDelta` for `patience` epochs. */
  earlyStopping?: { patience: number; minDelta?: number; restoreBest?: boolean };
  /** Called after each epoch; return `'stop'` to stop. */
  onEpoch?: (log: EpochLog) => void | 'stop';
  /** Called after each step. */
  onBatch?: (log: BatchLog) => void;
  /** Stops cleanly after the current step when aborted (Ctrl-C in the CLI). */
  signal?: AbortSignal;
  /** Resume from this optimizer state (from a previous `FitResult.optimizerState`). */
  optimizerState?: OptimizerState;
}

/** What {@link fit} returns. */
export interface FitResult {
  history: EpochLog[];
  /** Why it ended. */
  stopped: 'completed' | 'early-stopping' | 'callback' | 'aborted';
  /** The epoch whose weights the model holds when early stopping restored the best. */
  bestEpoch: number;
  /** Optimizer steps taken. */
  steps: number;
  /** The optimizer's state, to resume training. */
  optimizerState: OptimizerState;
}

const KNOWN = ['loss', 'optimizer', 'schedule', 'epochs', 'batchSize', 'validation', 'shuffle', 'seed', 'earlyStopping', 'onEpoch', 'onBatch', 'signal', 'optimizerState'];

function checkOptions(options: FitOptions): void {
  const op = 'fit';
  if (typeof options !== 'object' || options === null) {
    throw new ValueError('fit needs options with a loss and an optimizer', { pkg: 'models-nn', op, arg: 'options', expected: '{ loss, optimizer, ... }', received: options === null ? 'null' : typeof options });
  }
  for (const k of Object.keys(options)) {
    if (!KNOWN.includes(k)) {
      const near = KNOWN.find((n) => n.toLowerCase() === k.toLowerCase() || n.startsWith(k.slice(0, 4)));
      throw new ValueError(`unknown option '${k}'`, { pkg: 'models-nn', op, arg: `options.${k}`, expected: `one of ${KNOWN.join(', ')}`, received: k, ...(near !== undefined ? { hint: `did you mean '${near}'?` } : {}) });
    }
  }
  if (typeof options.loss !== 'object' || options.loss === null || typeof options.loss.forward !== 'function') {
    throw new ValueError('options.loss must be a Loss', { pkg: 'models-nn', op, arg: 'options.loss', expected: 'a Loss such as crossEntropy()', received: typeof options.loss });
  }
  if (typeof options.optimizer !== 'object' || options.optimizer === null || typeof options.optimizer.step !== 'function') {
    throw new ValueError('options.optimizer must be an Optimizer', { pkg: 'models-nn', op, arg: 'options.optimizer', expected: 'an Optimizer such as adam({ lr: 1e-3 })', received: typeof options.optimizer });
  }
  for (const [k, v] of [['epochs', options.epochs], ['batchSize', options.batchSize]] as const) {
    if (v !== undefined && (!Number.isInteger(v) || v < 1 || v > 1e9)) {
      throw new ValueError(`${k} must be a positive integer`, { pkg: 'models-nn', op, arg: `options.${k}`, expected: 'an integer >= 1', received: v });
    }
  }
  const es = options.earlyStopping;
  if (es !== undefined && (typeof es !== 'object' || es === null || !Number.isInteger(es.patience) || es.patience < 1)) {
    throw new ValueError('earlyStopping needs a patience of at least one epoch', { pkg: 'models-nn', op, arg: 'options.earlyStopping.patience', expected: 'an integer >= 1', received: es === null ? 'null' : es?.patience });
  }
}

/**
 * Makes the model's output meet the loss: a `[N, 1]` output against `[N]` targets is squeezed.
 * @returns the prediction to give the loss
 */
export function alignPrediction(out: Tensor, y: Tensor): Tensor {
  if (out.rank === y.rank + 1 && out.shape[out.rank - 1] === 1) return squeeze(out, -1);
  return out;
}

/** Correct predictions in a batch, for classification losses (class, binary or signed targets). */
export function countCorrect(loss: Loss, pred: Tensor, y: Tensor): number | undefined {
  const t = y.data;
  if (loss.target === 'class') {
    const guess = argmax(pred, -1).data;
    let c = 0;
    for (let i = 0; i < guess.length; i++) if (guess[i] === t[i]) c++;
    return c;
  }
  if ((loss.target === 'binary' || loss.target === 'signed' || loss.target === 'probability') && loss.prediction !== 'value') {
    const threshold = loss.prediction === 'probability' ? 0.5 : 0;
    const positive = greater(pred, threshold).data;
    let c = 0;
    for (let i = 0; i < positive.length; i++) if ((positive[i] === 1) === ((t[i] as number) > 0)) c++;
    return c;
  }
  return undefined;
}

/**
 * Mean loss (and accuracy, for classification losses) of a model on data, in eval mode, in
 * batches, without gradients.
 * @param model the model
 * @param data a Dataset or `{ x, y }` tensors
 * @param loss the loss
 * @returns `{ loss, accuracy? }`
 * @example
 * evaluate(model, test, crossEntropy()).accuracy;
 */
export function evaluate(model: Module, data: TrainingData, loss: Loss, options: { batchSize?: number } = {}): { loss: number; accuracy?: number } {
  if (!(model instanceof Module)) throw new ValueError('model must be a Module', { pkg: 'models-nn', op: 'evaluate', arg: 'model', expected: 'a Module', received: typeof model });
  const s = toSamples('evaluate', 'data', data, model.dtype === 'float64' ? 'float64' : 'float32', model.inputKind);
  return evaluateSamples(model, s, loss, options.batchSize ?? 1024);
}

function evaluateSamples(model: Module, data: Samples, loss: Loss, batchSize: number): { loss: number; accuracy?: number } {
  const wasTraining = model.training;
  model.eval();
  try {
    let total = 0;
    let correct = 0;
    let counted = true;
    for (let start = 0; start < data.n; start += batchSize) {
      const idx = Array.from({ length: Math.min(batchSize, data.n - start) }, (_, i) => start + i);
      tidy(() =>
        noGrad(() => {
          const b = data.rows(idx);
          const pred = alignPrediction(model.forward(b.x), b.y);
          total += loss.forward(pred, b.y).item() * idx.length;
          const c = countCorrect(loss, pred, b.y);
          if (c === undefined) counted = false;
          else correct += c;
        }),
      );
    }
    return counted ? { loss: total / data.n, accuracy: correct / data.n } : { loss: total / data.n };
  } finally {
    model.train(wasTraining);
  }
}

/**
 * Trains a model by mini-batch gradient descent on a loss, the PyTorch loop in one call:
 * for each epoch, shuffle (seeded), and for each mini-batch compute the loss and its gradient
 * (reverse-mode autodiff through {@link functionalCall}), then let the optimizer update the
 * parameters. Each step runs in a memory scope (`tidy`), so memory stays flat however long it runs.
 *
 * A NaN or infinite loss or parameter stops training with {@link NonFiniteLossError} naming the
 * epoch and step; the model keeps its last good weights.
 * @param model the module to train (its parameters are replaced in place by the trained ones)
 * @param data a Dataset or `{ x, y }` tensors; targets as the loss expects (class indices for cross-entropy)
 * @param options loss, optimizer (required), epochs, batchSize, validation, schedule, seed, earlyStopping, callbacks, signal
 * @returns the history per epoch and why it stopped
 * @throws ValueError for bad options or data; NonFiniteLossError when the loss diverges
 * @example
 * const model = mlp({ sizes: [2, 8, 2], seed: 0 });
 * const { history } = fit(model, twoMoons({ n: 200, seed: 0 }), { loss: crossEntropy(), optimizer: adam({ lr: 0.01 }), epochs: 20 });
 */
export function fit(model: Module, data: TrainingData, options: FitOptions): FitResult {
  return drive(fitSteps(model, data, options, 'fit'));
}

/**
 * {@link fit} that hands the event loop a turn every `yieldEveryMs` (default 30 ms), so a page
 * stays responsive and a Node process receives signals (the CLI's Ctrl-C) while it trains. Same
 * steps, same numbers as `fit`.
 * @param model the module to train
 * @param data a Dataset or `{ x, y }` tensors
 * @param options as {@link fit}, plus `yieldEveryMs`
 * @returns a promise of the history
 * @example
 * const { history } = await fitAsync(model, data, { loss: crossEntropy(), optimizer: adam(), signal });
 */
export function fitAsync(model: Module, data: TrainingData, options: FitOptions & { yieldEveryMs?: number }): Promise<FitResult> {
  const { yieldEveryMs = 30, ...rest } = options ?? ({} as FitOptions);
  return driveAsync(fitSteps(model, data, rest, 'fitAsync'), yieldEveryMs);
}

/** The training loop as a generator that yields after every optimizer step. */
function* fitSteps(model: Module, data: TrainingData, options: FitOptions, op: string): Generator<void, FitResult, undefined> {
  if (!(model instanceof Module)) {
    throw new ValueError('model must be a Module', { pkg: 'models-nn', op, arg: 'model', expected: 'a Module such as mlp({ sizes })', received: model === null ? 'null' : typeof model });
  }
  checkOptions(options);
  const dtype: FloatDType = model.dtype === 'float64' ? 'float64' : 'float32';
  const train = toSamples(op, 'data', data, dtype, model.inputKind);
  const valid = options.validation === undefined ? undefined : toSamples(op, 'options.validation', options.validation, dtype, model.inputKind);
  const { loss, optimizer, schedule } = options;
  const epochs = options.epochs ?? 10;
  const batchSize = Math.min(options.batchSize ?? 32, train.n);
  const order = makeRng(options.seed ?? 0);
  const boxes = model.namedParameterBoxes();
  const names = boxes.map(([n]) => n);
  let state = options.optimizerState ?? optimizer.init(model.stateDict());
  const initialState = state;
  let lastPrediction: Tensor | undefined;
  const lossOf = (xb: Tensor, yb: Tensor) => (params: Record<string, Tensor>) =>
    functionalCall(model, params, () => {
      lastPrediction = alignPrediction(model.forward(xb), yb);
      return loss.forward(lastPrediction, yb);
    });
  const kept = new Set<Tensor>();
  const history: EpochLog[] = [];
  const started = Date.now();
  const stepsPerEpoch = Math.ceil(train.n / batchSize);
  let steps = 0;
  let stopped: FitResult['stopped'] = 'completed';
  let best = { value: Infinity, epoch: 0, params: undefined as Record<string, Tensor> | undefined };
  let bad = 0;
  let lr: number | undefined = schedule === undefined ? (typeof optimizer.config.lr === 'number' ? optimizer.config.lr : undefined) : undefined;
  model.train();
  outer: for (let epoch = 1; epoch <= epochs; epoch++) {
    let sum = 0;
    let correct = 0;
    let counted = true;
    let step = 0;
    for (const idx of miniBatchIndices(train.n, { batchSize, shuffle: options.shuffle ?? true, seed: order })) {
      step++;
      steps++;
      if (schedule !== undefined) lr = schedule.at(steps);
      // A state this loop made is never used again once stepped from, so the optimizer may update
      // it in place; the caller's own optimizerState (the first step's) is left as it was.
      const consumeState = state !== initialState;
      const context = schedule !== undefined && lr !== undefined ? { lr, consumeState } : { consumeState };
      let nextState = state;
      const [value, next, c] = tidy(() => {
        const b = train.rows(idx);
        const current = model.stateDict();
        const [v, grads] = valueAndGrad(lossOf(b.x, b.y))(current);
        const lv = v.item();
        if (!Number.isFinite(lv)) throw new NonFiniteLossError(op, epoch, steps, lv, lr);
        const r = optimizer.step(current, grads, state, context);
        const p = r.params;
        for (const n of names) {
          if (!allFinite((p[n] as Tensor).data)) throw new NonFiniteLossError(op, epoch, steps, NaN, lr, `parameter ${n}`);
        }
        const cc = lastPrediction === undefined ? undefined : countCorrect(loss, lastPrediction, b.y);
        // The state leaves through the closure, not the return value: tidy would walk every number
        // of its JSON buffers looking for tensors (and make an optimizer's lazily built JSON now).
        nextState = r.state;
        return [lv, names.map((n) => keep(p[n] as Tensor)), cc] as const;
      });
      const old = boxes.map(([, b]) => b.value);
      boxes.forEach(([, b], i) => (b.value = next[i] as Tensor));
      dispose(old.filter((t) => !kept.has(t)));
      state = nextState;
      sum += value * idx.length;
      if (c === undefined) counted = false;
      else correct += c;
      options.onBatch?.({ epoch, step, stepsPerEpoch, totalSteps: steps, loss: value });
      yield;
      if (options.signal?.aborted === true) {
        stopped = 'aborted';
      }
      if (stopped === 'aborted') {
        history.push(epochLog(epoch, sum / Math.max(1, countSeen(step, batchSize, train.n)), counted ? correct : undefined, valid, model, loss, lr, steps, started, step, batchSize, train.n));
        break outer;
      }
    }
    const log = epochLog(epoch, sum / train.n, counted ? correct : undefined, valid, model, loss, lr, steps, started, stepsPerEpoch, batchSize, train.n);
    history.push(log);
    if (options.onEpoch?.(log) === 'stop') {
      stopped = 'callback';
      break;
    }
    const es = options.earlyStopping;
    if (es !== undefined) {
      const monitored = log.valLoss ?? log.loss;
      if (monitored < best.value - (es.minDelta ?? 0)) {
        const current = new Set(model.parameters());
        dispose([...kept].filter((t) => !current.has(t)));
        kept.clear();
        best = { value: monitored, epoch, params: model.stateDict() };
        for (const t of current) kept.add(t);
        bad = 0;
      } else if (++bad >= es.patience) {
        stopped = 'early-stopping';
        if ((es.restoreBest ?? true) && best.params !== undefined) model.loadStateDict(best.params);
        break;
      }
    }
  }
  model.eval();
  return { history, stopped, bestEpoch: stopped === 'early-stopping' && (options.earlyStopping?.restoreBest ?? true) ? best.epoch : history.length, steps, optimizerState: state };
}

function allFinite(values: ArrayLike<number>): boolean {
  for (let k = 0; k < values.length; k++) if ((values[k] as number) - (values[k] as number) !== 0) return false;
  return true;
}

function countSeen(step: number, batchSize: number, n: number): number {
  return Math.min(step * batchSize, n);
}

function epochLog(epoch: number, meanLoss: number, correct: number | undefined, valid: Samples | undefined, model: Module, loss: Loss, lr: number | undefined, steps: number, started: number, stepsDone: number, batchSize: number, n: number): EpochLog {
  const seen = countSeen(stepsDone, batchSize, n);
  const log: EpochLog = { epoch, loss: meanLoss, steps, seconds: (Date.now() - started) / 1000 };
  if (correct !== undefined) log.accuracy = correct / seen;
  if (lr !== undefined) log.lr = lr;
  if (valid !== undefined) {
    const v = evaluateSamples(model, valid, loss, 1024);
    log.valLoss = v.loss;
    if (v.accuracy !== undefined) log.valAccuracy = v.accuracy;
    model.train();
  }
  return log;
}

