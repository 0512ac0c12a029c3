import { hessianVectorProduct, requireFunction, requireOptions, requireTensor, rng as makeRng, tensor, ValueError } from '@gradlab/core-tensor';
import type { Rng, Tensor } from '@gradlab/core-tensor';

/** Options of {@link estimateSmoothness}. */
export interface EstimateSmoothnessOptions {
  /** The largest number of Hessian-vector products (default 200). */
  maxIter?: number;
  /** Stop when ‖Hv − λv‖ <= tol·|λ| (default 1e-10). */
  tol?: number;
  /** The generator of the start vector (default `rng(0)`). */
  rng?: Rng;
}

/** The answer of {@link estimateSmoothness}. */
export interface SmoothnessEstimate {
  /** The estimate of L: the largest |eigenvalue| of the Hessian found. */
  L: number;
  /** The eigenvalue itself (negative where the curvature is most negative). */
  eigenvalue: number;
  /** Its eigenvector, `[n]`. */
  vector: Tensor;
  /** The number of Hessian-vector products used. */
  iterations: number;
  /** Whether the residual fell below the tolerance. */
  converged: boolean;
}

/**
 * Estimates the smoothness constant L of g near θ (for a twice-differentiable g, the largest
 * |eigenvalue| of ∇²g) by power iteration on Hessian-vector products, v ← Hv/‖Hv‖, never forming the
 * Hessian. For a quadratic the Hessian is constant and the answer is the global L; otherwise it is
 * the local curvature at θ: take the largest over the points your iterates visit, or use the
 * closed forms `leastSquaresSmoothness` and `logisticSmoothness`. Power iteration converges like
 * |λ₂/λ₁|^k and fails (converged: false) when two eigenvalues of largest magnitude have opposite signs.
 *
 * @param f g, a function of a vector θ `[n]` returning a scalar tensor
 * @param theta the point `[n]`
 * @param options `{ maxIter = 200, tol = 1e-10, rng }`
 * @returns the estimate, its eigenvalue and eigenvector, and whether it converged
 * @throws ValueError when θ is not a non-empty vector or the products are not finite
 * @example
 * ```ts
 * const g = (t: Tensor) => t.sub(2).square().mul(0.5).add(t.add(1).square().mul(1.5)).sum();
 * estimateSmoothness(g, tensor([0])).L; // 4
 * ```
 */
export function estimateSmoothness(f: (theta: Tensor) => Tensor, theta: Tensor, options: EstimateSmoothnessOptions = {}): SmoothnessEstimate {
  requireFunction(f, { pkg: 'optim', op: 'estimateSmoothness', arg: 'f' });
  requireTensor(theta, { pkg: 'optim', op: 'estimateSmoothness', arg: 'theta' });
  options = requireOptions(options, { pkg: 'optim', op: 'estimateSmoothness' }, ['maxIter', 'tol', 'rng']);
  const op = 'estimateSmoothness';
  if (theta.rank !== 1 || theta.size === 0) {
    throw new ValueError('θ must be a non-empty vector', { pkg: 'optim', op, arg: 'theta', expected: '[n], n >= 1', received: `[${theta.shape.join(', ')}]`, hint: 'flatten your parameters into one vector' });
  }
  const maxIter = options.maxIter ?? 200;
  const tol = options.tol ?? 1e-10;
  const r = options.rng ?? makeRng(0);
  const hvp = hessianVectorProduct(f);
  const n = theta.size;
  const x = theta.dtype === 'float64' ? theta : theta.astype('float64');
  let v: Float64Array = Float64Array.from({ length: n }, () => r.normal());
  const normalise = (w: Float64Array): Float64Array => {
    const s = Math.hypot(...w);
    return w.map((e) => e / s);
  };
  v = normalise(v);
  let lambda = 0;
  for (let k = 1; k <= maxIter; k++) {
    const w = Float64Array.from(hvp(x, tensor(v)).data);
    if (w.some((e) => !Number.isFinite(e))) {
      throw new ValueError('the Hessian-vector product is not finite', { pkg: 'optim', op, arg: 'f', expected: 'finite curvature at θ', received: Array.from(w) });
    }
    lambda = w.reduce((s, e, i) => s + e * (v[i] as number), 0);
    const residual = Math.hypot(...w.map((e, i) => e - lambda * (v[i] as number)));
    const size = Math.hypot(...w);
    if (size === 0 || residual <= tol * Math.abs(lambda)) {
      return { L: Math.abs(lambda), eigenvalue: lambda, vector: tensor(v), iterations: k, converged: true };
    }
    v = normalise(w);
  }
  return { L: Math.abs(lambda), eigenvalue: lambda, vector: tensor(v), iterations: maxIter, converged: false };
}
