import { DTypeError, mean, requireFunction, requireOneOf, requireOptions, ShapeError, sum, Tensor, ValueError } from '@gradlab/core-tensor';
import type { JsonValue, Loss, PredictionKind, Reduction, TargetKind } from './loss.ts';

/** Options of {@link defineLoss}. */
export interface DefineLossOptions {
  /** The loss's name (its key in a loss map). */
  id: string;
  /** Options that rebuild it, besides `reduction`. */
  config?: { readonly [key: string]: JsonValue };
  /** How `forward` reduces (default `mean`). */
  reduction?: Reduction;
  /** False for a metric-only loss (default true). */
  differentiable?: boolean;
  /** What the prediction is. */
  prediction: PredictionKind;
  /** What the target is. */
  target: TargetKind;
  /** The per-sample loss, written with core-tensor ops so that autodiff differentiates it. */
  elementwise: (prediction: Tensor, target: Tensor) => Tensor;
}

const REDUCTIONS: readonly Reduction[] = ['mean', 'sum', 'none'];

function fmt(shape: readonly number[]): string {
  return `[${shape.join(', ')}]`;
}

/** Checks a reduction name. */
export function requireReduction(op: string, reduction: unknown): Reduction {
  if (!REDUCTIONS.includes(reduction as Reduction)) {
    throw new ValueError(`${String(reduction)} is not a valid value for reduction`, {
      pkg: 'losses',
      op,
      arg: 'reduction',
      expected: "'mean', 'sum' or 'none'",
      received: reduction,
    });
  }
  return reduction as Reduction;
}

/**
 * Checks a loss factory's options object: only `reduction` and the factory's own keys (unknown
 * keys are refused with a "did you mean" hint), and a valid reduction when one is given.
 */
export function checkLossOptions<T extends object>(op: string, options: T | undefined, keys: readonly string[] = []): T {
  const o = requireOptions(options, { pkg: 'losses', op }, ['reduction', ...keys]) as T & { reduction?: unknown };
  if ('reduction' in o && o.reduction !== undefined) requireReduction(op, o.reduction);
  return o;
}

function isTensor(x: unknown): x is Tensor {
  return x instanceof Tensor;
}

/** Validates prediction and target against the loss's declared kinds. */
function validate(op: string, kind: PredictionKind, targetKind: TargetKind, prediction: Tensor, target: Tensor): void {
  if (!isTensor(prediction)) throw new ValueError('expected a Tensor', { pkg: 'losses', op, arg: 'prediction', expected: 'Tensor', received: typeof prediction });
  if (!isTensor(target)) throw new ValueError('expected a Tensor', { pkg: 'losses', op, arg: 'target', expected: 'Tensor', received: typeof target });
  if (kind !== 'label' && prediction.dtype !== 'float32' && prediction.dtype !== 'float64') {
    throw new DTypeError('the prediction must be a float tensor', {
      pkg: 'losses',
      op,
      arg: 'prediction',
      expected: 'float32 or float64',
      received: prediction.dtype,
      hint: "cast it: prediction.astype('float64')",
    });
  }
  const expectedTargetShape = kind === 'logits' ? prediction.shape.slice(0, -1) : prediction.shape;
  if (kind === 'logits' && prediction.rank < 1) {
    throw new ShapeError('logits need a class axis', { pkg: 'losses', op, arg: 'prediction', expected: '[..., C]', received: fmt(prediction.shape) });
  }
  if (target.shape.length !== expectedTargetShape.length || target.shape.some((d, i) => d !== expectedTargetShape[i])) {
    throw new ShapeError(
      kind === 'logits'
        ? `target must be the logits' shape without the class axis: logits are ${fmt(prediction.shape)}, target is ${fmt(target.shape)}`
        : `prediction and target must have the same shape: prediction is ${fmt(prediction.shape)}, target is ${fmt(target.shape)}`,
      {
        pkg: 'losses',
        op,
        arg: 'target',
        expected: fmt(expectedTargetShape),
        received: fmt(target.shape),
        hint: kind === 'logits' ? 'pass class indices, not one-hot rows' : 'reshape one of them; losses do not broadcast',
      },
    );
  }
  const p = prediction.data;
  for (let k = 0; k < p.length; k++) {
    const v = p[k] as number;
    if (Number.isNaN(v)) throw new ValueError('the prediction contains NaN', { pkg: 'losses', op, arg: 'prediction', expected: 'numbers', received: `NaN at flat index ${k}` });
    if (kind === 'probability' && !(v >= 0 && v <= 1)) {
      throw new ValueError('all elements of the prediction should be between 0 and 1', {
        pkg: 'losses',
        op,
        arg: 'prediction',
        expected: 'probabilities in [0, 1]',
        received: `${v} at flat index ${k}`,
        hint: 'pass logits to the -with-logits variant instead',
      });
    }
  }
  const classes = kind === 'logits' ? (prediction.shape[prediction.rank - 1] ?? 0) : Number.POSITIVE_INFINITY;
  const t = target.data;
  for (let k = 0; k < t.length; k++) {
    const v = t[k] as number;
    let ok: boolean;
    let expected: string;
    switch (targetKind) {
      case 'real':
        ok = Number.isFinite(v);
        expected = 'finite numbers';
        break;
      case 'binary':
        ok = v === 0 || v === 1;
        expected = '0 or 1';
        break;
      case 'probability':
        ok = v >= 0 && v <= 1;
        expected = 'values in [0, 1]';
        break;
      case 'signed':
        ok = v === -1 || v === 1;
        expected = '-1 or +1';
        break;
      case 'class':
        ok = Number.isInteger(v) && v >= 0 && v < classes;
        expected = Number.isFinite(classes) ? `class indices 0..${classes - 1}` : 'non-negative integers';
        break;
    }
    if (!ok) {
      throw new ValueError('invalid target', {
        pkg: 'losses',
        op,
        arg: 'target',
        expected,
        received: `${v} at flat index ${k}`,
        ...(targetKind === 'binary' ? { hint: "targets are t in {0, 1}; for ±1 labels pass { labels: 'signed' }" } : {}),
      });
    }
  }
}

