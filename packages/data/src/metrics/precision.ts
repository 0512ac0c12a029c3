import type { VectorInput } from '../matrix.ts';
import { classScore, ratio } from './class-counts.ts';
import type { ClassScoreOptions } from './class-counts.ts';

/**
 * Precision TP / (TP + FP): of the samples predicted positive, the fraction that are.
 * @param t target classes `[N]`
 * @param y predicted classes `[N]`
 * @param options `average` (`binary` by default, or `macro`, `micro`, `weighted`) and `positive` (default 1)
 * @returns a number in [0, 1]; 0 where no sample is predicted positive
 * @throws ValueError when `average` is `binary` and there are more than two classes
 * @throws ShapeError when `t` and `y` differ in length
 * @example
 * precision([0, 1, 1, 0], [1, 1, 0, 0]); // 0.5
 */
export function precision(t: VectorInput, y: VectorInput, options: ClassScoreOptions = {}): number {
  return classScore(t, y, options, 'precision', (c) => ratio(c.tp, c.tp + c.fp));
}
