import { cast, customGrad, lessEqual, notEqual, ValueError } from '@gradlab/core-tensor';
import type { Tensor } from '@gradlab/core-tensor';
import { checkLossOptions, defineLoss } from './define-loss.ts';
import type { Loss } from './loss.ts';
import type { LabelEncoding } from './margin.ts';
import { margin, requireLabels } from './margin.ts';
import type { ReductionOptions } from './quadratic.ts';

/** Options of {@link zeroOne}. */
export interface ZeroOneOptions extends ReductionOptions {
  /**
   * `label` (default): the prediction is a hard label t̂ and the loss is 1[t̂ ≠ t];
   * `score`: the prediction is a score s and the loss is step(−y) with y = t± s, counting y <= 0
   * (a score on the decision boundary) as an error.
   */
  from?: 'label' | 'score';
  /** For `from: 'score'`: targets in {0, 1} (default) or ±1. */
  labels?: LabelEncoding;
}

function refuse(): never {
  throw new ValueError('the 0-1 loss is not differentiable: its gradient is 0 almost everywhere and undefined at the boundary', {
    pkg: 'losses',
    op: 'zeroOne',
    arg: 'prediction',
    expected: 'a differentiable surrogate',
    received: 'the detection-error (0-1) loss',
    hint: 'use it as a metric; train with hinge(), logisticLoss() or binaryCrossEntropyWithLogits() instead',
  });
}

/**
 * The detection-error (0-1) loss: 1 for a wrong decision, 0 for a right one; its mean is the error
 * rate. Its population minimiser is the posterior mode (MAP). It is marked
 * `differentiable: false`: use it as a metric; differentiating it throws a clear error rather than
 * returning a useless zero gradient.
 *
 * @param options `{ from = 'label', labels = 'zero-one', reduction = 'mean' }`
 * @returns a {@link Loss} with id `zero-one`
 * @throws ValueError for unknown options; differentiating `forward` throws ValueError
 * @example
 * ```ts
 * zeroOne().forward(tensor([1, 0, 2]), tensor([1, 1, 2])).item();              // 1/3
 * zeroOne({ from: 'score' }).forward(tensor([0.3, 0.2]), tensor([1, 0])).item(); // 0.5
 * ```
 */
export function zeroOne(options: ZeroOneOptions = {}): Loss {
  options = checkLossOptions('zeroOne', options, ['from', 'labels']);
  const from = options.from ?? 'label';
  if (from !== 'label' && from !== 'score') {
    throw new ValueError(`${String(from)} is not a kind of prediction for the 0-1 loss`, { pkg: 'losses', op: 'zeroOne', arg: 'from', expected: "'label' or 'score'", received: from });
  }
  const labels = requireLabels('zeroOne', options.labels ?? 'zero-one');
  const asFloat = (x: Tensor, like: Tensor): Tensor => cast(x, like.dtype === 'float32' ? 'float32' : 'float64');
  const errors = customGrad(
    (p: Tensor, t: Tensor) => (from === 'label' ? asFloat(notEqual(p, t), p) : asFloat(lessEqual(margin(p, t, labels), 0), p)),
    () => refuse(),
    { name: 'zeroOne' },
  );
  return defineLoss({
    id: 'zero-one',
    config: from === 'score' ? { from, labels } : { from },
    reduction: options.reduction ?? 'mean',
    differentiable: false,
    prediction: from === 'label' ? 'label' : 'score',
    target: from === 'label' ? 'class' : labels === 'signed' ? 'signed' : 'binary',
    elementwise: errors,
  });
}
