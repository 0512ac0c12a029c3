import { cast, DTypeError, div, exp, greater, isFloat, matmul, max, mul, requireTensor, ShapeError, softmax, stopGradient, sub, sum, ValueError, where } from '@gradlab/core-tensor';
import type { Tensor } from '@gradlab/core-tensor';
import { causalMask } from './causal-mask.ts';

function fmtShapeOf(t: Tensor): string {
  return `[${t.shape.join(', ')}]`;
}

/** Options of {@link scaledDotProductAttention}. */
export interface AttentionOptions {
  /**
   * A bool tensor broadcastable to the scores `[..., Tq, Tk]`: **true = this query may attend to
   * this key** (the convention of PyTorch's `F.scaled_dot_product_attention` boolean `attn_mask`;
   * note that `nn.MultiheadAttention`'s `attn_mask` and `key_padding_mask` use the opposite,
   * true = masked out). A padding mask over keys is `[batch, 1, 1, Tk]` for `[batch, heads, T, d]`.
   */
  mask?: Tensor;
  /** Mask out the future: query i sees keys j ≤ i (see {@link causalMask}). Combined with `mask` by AND. */
  causal?: boolean;
  /** The factor on q·k (default 1/√d, as in "Attention Is All You Need"; 1 gives the unscaled form). */
  scale?: number;
}

/** The result of {@link scaledDotProductAttention}. */
export interface AttentionResult {
  /** `[..., Tq, dv]`: each query's weighted average of the values. */
  output: Tensor;
  /** `[..., Tq, Tk]`: the attention weights; each kept row sums to 1, a fully masked row is all 0. */
  weights: Tensor;
}

function swapLast(t: Tensor): Tensor {
  const perm = t.shape.map((_, i) => i);
  perm[t.rank - 1] = t.rank - 2;
  perm[t.rank - 2] = t.rank - 1;
  return t.transpose(perm);
}

function check(q: Tensor, k: Tensor, v: Tensor, options: AttentionOptions | undefined): void {
  const op = 'scaledDotProductAttention';
  for (const [arg, t] of [['q', q], ['k', k], ['v', v]] as const) {
    requireTensor(t, { pkg: 'transformer', op, arg });
    if (t.rank < 2) throw new ShapeError('q, k and v need a sequence and a feature axis', { pkg: 'transformer', op, arg, expected: 'rank >= 2 ([..., T, d])', received: fmtShapeOf(t) });
    if (!isFloat(t.dtype)) throw new DTypeError('attention needs float tensors', { pkg: 'transformer', op, arg, expected: 'float32 or float64', received: t.dtype });
  }
  const d = q.shape[q.rank - 1] as number;
  if (k.shape[k.rank - 1] !== d) {
    throw new ShapeError('queries and keys must have the same feature size', { pkg: 'transformer', op, arg: 'k', expected: `k.shape[-1] = ${d} (q is ${fmtShapeOf(q)})`, received: fmtShapeOf(k) });
  }
  if (v.shape[v.rank - 2] !== k.shape[k.rank - 2]) {
    throw new ShapeError('there must be one value per key', { pkg: 'transformer', op, arg: 'v', expected: `v.shape[-2] = ${k.shape[k.rank - 2]} (k is ${fmtShapeOf(k)})`, received: fmtShapeOf(v), hint: 'v is [..., Tk, dv]' });
  }
  const scale = options?.scale;
  if (scale !== undefined && !(typeof scale === 'number' && Number.isFinite(scale))) {
    throw new ValueError('the scale must be a finite number', { pkg: 'transformer', op, arg: 'options.scale', expected: 'a finite number', received: scale });
  }
  const mask = options?.mask;
  if (mask !== undefined && mask.dtype !== 'bool') {
    throw new DTypeError('the mask must be boolean, true = keep', { pkg: 'transformer', op, arg: 'options.mask', expected: 'bool', received: mask.dtype, hint: "a PyTorch nn.MultiheadAttention mask (true = masked) is the negation; an additive float mask is not supported" });
  }
}

function checkMaskShape(mask: Tensor, scores: readonly number[]): void {
  const ok = mask.rank <= scores.length && mask.shape.every((n, i) => n === 1 || n === scores[scores.length - mask.rank + i]);
  if (!ok) {
    throw new ShapeError('the mask must broadcast to the scores [..., Tq, Tk]', { pkg: 'transformer', op: 'scaledDotProductAttention', arg: 'options.mask', expected: `broadcastable to [${scores.join(', ')}]`, received: fmtShapeOf(mask) });
  }
}

/**
 * Masked softmax over the last axis that never makes NaN: masked entries get weight 0, a row
 * with no kept entry is all 0 (and its gradient is 0). The row maximum is taken over kept
 * entries only and held constant, as in the stable softmax; masked entries are replaced by 0
 * before `exp`, so neither the value nor the gradient ever meets an infinity.
 */
function maskedSoftmax(scores: Tensor, keep: Tensor): Tensor {
  const rowMax = max(where(keep, scores, -Infinity), -1, { keepDims: true });
  const shift = stopGradient(where(greater(rowMax, -Infinity), rowMax, 0));
  const e = where(keep, exp(where(keep, sub(scores, shift), 0)), 0);
  const total = sum(e, -1, { keepDims: true });
  return div(e, where(greater(total, 0), total, 1));
}

/**
 * Scaled dot-product attention (Vaswani et al. 2017):
 * `weights = softmax(scale · q kᵀ + mask)`, `output = weights v`, with `scale = 1/√d` by default.
 * Batch (and head) dims broadcast as in matmul. Masked entries (mask false) get weight exactly 0;
 * a query whose keys are all masked gets all-zero weights and a zero output (PyTorch gives NaN
 * there), with finite gradients. It is composed of core-tensor ops, so it is differentiable in
 * q, k and v with `grad`/`valueAndGrad`.
 * @param q queries `[..., Tq, d]`
 * @param k keys `[..., Tk, d]`
 * @param v values `[..., Tk, dv]`
 * @param options `mask` (bool, true = keep, broadcastable to `[..., Tq, Tk]`), `causal`, `scale`
 * @returns `{ output: [..., Tq, dv], weights: [..., Tq, Tk] }`
 * @throws ShapeError when the feature sizes or lengths disagree, or the mask does not broadcast
 * @throws DTypeError for non-float q, k, v or a non-bool mask
 * @throws ValueError for a non-finite scale
 * @example
 * const x = tensor([[1, 0], [0, 1], [1, 1]]);
 * const { output, weights } = scaledDotProductAttention(x, x, x, { causal: true });
 * weights.toArray()[0]; // [1, 0, 0]: the first token sees only itself
 */
export function scaledDotProductAttention(q: Tensor, k: Tensor, v: Tensor, options?: AttentionOptions): AttentionResult {
  check(q, k, v, options);
  const d = q.shape[q.rank - 1] as number;
  const scale = options?.scale ?? 1 / Math.sqrt(d);
  const scores = mul(matmul(q, swapLast(k)), scale);
  let keep: Tensor | undefined = options?.mask;
  if (keep !== undefined) checkMaskShape(keep, scores.shape);
  if (options?.causal === true) {
    const tril = causalMask(scores.shape[scores.rank - 2] as number, scores.shape[scores.rank - 1]);
    keep = keep === undefined ? tril : cast(mul(keep, tril), 'bool');
  }
  const weights = keep === undefined ? softmax(scores, -1) : maskedSoftmax(scores, keep);
  return { output: matmul(weights, v), weights };
}
