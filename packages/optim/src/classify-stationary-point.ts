import { eigh, grad, hessian, requireFunction, requireOptions, requireTensor, tensor, ValueError } from '@gradlab/core-tensor';
import type { Tensor } from '@gradlab/core-tensor';

/** Options of {@link classifyStationaryPoint}. */
export interface StationaryPointOptions {
  /** ‖∇g(θ)‖ at or below this counts as stationary (default 1e-6). */
  gradientTolerance?: number;
  /** Eigenvalues within this of 0, relative to the largest |eigenvalue| (at least 1), count as 0 (default 1e-8). */
  eigenvalueTolerance?: number;
}

/** The answer of {@link classifyStationaryPoint}. */
export interface StationaryPointReport {
  /**
   * `minimum` (all Hessian eigenvalues > 0), `maximum` (all < 0), `saddle` (both signs),
   * `degenerate` (a zero eigenvalue and no opposite signs: the second-order test cannot tell),
   * or `not-stationary` (‖∇g‖ above the tolerance).
   */
  kind: 'minimum' | 'maximum' | 'saddle' | 'degenerate' | 'not-stationary';
  /** ∇g(θ), `[n]`. */
  gradient: number[];
  /** ‖∇g(θ)‖. */
  gradientNorm: number;
  /** The Hessian's eigenvalues, ascending. */
  eigenvalues: number[];
}

/**
 * Classifies a point of g by the first- and second-order conditions of the notes: it is stationary
 * when ∇g(θ) = 0, and then a local minimum when the Hessian ∇²g(θ) is positive definite, a local
 * maximum when negative definite, a saddle point when it has eigenvalues of both signs; with a zero
 * eigenvalue and no opposite signs the test is inconclusive (`degenerate`). The gradient and
 * Hessian come from autodiff, the eigenvalues from `eigh`.
 *
 * @param f g, a function of a vector θ `[n]` returning a scalar tensor
 * @param theta the point `[n]`
 * @param options `{ gradientTolerance = 1e-6, eigenvalueTolerance = 1e-8 }`
 * @returns the kind, the gradient, its norm and the Hessian's eigenvalues
 * @throws ValueError when θ is not a non-empty vector or g is not finite there
 * @example
 * ```ts
 * const g = compile(parse('theta1^2 + 2*theta2^2 - theta3^2'));
 * classifyStationaryPoint(g, tensor([0, 0, 0])).kind; // 'saddle' (eigenvalues -2, 2, 4)
 * ```
 */
export function classifyStationaryPoint(f: (theta: Tensor) => Tensor, theta: Tensor, options: StationaryPointOptions = {}): StationaryPointReport {
  requireFunction(f, { pkg: 'optim', op: 'classifyStationaryPoint', arg: 'f' });
  requireTensor(theta, { pkg: 'optim', op: 'classifyStationaryPoint', arg: 'theta' });
  options = requireOptions(options, { pkg: 'optim', op: 'classifyStationaryPoint' }, ['gradientTolerance', 'eigenvalueTolerance']);
  const op = 'classifyStationaryPoint';
  if (theta.rank !== 1 || theta.size === 0) {
    throw new ValueError('θ must be a non-empty vector', { pkg: 'optim', op, arg: 'theta', expected: '[n], n >= 1', received: `[${theta.shape.join(', ')}]` });
  }
  const x = theta.dtype === 'float64' ? theta : theta.astype('float64');
  const gradient = Array.from(grad(f)(x).data);
  const gradientNorm = Math.hypot(...gradient);
  const h = hessian(f)(x);
  if (!Number.isFinite(gradientNorm) || Array.from(h.data).some((v) => !Number.isFinite(v))) {
    throw new ValueError('g is not twice differentiable with finite values at θ', { pkg: 'optim', op, arg: 'theta', expected: 'finite gradient and Hessian', received: Array.from(x.data) });
  }
  const n = x.size;
  // Symmetrise: autodiff's mixed partials agree only to rounding.
  const hd = h.data;
  const sym = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) sym[i * n + j] = ((hd[i * n + j] as number) + (hd[j * n + i] as number)) / 2;
  const eigenvalues = Array.from(eigh(tensor(sym, { shape: [n, n] })).values.data);
  const largest = Math.max(1, ...eigenvalues.map(Math.abs));
  const tol = (options.eigenvalueTolerance ?? 1e-8) * largest;
  const pos = eigenvalues.some((v) => v > tol);
  const neg = eigenvalues.some((v) => v < -tol);
  const zero = eigenvalues.some((v) => Math.abs(v) <= tol);
  let kind: StationaryPointReport['kind'];
  if (gradientNorm > (options.gradientTolerance ?? 1e-6)) kind = 'not-stationary';
  else if (pos && neg) kind = 'saddle';
  else if (zero) kind = 'degenerate';
  else kind = pos ? 'minimum' : 'maximum';
  return { kind, gradient, gradientNorm, eigenvalues };
}
