import type { VectorInput } from '../matrix.ts';
import { checkPair } from './check-pair.ts';

/**
 * The detection-error (0-1) loss averaged over the samples: the fraction misclassified.
 * @param t target classes `[N]`
 * @param y predicted classes `[N]`
 * @returns a number in [0, 1]
 * @throws ShapeError when `t` and `y` differ in length
 * @throws ValueError when there are no samples
 * @example
 * zeroOneError([0, 1, 1, 0], [0, 1, 0, 0]); // 0.25
 */
export function zeroOneError(t: VectorInput, y: VectorInput): number {
  const [tv, yv] = checkPair(t, y, 'zeroOneError');
  let misses = 0;
  for (let i = 0; i < tv.length; i++) if (tv[i] !== yv[i]) misses++;
  return misses / tv.length;
}
