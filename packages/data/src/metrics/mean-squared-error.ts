import type { VectorInput } from '../matrix.ts';
import { checkPair } from './check-pair.ts';

/**
 * Mean squared error (1/N) Σ (t_n − y_n)²: the quadratic training or validation loss L_D.
 * @param t targets `[N]`
 * @param y predictions `[N]`
 * @returns the mean of the squared errors
 * @throws ShapeError when `t` and `y` differ in length
 * @throws ValueError when there are no samples
 * @example
 * meanSquaredError([0, 1, 2, 2], [2, 2, 2, 2]); // 1.25
 */
export function meanSquaredError(t: VectorInput, y: VectorInput): number {
  const [tv, yv] = checkPair(t, y, 'meanSquaredError');
  let s = 0;
  for (let i = 0; i < tv.length; i++) s += ((tv[i] as number) - (yv[i] as number)) ** 2;
  return s / tv.length;
}
