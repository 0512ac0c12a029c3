import { dispose, keep, noGrad, rng as makeRng, tensor, tidy, ValueError, valueAndGrad } from '@gradlab/core-tensor';
import type { Rng, Tensor } from '@gradlab/core-tensor';
import { drive, driveAsync, functionalCall } from '@gradlab/models-nn';
import type { Optimizer, Schedule } from '@gradlab/optim';
import type { LanguageModel } from '../language-model.ts';

/** One record of {@link trainLanguageModel}'s history. */
export interface LmStepLog {
  /** Optimizer steps so far. */
  step: number;
  /** The training loss of this step's batch (nats per token). */
  loss: number;
  /** Mean loss over the fixed validation windows, on steps where it was evaluated. */
  valLoss?: number;
  /** Training tokens processed per second so far. */
  tokensPerSecond: number;
  /** Seconds since the start. */
  seconds: number;
}

/** Options of {@link trainLanguageModel}. */
export interface TrainLanguageModelOptions {
  /** The optimizer (`adamw({ lr: 3e-3 })`, ...). */
  optimizer: Optimizer;
  /** The most steps to take. */
  steps: number;
  /** Sequences per batch (default 16). */
  batchSize?: number;
  /** Tokens per sequence T (default: the model's context length). */
  context?: number;
  /** A learning-rate schedule read at each step (1, 2, ...). */
  schedule?: Schedule;
  /** Seed of the windows drawn (default 0). */
  seed?: number;
  /** Held-out token ids for the validation loss. */
  validIds?: ArrayLike<number>;
  /** Evaluate every this many steps, and after the last (default 100). */
  evalEvery?: number;
  /** Validation windows (fixed, drawn once; default 32). */
  evalWindows?: number;
  /** Stop after this many seconds (the step in flight finishes). */
  timeLimitSeconds?: number;
  /** Called after every step. */
  onStep?: (log: LmStepLog) => void;
  /** Stops after the current step when aborted. */
  signal?: AbortSignal;
}

/** What {@link trainLanguageModel} returns. */
export interface TrainLanguageModelResult {
  history: LmStepLog[];
  steps: number;
  stopped: 'completed' | 'time-limit' | 'aborted';
  /** The last validation loss (nats per token), if validation ids were given. */
  valLoss?: number;
}

function windows(ids: ArrayLike<number>, count: number, length: number, r: Rng, op: string): Int32Array {
  const n = ids.length;
  if (n < length + 1) throw new ValueError('the corpus is shorter than one training window', { pkg: 'transformer', op, arg: 'ids', expected: `at least ${length + 1} tokens`, received: n });
  const out = new Int32Array(count * (length + 1));
  for (let b = 0; b < count; b++) {
    const start = r.integer(n - length);
    for (let j = 0; j <= length; j++) out[b * (length + 1) + j] = ids[start + j] as number;
  }
  return out;
}

/**
 * Trains a language model on a token stream by next-token prediction: each step draws
 * `batchSize` random windows of `context + 1` tokens (seeded), takes the mean cross-entropy of
 * predicting tokens 2..T+1 from the ones before, and lets the optimizer update the parameters.
 * Each step runs in a memory scope. The validation loss is measured on fixed windows.
 * @param lm the model (trained in place)
 * @param ids the training token ids
 * @param options optimizer and steps (required), batchSize, context, schedule, seed, validation, time limit, callbacks
 * @returns the history and why it stopped
 * @throws ValueError for bad options or a corpus shorter than a window
 * @example
 * const tok = charTokenizer(text);
 * const lm = languageModel({ vocabSize: tok.vocabSize, contextLength: 64, dModel: 64, heads: 4, layers: 2 });
 * trainLanguageModel(lm, tok.encode(text), { optimizer: adamw({ lr: 3e-3 }), steps: 500 });
 */
export function trainLanguageModel(lm: LanguageModel, ids: ArrayLike<number>, options: TrainLanguageModelOptions): TrainLanguageModelResult {
  return drive(trainSteps(lm, ids, options, 'trainLanguageModel'));
}

/**
 * {@link trainLanguageModel} that hands the event loop a turn every `yieldEveryMs` (default 30 ms),
 * so a page stays responsive and a process sees Ctrl-C while it trains. Same steps, same numbers.
 * @param lm the model
 * @param ids the training token ids
 * @param options as {@link trainLanguageModel}, plus `yieldEveryMs`
 * @returns a promise of the history
 */
export function trainLanguageModelAsync(lm: LanguageModel, ids: ArrayLike<number>, options: TrainLanguageModelOptions & { yieldEveryMs?: number }): Promise<TrainLanguageModelResult> {
  const { yieldEveryMs = 30, ...rest } = options ?? ({} as TrainLanguageModelOptions);
  return driveAsync(trainSteps(lm, ids, rest, 'trainLanguageModelAsync'), yieldEveryMs);
}

