import type { VectorInput } from '../matrix.ts';
import { checkPair } from './check-pair.ts';

/**
 * Accuracy: the fraction of samples whose predicted class equals the target, 1 − (0-1 error).
 * @param t target classes `[N]`
 * @param y predicted classes `[N]`
 * @returns a number in [0, 1]
 * @throws ShapeError when `t` and `y` differ in length
 * @throws ValueError when there are no samples
 * @example
 * accuracy([0, 1, 1, 0], [0, 1, 0, 0]); // 0.75
 */
export function accuracy(t: VectorInput, y: VectorInput): number {
  const [tv, yv] = checkPair(t, y, 'accuracy');
  let hits = 0;
  for (let i = 0; i < tv.length; i++) if (tv[i] === yv[i]) hits++;
  return hits / tv.length;
}
