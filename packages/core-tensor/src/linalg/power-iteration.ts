import { ShapeError, ValueError } from '../errors.ts';
import { requireObject, requireOptions } from '../validate/require-options.ts';
import type { Rng } from '../random.ts';
import { Tensor } from '../tensor.ts';
import { powerIterate } from './kernels/power-iteration.ts';
import { float64Tensor, readMatrix } from './matrix-input.ts';

/** Options of {@link powerIteration}. */
export interface PowerIterationOptions {
  /** Stop when ‖a·v − λ·v‖ ≤ tol·|λ| (default 1e-10). */
  tol?: number;
  /** The most iterations (matrix–vector products) to spend (default 1000). */
  maxIter?: number;
  /** The start vector, `[n]`, not all zero. Takes precedence over `rng`. */
  init?: Tensor;
  /** Draws a standard normal start vector. Without `init` and `rng`, a fixed deterministic start. */
  rng?: Rng;
}

/** The result of {@link powerIteration}. */
export interface PowerIterationResult {
  /** The eigenvalue estimate of largest magnitude (the Rayleigh quotient vᵀ·a·v; may be negative). */
  value: number;
  /** The unit eigenvector estimate, `[n]` float64, its largest-magnitude entry positive. */
  vector: Tensor;
  /** The iterations spent. */
  iterations: number;
  /** Whether the residual test passed within `maxIter`. */
  converged: boolean;
}

/** A fixed start with no special structure (so not orthogonal to simple eigenvectors). */
function defaultStart(n: number): Float64Array {
  return Float64Array.from({ length: n }, (_, i) => 1 + (((i + 1) * 0.6180339887498949) % 1));
}

/**
 * Power iteration for the eigenvalue of largest magnitude of a square matrix and its
 * eigenvector: v ← a·v/‖a·v‖, with λ = vᵀ·a·v, until ‖a·v − λ·v‖ ≤ tol·|λ|. It needs only
 * matrix–vector products; the error falls like |λ₂/λ₁|ᵏ, so it is slow when the two largest
 * magnitudes are close and fails (converged: false) when they are equal (e.g. λ and −λ, or a
 * complex pair of a non-symmetric matrix). A start vector orthogonal to the dominant eigenvector
 * finds another one; pass `rng` or `init` to control the start.
 *
 * Computed in float64 (float32 and int32 inputs are promoted). Not differentiable.
 *
 * @param a - `[n, n]` matrix, n ≥ 1 (symmetric or not)
 * @param options - `tol`, `maxIter`, and the start: `init` or `rng`
 * @returns `{ value, vector: [n], iterations, converged }`
 * @throws ShapeError when a is not a non-empty square matrix, or init is not `[n]`
 * @throws DTypeError when a or init is bool
 * @throws ValueError when an entry is NaN/±Infinity, tol is not positive, maxIter is not a
 *   positive integer, or init is all zeros
 * @example
 * const { value, converged } = powerIteration(tensor([[2, 1], [1, 2]]), { tol: 1e-12 });
 * value; // 3 (to 1e-12); converged === true
 */
export function powerIteration(a: Tensor, options?: PowerIterationOptions): PowerIterationResult {
  options = requireOptions(options, { op: 'powerIteration' }, ['tol', 'maxIter', 'init', 'rng']);
  if (options.rng !== undefined) requireObject(options.rng, { op: 'powerIteration', arg: 'options.rng' }, ['normal']);
  const tol = options.tol ?? 1e-10;
  const maxIter = options.maxIter ?? 1000;
  if (!(Number.isFinite(tol) && tol > 0)) {
    throw new ValueError('tol must be a finite number > 0', { op: 'powerIteration', arg: 'options.tol', expected: 'a finite number > 0', received: tol });
  }
  if (!(Number.isInteger(maxIter) && maxIter >= 1)) {
    throw new ValueError('maxIter must be a positive integer', { op: 'powerIteration', arg: 'options.maxIter', expected: 'an integer ≥ 1', received: maxIter });
  }
  const m = readMatrix('powerIteration', 'a', a, true);
  const n = m.rows;
  if (n === 0) {
    throw new ShapeError('a must not be empty', { op: 'powerIteration', arg: 'a', expected: 'shape [n, n] with n ≥ 1', received: '[0, 0]' });
  }
  let start: Float64Array;
  if (options.init !== undefined) {
    const given: unknown = options.init;
    if (given instanceof Tensor && (given.rank !== 1 || given.size !== n)) {
      throw new ShapeError(`options.init must be a vector of length ${n}`, { op: 'powerIteration', arg: 'options.init', expected: `[${n}]`, received: `[${given.shape.join(', ')}]` });
    }
    const init = readMatrix('powerIteration', 'options.init', given instanceof Tensor ? given.reshape([1, n]) : given, false);
    if (init.data.every((x) => x === 0)) {
      throw new ValueError('options.init must not be all zeros', { op: 'powerIteration', arg: 'options.init', expected: 'a nonzero vector', received: 'all zeros' });
    }
    start = init.data;
  } else if (options.rng !== undefined) {
    const r = options.rng;
    start = Float64Array.from({ length: n }, () => r.normal());
  } else {
    start = defaultStart(n);
  }
  const res = powerIterate(m.data, n, { tol, maxIter, start });
  return { value: res.value, vector: float64Tensor(res.vector, [n]), iterations: res.iterations, converged: res.converged };
}
