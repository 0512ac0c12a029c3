import { softmaxCrossEntropy } from '@gradlab/core-tensor';
import { checkLossOptions, defineLoss } from './define-loss.ts';
import type { Loss } from './loss.ts';
import type { ReductionOptions } from './quadratic.ts';

/**
 * The categorical cross-entropy (log-loss) −log q(t | x) with q = softmax(logits), computed as
 * −logSoftmax(logits)[t] (log-sum-exp shifted by the maximum), so it is finite for logits of any
 * size (`torch.nn.CrossEntropyLoss`). Its gradient with respect to the logits is softmax − onehot(t).
 *
 * @param options `{ reduction = 'mean' }`
 * @returns a {@link Loss} with id `cross-entropy` (prediction `logits` `[..., C]`, target class indices `[...]`)
 * @throws `forward` throws ShapeError when the target is not the logits' shape without the class
 *   axis, ValueError for a class index outside 0..C−1
 * @example
 * ```ts
 * crossEntropy().forward(tensor([[2, 0, 0]]), tensor([0])).item(); // log(e^2 + 2) − 2 = 0.2395
 * ```
 */
export function crossEntropy(options: ReductionOptions = {}): Loss {
  options = checkLossOptions('crossEntropy', options, []);
  return defineLoss({
    id: 'cross-entropy',
    reduction: options.reduction ?? 'mean',
    prediction: 'logits',
    target: 'class',
    // core-tensor's fused op: one pass forward, (softmax − onehot)·g backward, one tape node.
    elementwise: (logits, target) => softmaxCrossEntropy(logits, target),
  });
}
