import type { VectorInput } from '../matrix.ts';
import { classScore, ratio } from './class-counts.ts';
import type { ClassScoreOptions } from './class-counts.ts';

/**
 * F1 score 2TP / (2TP + FP + FN), the harmonic mean of precision and recall.
 * @param t target classes `[N]`
 * @param y predicted classes `[N]`
 * @param options `average` (`binary` by default, or `macro`, `micro`, `weighted`) and `positive` (default 1)
 * @returns a number in [0, 1]
 * @throws ValueError when `average` is `binary` and there are more than two classes
 * @throws ShapeError when `t` and `y` differ in length
 * @example
 * f1Score([0, 1, 1, 0], [1, 1, 0, 0]); // 0.5
 */
export function f1Score(t: VectorInput, y: VectorInput, options: ClassScoreOptions = {}): number {
  return classScore(t, y, options, 'f1Score', (c) => ratio(2 * c.tp, 2 * c.tp + c.fp + c.fn));
}