function* trainSteps(lm: LanguageModel, ids: ArrayLike<number>, options: TrainLanguageModelOptions, op: string): Generator<void, TrainLanguageModelResult, undefined> {
  if (typeof options !== 'object' || options === null || typeof options.optimizer?.step !== 'function') {
    throw new ValueError('options need an optimizer', { pkg: 'transformer', op, arg: 'options.optimizer', expected: 'an Optimizer such as adamw({ lr: 3e-3 })', received: typeof options?.optimizer });
  }
  const steps = options.steps;
  if (!Number.isInteger(steps) || steps < 1) throw new ValueError('steps must be a positive integer', { pkg: 'transformer', op, arg: 'options.steps', expected: 'an integer >= 1', received: steps });
  const batchSize = options.batchSize ?? 16;
  const context = options.context ?? lm.contextLength;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new ValueError('batchSize must be a positive integer', { pkg: 'transformer', op, arg: 'options.batchSize', expected: 'an integer >= 1', received: batchSize });
  if (!Number.isInteger(context) || context < 1 || context > lm.contextLength) {
    throw new ValueError('context must fit the model', { pkg: 'transformer', op, arg: 'options.context', expected: `an integer in [1, ${lm.contextLength}]`, received: context });
  }
  const evalEvery = options.evalEvery ?? 100;
  const r = makeRng(options.seed ?? 0);
  const validWindows = options.validIds === undefined ? undefined : windows(options.validIds, options.evalWindows ?? 32, context, makeRng((options.seed ?? 0) + 1), op);
  const boxes = lm.namedParameterBoxes();
  const { optimizer, schedule } = options;
  let state = optimizer.init(lm.stateDict());
  const history: LmStepLog[] = [];
  const started = Date.now();
  let stopped: TrainLanguageModelResult['stopped'] = 'completed';
  let valLoss: number | undefined;
  const evaluate = (): number | undefined => {
    if (validWindows === undefined) return undefined;
    lm.eval();
    try {
      const count = validWindows.length / (context + 1);
      let total = 0;
      for (let b = 0; b < count; b += batchSize) {
        const rows = Math.min(batchSize, count - b);
        total += tidy(() => noGrad(() => lm.loss(tensor(validWindows.subarray(b * (context + 1), (b + rows) * (context + 1)), { shape: [rows, context + 1], dtype: 'int32' })).item())) * rows;
      }
      return total / count;
    } finally {
      lm.train();
    }
  };
  lm.train();
  for (let step = 1; step <= steps; step++) {
    const batch = tensor(windows(ids, batchSize, context, r, op), { shape: [batchSize, context + 1], dtype: 'int32' });
    const context_ = schedule === undefined ? {} : { lr: schedule.at(step) };
    const [value, next, nextState] = tidy(() => {
      const [v, grads] = valueAndGrad((p: Record<string, Tensor>) => functionalCall(lm, p, () => lm.loss(batch)))(lm.stateDict());
      const lv = v.item();
      if (!Number.isFinite(lv)) {
        throw new ValueError(`the loss became ${lv} at step ${step}; the model keeps the weights of step ${step - 1}`, { pkg: 'transformer', op, arg: 'options.optimizer', expected: 'a finite loss', received: lv, hint: 'lower the learning rate' });
      }
      const res = optimizer.step(lm.stateDict(), grads, state, context_);
      return [lv, boxes.map(([n]) => keep(res.params[n] as Tensor)), res.state] as const;
    });
    const old = boxes.map(([, b]) => b.value);
    boxes.forEach(([, b], i) => (b.value = next[i] as Tensor));
    dispose(old);
    state = nextState;
    const seconds = (Date.now() - started) / 1000;
    const log: LmStepLog = { step, loss: value, tokensPerSecond: (step * batchSize * context) / Math.max(seconds, 1e-9), seconds };
    const timeUp = options.timeLimitSeconds !== undefined && seconds >= options.timeLimitSeconds;
    if (step % evalEvery === 0 || step === steps || timeUp) {
      valLoss = evaluate();
      if (valLoss !== undefined) log.valLoss = valLoss;
    }
    history.push(log);
    options.onStep?.(log);
    if (options.signal?.aborted === true) {
      stopped = 'aborted';
      if (log.valLoss === undefined) {
        valLoss = evaluate();
        if (valLoss !== undefined) log.valLoss = valLoss;
      }
      break;
    }
    if (timeUp) {
      stopped = 'time-limit';
      break;
    }
    yield;
  }
  lm.eval();
  return { history, steps: history.length, stopped, ...(valLoss !== undefined ? { valLoss } : {}) };
}