/**
 * Makes a {@link Loss} from its per-sample formula: `forward` validates shapes, dtypes and the
 * target's domain (before any arithmetic, so a wrong input never turns into a silent NaN) and
 * applies the reduction. Every built-in loss is made this way; so can yours be.
 *
 * @param options `{ id, config, reduction = 'mean', differentiable = true, prediction, target, elementwise }`
 * @returns the {@link Loss}
 * @throws ValueError for an unknown reduction
 * @example
 * ```ts
 * const cubic = defineLoss({
 *   id: 'cubic', prediction: 'value', target: 'real',
 *   elementwise: (p, t) => abs(sub(p, t)).pow(3),
 * });
 * cubic.forward(tensor([1, 2]), tensor([0, 0])).item(); // (1 + 8) / 2
 * ```
 */
export function defineLoss(options: DefineLossOptions): Loss {
  if (options === null || typeof options !== 'object') {
    throw new ValueError('defineLoss needs an options object', { pkg: 'losses', op: 'defineLoss', arg: 'options', expected: '{ id, prediction, target, elementwise, ... }', received: options === null ? 'null' : typeof options });
  }
  requireOptions(options, { pkg: 'losses', op: 'defineLoss' }, ['id', 'config', 'reduction', 'differentiable', 'prediction', 'target', 'elementwise']);
  const { id, prediction, target, elementwise } = options;
  if (typeof id !== 'string' || id === '') throw new ValueError('id must be a non-empty string', { pkg: 'losses', op: 'defineLoss', arg: 'options.id', expected: 'a name such as "cubic"', received: typeof id });
  requireOneOf(prediction, { pkg: 'losses', op: 'defineLoss', arg: 'options.prediction' }, ['value', 'score', 'probability', 'logits', 'label']);
  requireOneOf(target, { pkg: 'losses', op: 'defineLoss', arg: 'options.target' }, ['real', 'binary', 'probability', 'signed', 'class']);
  requireFunction(elementwise, { pkg: 'losses', op: 'defineLoss', arg: 'options.elementwise' });
  if (options.differentiable !== undefined && typeof options.differentiable !== 'boolean') throw new ValueError('differentiable must be a boolean', { pkg: 'losses', op: 'defineLoss', arg: 'options.differentiable', expected: 'true or false', received: typeof options.differentiable });
  if (options.config !== undefined && (options.config === null || typeof options.config !== 'object')) throw new ValueError('config must be an object', { pkg: 'losses', op: 'defineLoss', arg: 'options.config', expected: 'a JSON object', received: typeof options.config });
  const reduction = requireReduction(id, options.reduction ?? 'mean');
  const differentiable = options.differentiable ?? true;
  return {
    id,
    config: { ...options.config, reduction },
    reduction,
    differentiable,
    prediction,
    target,
    elementwise,
    forward(p: Tensor, t: Tensor): Tensor {
      validate(id, prediction, target, p, t);
      const losses = elementwise(p, t);
      if (reduction === 'none') return losses;
      return reduction === 'sum' ? sum(losses) : mean(losses);
    },
  };
}
