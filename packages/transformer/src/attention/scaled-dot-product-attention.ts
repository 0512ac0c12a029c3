import { div, DTypeError, equal, exp, matmul, max, mul, ShapeError, stopGradient, sub, sum, transpose, where } from '@gradlab/core-tensor';
import type { Tensor } from '@gradlab/core-tensor';
import { causalMask } from './causal-mask.ts';

/** Options of {@link scaledDotProductAttention}. */
export interface AttentionOptions {
  /** A bool mask broadcastable to `[..., Tq, Tk]`: true = the query may attend to that key. */
  mask?: Tensor;
  /** Also hide the keys after each query's position (bottom-right aligned when Tq < Tk). */
  causal?: boolean;
}

/** What {@link scaledDotProductAttention} returns. */
export interface AttentionResult {
  /** `[..., Tq, dv]`: each query's weighted mean of the values. */
  output: Tensor;
  /** `[..., Tq, Tk]`: the attention weights; each row sums to 1 (0 for a fully masked row). */
  weights: Tensor;
}

const perm = (rank: number): number[] => {
  const p = Array.from({ length: rank }, (_, i) => i);
  p[rank - 1] = rank - 2;
  p[rank - 2] = rank - 1;
  return p;
};

/**
 * Scaled dot-product attention: `weights = softmax(q kᵀ / sqrt(d))`, `output = weights v` (Vaswani
 * et al.; the notes' `softmax(X Xᵀ) X` with X projected to queries, keys and values and the scores
 * scaled by 1/sqrt(d) so that their variance does not grow with d). Batch dims broadcast.
 * A masked score is set to −∞ before the softmax; a query whose keys are all masked gets zero
 * weights and a zero output instead of NaN.
 * @param q queries `[..., Tq, d]`
 * @param k keys `[..., Tk, d]`
 * @param v values `[..., Tk, dv]`
 * @param options `mask` (bool, broadcastable to `[..., Tq, Tk]`), `causal`
 * @returns `{ output: [..., Tq, dv], weights: [..., Tq, Tk] }`
 * @throws ShapeError when the feature or key dims disagree or a rank is below 2; DTypeError for a non-bool mask
 * @example
 * const x = tensor([[1, 0], [0, 1]]);
 * scaledDotProductAttention(x, x, x).weights.toArray(); // rows [0.67, 0.33], [0.33, 0.67]
 */
export function scaledDotProductAttention(q: Tensor, k: Tensor, v: Tensor, options: AttentionOptions = {}): AttentionResult {
  const op = 'scaledDotProductAttention';
  for (const [arg, t] of [['q', q], ['k', k], ['v', v]] as const) {
    if (t.rank < 2) throw new ShapeError(`${arg} needs a sequence and a feature axis`, { pkg: 'transformer', op, arg, expected: '[..., T, d]', received: [...t.shape] });
  }
  const d = q.shape[q.rank - 1] as number;
  const tq = q.shape[q.rank - 2] as number;
  const tk = k.shape[k.rank - 2] as number;
  if (k.shape[k.rank - 1] !== d) {
    throw new ShapeError('queries and keys need the same feature size', { pkg: 'transformer', op, arg: 'k', expected: `[..., Tk, ${d}]`, received: [...k.shape] });
  }
  if (v.shape[v.rank - 2] !== tk) {
    throw new ShapeError('there must be one value per key', { pkg: 'transformer', op, arg: 'v', expected: `[..., ${tk}, dv]`, received: [...v.shape], hint: 'k and v come from the same tokens' });
  }
  if (options.mask !== undefined && options.mask.dtype !== 'bool') {
    throw new DTypeError('the mask is boolean (true = keep)', { pkg: 'transformer', op, arg: 'options.mask', expected: 'bool', received: options.mask.dtype, hint: 'build it with a comparison such as greater(ids, 0)' });
  }
  if (options.causal === true && tk < tq) {
    throw new ShapeError('a causal mask needs at least as many keys as queries', { pkg: 'transformer', op, arg: 'k', expected: `Tk >= ${tq}`, received: tk });
  }
  let scores = matmul(mul(q, 1 / Math.sqrt(d)), transpose(k, perm(k.rank)));
  if (options.causal === true && tq > 1) scores = where(causalMask(tq, tk), scores, -Infinity);
  if (options.mask === undefined) {
    // Every row keeps at least its own key: the plain stable softmax is safe.
    const e = exp(sub(scores, stopGradient(max(scores, -1, { keepDims: true }))));
    const weights = div(e, sum(e, -1, { keepDims: true }));
    return { output: matmul(weights, v), weights };
  }
  scores = where(options.mask, scores, -Infinity);
  // A fully masked row has max −∞: shift it by 0 instead, so exp gives zeros and not NaN.
  const m = stopGradient(max(scores, -1, { keepDims: true }));
  const e = exp(sub(scores, where(equal(m, -Infinity), 0, m)));
  const total = sum(e, -1, { keepDims: true });
  const weights = div(e, where(equal(total, 0), 1, total));
  return { output: matmul(weights, v), weights };
}
