import type { VectorInput } from '../matrix.ts';
import { checkPair } from './check-pair.ts';

/**
 * Coefficient of determination R² = 1 − Σ (t_n − y_n)² / Σ (t_n − t̄)². 1 is a perfect fit; 0 is the
 * constant predictor t̄; it is negative for predictors worse than that. With constant targets it is
 * 1 for a perfect fit and 0 otherwise (scikit-learn's convention).
 * @param t targets `[N]`
 * @param y predictions `[N]`
 * @returns R²
 * @throws ShapeError when `t` and `y` differ in length
 * @throws ValueError when there are no samples
 * @example
 * r2Score([1, 2, 3], [1, 2, 4]); // 0.5
 */
export function r2Score(t: VectorInput, y: VectorInput): number {
  const [tv, yv] = checkPair(t, y, 'r2Score');
  let mean = 0;
  for (const v of tv) mean += v;
  mean /= tv.length;
  let ssRes = 0;
  let ssTot = 0;
  for (let i = 0; i < tv.length; i++) {
    ssRes += ((tv[i] as number) - (yv[i] as number)) ** 2;
    ssTot += ((tv[i] as number) - mean) ** 2;
  }
  if (ssTot === 0) return ssRes === 0 ? 1 : 0;
  return 1 - ssRes / ssTot;
}
