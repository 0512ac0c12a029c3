import type { Tensor } from '../tensor.ts';
import { householderQr } from './kernels/householder-qr.ts';
import { float64Tensor, readMatrix } from './matrix-input.ts';

/** The result of {@link qr} for a `[m, n]` matrix, k = min(m, n). */
export interface QrResult {
  /** `[m, k]`, orthonormal columns. */
  q: Tensor;
  /** `[k, n]`, upper triangular (its diagonal may be negative, as LAPACK's). */
  r: Tensor;
}

/**
 * The reduced QR factorisation a = Q·R by Householder reflections (numpy's `mode='reduced'`).
 *
 * Computed in float64 (float32 and int32 inputs are promoted; the results are float64). Not
 * differentiable: the results do not record a gradient.
 *
 * @param a - `[m, n]` matrix
 * @returns `{ q: [m, k], r: [k, n] }` with k = min(m, n)
 * @throws ShapeError when a is not a matrix
 * @throws DTypeError when a is bool
 * @throws ValueError when a has a NaN/±Infinity entry
 * @example
 * const { q, r } = qr(tensor([[3, 1], [4, 0]]));
 * r.toArray(); // [[-5, -0.6], [0, 0.8]] (to rounding)
 */
export function qr(a: Tensor): QrResult {
  const m = readMatrix('qr', 'a', a, false);
  const k = Math.min(m.rows, m.cols);
  const f = householderQr(m.data, m.rows, m.cols);
  return { q: float64Tensor(f.q, [m.rows, k]), r: float64Tensor(f.r, [k, m.cols]) };
}
