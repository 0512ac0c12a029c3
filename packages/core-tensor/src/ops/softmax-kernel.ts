/**
 * Softmax over the last axis through the backend's optional fused kernels (contract version 3).
 * The composed softmax makes five passes over memory forward (max, sub, exp, sum, div) and more
 * backward; attention runs it over [batch, heads, T, T], so a backend may do each row in one call.
 * The gradient rule is the softmax Jacobian J = diag(y) − y yᵀ applied to g, itself differentiable.
 */
import { getBackend } from '../backend/registry.ts';
import { record } from '../autodiff/tape.ts';
import type { Tensor } from '../tensor.ts';
import { fromBuffer, view } from './util.ts';
import { mul, sub } from './binary.ts';
import { sum } from './reduce.ts';

const rowSum = (x: Tensor): Tensor => sum(x, -1, { keepDims: true });

/**
 * softmax's vector-Jacobian product over the last axis, J g = y ⊙ (g − Σ g ⊙ y): the backend's
 * `softmaxGrad` kernel when it has one, else composed. Differentiable in both arguments (J is
 * symmetric, so ∂/∂g of J g applied to h is J h; ∂/∂y is h ⊙ (g − Σ g ⊙ y) − g ⊙ Σ h ⊙ y).
 * @param y softmax output, float, rank ≥ 1
 * @param g upstream gradient, y's shape and dtype
 * @returns the gradient with respect to softmax's input, y's shape
 */
export function softmaxGrad(y: Tensor, g: Tensor): Tensor {
  const kernel = getBackend().softmaxGrad;
  if (kernel === undefined || y.size === 0 || g.dtype !== y.dtype) return mul(y, sub(g, rowSum(mul(g, y))));
  const out = fromBuffer(kernel(view(y), view(g), y.dtype), y.shape, y.dtype);
  return record(out, 'softmaxGrad', [y, g], (h, needs) => [
    needs[0] === true ? sub(mul(h, sub(g, rowSum(mul(g, y)))), mul(g, rowSum(mul(h, y)))) : null,
    needs[1] === true ? softmaxGrad(y, h) : null,
  ]);
}

/**
 * Softmax of a float tensor over its last axis by the backend's `softmax` kernel, or undefined when
 * the backend has none (the caller composes it then).
 * @param t float tensor, rank ≥ 1
 * @returns the softmax, t's shape, or undefined
 */
export function softmaxByKernel(t: Tensor): Tensor | undefined {
  const kernel = getBackend().softmax;
  if (kernel === undefined || t.rank === 0 || t.size === 0) return undefined;
  const out = fromBuffer(kernel(view(t), t.dtype), t.shape, t.dtype);
  return record(out, 'softmax', [t], (g) => [softmaxGrad(out, g)]);
}
