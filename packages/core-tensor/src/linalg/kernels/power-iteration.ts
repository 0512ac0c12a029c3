import { norm2 } from './row-major.ts';

/** Stopping rules and start of {@link powerIterate}. */
export interface PowerIterationSettings {
  /** Stop when ‖A·v − λ·v‖ ≤ tol·|λ|. */
  readonly tol: number;
  /** The most matrix–vector products to spend. */
  readonly maxIter: number;
  /** The start vector, n entries, not all zero. */
  readonly start: Float64Array;
}

/** The result of {@link powerIterate}. */
export interface PowerIterationResult {
  /** The Rayleigh quotient vᵀ·A·v of the last iterate: the eigenvalue estimate. */
  readonly value: number;
  /** The last iterate, unit norm, its largest-magnitude entry positive. */
  readonly vector: Float64Array;
  /** The matrix–vector products spent. */
  readonly iterations: number;
  /** Whether the residual test passed within maxIter. */
  readonly converged: boolean;
}

/**
 * Power iteration v ← A·v/‖A·v‖ for the eigenvalue of largest magnitude of a square n×n matrix,
 * estimated by the Rayleigh quotient λ = vᵀ·A·v. Convergence is judged on the eigen-residual
 * ‖A·v − λ·v‖ ≤ tol·|λ|, which also holds when λ < 0 and v flips sign every step. The error
 * shrinks like |λ₂/λ₁|ᵏ; with |λ₂| = |λ₁| (e.g. ±λ, or a complex pair) it does not converge.
 *
 * @param a - the n×n matrix, row-major
 * @returns the estimate, its vector, the iterations spent and whether it converged
 */
export function powerIterate(a: Float64Array, n: number, settings: PowerIterationSettings): PowerIterationResult {
  const { tol, maxIter } = settings;
  let v = Float64Array.from(settings.start);
  const n0 = norm2(v);
  for (let i = 0; i < n; i++) v[i]! /= n0;
  let value = 0;
  let converged = false;
  let iterations = 0;
  const av = new Float64Array(n);
  while (iterations < maxIter) {
    iterations++;
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) s += a[i * n + j]! * v[j]!;
      av[i] = s;
    }
    const norm = norm2(av);
    // A·v = 0: v is in the null space, and 0 is the dominant eigenvalue only when A = 0.
    if (norm === 0) {
      value = 0;
      converged = a.every((x) => x === 0);
      break;
    }
    value = 0;
    for (let i = 0; i < n; i++) value += v[i]! * av[i]!;
    const res = new Float64Array(n);
    for (let i = 0; i < n; i++) res[i] = av[i]! - value * v[i]!;
    if (norm2(res) <= tol * Math.abs(value)) {
      converged = true;
      break;
    }
    const next = new Float64Array(n);
    for (let i = 0; i < n; i++) next[i] = av[i]! / norm;
    v = next;
  }
  let big = 0;
  for (let i = 0; i < n; i++) if (Math.abs(v[i]!) > Math.abs(big)) big = v[i]!;
  if (big < 0) for (let i = 0; i < n; i++) v[i] = -v[i]!;
  return { value, vector: v, iterations, converged };
}
