import type { Tensor } from '@gradlab/core-tensor';

/** A JSON value: what a loss's `config` may hold, so a model can save which loss it was trained with. */
export type JsonValue = number | string | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** How per-sample losses become the result: their mean, their sum, or left as they are. */
export type Reduction = 'mean' | 'sum' | 'none';

/**
 * What a loss takes as its prediction:
 * - `value`: a real estimate t̂ of a real target, same shape as the target;
 * - `score`: a real score s = θᵀu(x) of a binary target (margin losses use y = t± s);
 * - `probability`: q(t = 1 | x) in [0, 1], same shape as the target;
 * - `logits`: unnormalised log-probabilities `[..., C]` over C classes, targets `[...]`;
 * - `label`: a hard prediction (a class or a binary label), same shape as the target.
 */
export type PredictionKind = 'value' | 'score' | 'probability' | 'logits' | 'label';

/**
 * What a loss takes as its target:
 * - `real`: any real number;
 * - `binary`: 0 or 1;
 * - `probability`: a soft binary target in [0, 1] (the binary log-losses accept it);
 * - `signed`: −1 or +1 (t± = 2t − 1);
 * - `class`: a class index 0..C−1 (an integer, int32 or float).
 */
export type TargetKind = 'real' | 'binary' | 'probability' | 'signed' | 'class';

/**
 * The loss contract: a plain object from a factory (`quadratic()`, `hinge()`, ...). `id` names it in
 * `builtinLosses`, the CLI and saved models; `config` (JSON) rebuilds it. `elementwise` gives one
 * loss per sample; `forward` validates the inputs and applies `reduction`. A loss marked
 * `differentiable: false` (the 0-1 loss) serves as a metric and refuses to be differentiated.
 *
 * Make your own with `defineLoss`; `checkLoss` from `@gradlab/losses/testing` verifies it.
 */
export interface Loss {
  /** The loss's name, e.g. `hinge`. */
  readonly id: string;
  /** The options that rebuild it with its factory, `reduction` included. */
  readonly config: { readonly [key: string]: JsonValue };
  /** How `forward` reduces the per-sample losses. */
  readonly reduction: Reduction;
  /** False for losses with no useful gradient (0-1): differentiating them throws. */
  readonly differentiable: boolean;
  /** What the prediction argument is. */
  readonly prediction: PredictionKind;
  /** What the target argument is. */
  readonly target: TargetKind;
  /**
   * The per-sample losses, unreduced and unvalidated.
   * @param prediction `[...batch]`, or `[...batch, C]` for logits
   * @param target `[...batch]`
   * @returns `[...batch]`
   */
  elementwise(prediction: Tensor, target: Tensor): Tensor;
  /**
   * The loss: validated, then reduced by `reduction`.
   * @param prediction `[...batch]`, or `[...batch, C]` for logits
   * @param target `[...batch]`
   * @returns a scalar for `mean` and `sum`, `[...batch]` for `none`
   */
  forward(prediction: Tensor, target: Tensor): Tensor;
}
