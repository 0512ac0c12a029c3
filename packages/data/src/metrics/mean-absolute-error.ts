import type { VectorInput } from '../matrix.ts';
import { checkPair } from './check-pair.ts';

/**
 * Mean absolute error (1/N) Σ |t_n − y_n|: the loss |t − t̂|^k with k = 1, averaged.
 * @param t targets `[N]`
 * @param y predictions `[N]`
 * @returns the mean of the absolute errors
 * @throws ShapeError when `t` and `y` differ in length
 * @throws ValueError when there are no samples
 * @example
 * meanAbsoluteError([0, 1, 2, 2], [2, 2, 2, 2]); // 0.75
 */
export function meanAbsoluteError(t: VectorInput, y: VectorInput): number {
  const [tv, yv] = checkPair(t, y, 'meanAbsoluteError');
  let s = 0;
  for (let i = 0; i < tv.length; i++) s += Math.abs((tv[i] as number) - (yv[i] as number));
  return s / tv.length;
}
