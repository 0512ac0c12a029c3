import type { VectorInput } from '../matrix.ts';
import { classScore, ratio } from './class-counts.ts';
import type { ClassScoreOptions } from './class-counts.ts';

/**
 * Recall TP / (TP + FN): of the positive samples, the fraction predicted positive.
 * @param t target classes `[N]`
 * @param y predicted classes `[N]`
 * @param options `average` (`binary` by default, or `macro`, `micro`, `weighted`) and `positive` (default 1)
 * @returns a number in [0, 1]; 0 where there is no positive sample
 * @throws ValueError when `average` is `binary` and there are more than two classes
 * @throws ShapeError when `t` and `y` differ in length
 * @example
 * recall([0, 1, 1, 0], [1, 1, 0, 0]); // 0.5
 */
export function recall(t: VectorInput, y: VectorInput, options: ClassScoreOptions = {}): number {
  return classScore(t, y, options, 'recall', (c) => ratio(c.tp, c.tp + c.fn));
}
