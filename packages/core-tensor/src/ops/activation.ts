/**
 * Activations and normalizers composed from primitives: none of them has a kernel or a gradient
 * rule of its own.
 */
import { requireFloat } from '../dtype.ts';
import { ValueError } from '../errors.ts';
import { requireNumber } from '../validate/require-number.ts';
import { requireOneOf, requireOptions } from '../validate/require-options.ts';
import { normAxis } from '../shape.ts';
import { stopGradient } from '../autodiff/stop-gradient.ts';
import type { Tensor } from '../tensor.ts';
import type { TensorLike } from './util.ts';
import { toTensor } from './util.ts';
import { add, div, maximum, minimum, mul, sub } from './binary.ts';
import { erf, exp, log1p, neg, tanh } from './unary.ts';
import { equal, greater } from './compare.ts';
import { where } from './where.ts';
import { logSumExp, max, sum } from './reduce.ts';
import { softmaxByKernel } from './softmax-kernel.ts';

function floatArg(op: string, x: TensorLike): Tensor {
  const t = toTensor(op, 'x', x);
  requireFloat(op, 'x', t.dtype);
  return t;
}

/**
 * Leaky ReLU: x for x > 0, slope·x otherwise.
 * @param x float tensor
 * @param slope the negative-side slope (default 0.01, as PyTorch)
 * @returns a tensor of x's shape
 * @example
 * leakyRelu(tensor([-10, 1])).toArray(); // [-0.1, 1]
 */
export function leakyRelu(x: TensorLike, slope = 0.01): Tensor {
  requireNumber(slope, { op: 'leakyRelu', arg: 'slope' });
  const t = toTensor('leakyRelu', 'x', x);
  return where(greater(t, 0), t, mul(t, slope));
}

/**
 * softplus(x) = log(1 + eˣ); its gradient is sigmoid(x), 1/2 at x = 0.
 *
 * Computed stably by branches: x + log1p(e^−x) for x > 0 and log1p(eˣ) otherwise. Each branch sees
 * only the inputs it is selected for (the others are replaced by 0), so neither overflows and no
 * NaN leaks into the gradient of the branch that `where` discards. (The shorter
 * max(x, 0) + log1p(e^−|x|) has the right values but a gradient of 0 at x = 0, since relu and abs
 * both take derivative 0 there.)
 * @param x float tensor, any shape
 * @returns a tensor of x's shape
 * @throws DTypeError for non-float input
 * @example
 * softplus(tensor([0])).toArray(); // [0.6931471805599453]
 */
export function softplus(x: TensorLike): Tensor {
  const t = floatArg('softplus', x);
  const positive = greater(t, 0);
  const xp = where(positive, t, 0);
  const xn = where(positive, 0, t);
  return where(positive, add(xp, log1p(exp(neg(xp)))), log1p(exp(xn)));
}

/** Options of {@link gelu}. */
export interface GeluOptions {
  /** `'none'` (default): the exact form x·Φ(x) with the erf; `'tanh'`: the tanh approximation of Hendrycks & Gimpel. */
  approximate?: 'none' | 'tanh';
}

/**
 * GELU(x) = x·Φ(x) = ½x(1 + erf(x/√2)) (exact, the default, as PyTorch), or with
 * `approximate: 'tanh'` ½x(1 + tanh(√(2/π)(x + 0.044715x³))).
 * @param x float tensor, any shape
 * @param options approximate: `none` (default) or `tanh`
 * @returns a tensor of x's shape
 * @throws DTypeError for non-float input
 * @example
 * gelu(tensor([1])).toArray(); // [0.8413447460685429]
 */
export function gelu(x: TensorLike, options?: GeluOptions): Tensor {
  const o = requireOptions(options, { op: 'gelu' }, ['approximate']);
  const mode = requireOneOf(o.approximate ?? 'none', { op: 'gelu', arg: 'options.approximate' }, ['none', 'tanh'] as const);
  const t0 = floatArg('gelu', x);
  // GELU(−∞) = 0, but −∞·Φ(−∞) = −∞·0 is NaN: evaluate at 0 there (also keeps the gradient finite).
  const minusInf = equal(t0, -Infinity);
  const t = where(minusInf, 0, t0);
  const y = mode === 'tanh'
    ? mul(mul(t, 0.5), add(tanh(mul(add(t, mul(mul(mul(t, t), t), 0.044715)), Math.sqrt(2 / Math.PI))), 1))
    : mul(mul(t, 0.5), add(erf(mul(t, Math.SQRT1_2)), 1));
  return where(minusInf, 0, y);
}

/**
 * Softmax along `axis` (default −1): exp(x − max) / Σ exp(x − max), stable for large inputs.
 * @param x float tensor, e.g. logits `[batch, classes]`
 * @param axis the axis that sums to 1 (default −1)
 * @returns a tensor of x's shape
 * @throws DTypeError for non-float input; ShapeError for a bad axis
 * @example
 * softmax(tensor([0, Math.log(3)])).toArray(); // [0.25, 0.75]
 */
export function softmax(x: TensorLike, axis = -1): Tensor {
  const t = floatArg('softmax', x);
  const a = normAxis('softmax', axis, t.rank);
  if (a === t.rank - 1) {
    const fused = softmaxByKernel(t);
    if (fused !== undefined) return fused;
  }
  const e = exp(sub(t, stopGradient(max(t, a, { keepDims: true }))));
  return div(e, sum(e, a, { keepDims: true }));
}

/**
 * log softmax along `axis` (default −1): x − logSumExp(x), stable for large inputs.
 * @param x float tensor, e.g. logits `[batch, classes]`
 * @param axis the normalized axis (default −1)
 * @returns a tensor of x's shape
 * @throws DTypeError for non-float input; ShapeError for a bad axis
 * @example
 * logSoftmax(tensor([0, 0])).toArray(); // [-0.6931471805599453, -0.6931471805599453]
 */
export function logSoftmax(x: TensorLike, axis = -1): Tensor {
  const t = floatArg('logSoftmax', x);
  const a = normAxis('logSoftmax', axis, t.rank);
  return sub(t, logSumExp(t, a, { keepDims: true }));
}

/**
 * Clamps every element into [low, high] (gradient 1 inside, 0 outside).
 * @param x any shape
 * @param low lower bound
 * @param high upper bound
 * @returns a tensor of x's shape
 * @throws ValueError when low > high
 * @example
 * clip(tensor([-2, 0.5, 2]), -1, 1).toArray(); // [-1, 0.5, 1]
 */
export function clip(x: TensorLike, low: number, high: number): Tensor {
  requireNumber(low, { op: 'clip', arg: 'low' });
  requireNumber(high, { op: 'clip', arg: 'high' });
  if (!(low <= high)) throw new ValueError('low must not exceed high', { op: 'clip', arg: 'low', expected: `<= ${high}`, received: low });
  return minimum(maximum(toTensor('clip', 'x', x), low), high);
}
