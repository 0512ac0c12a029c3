import { requireOptions } from '@gradlab/core-tensor';
import type { VectorInput } from '../matrix.ts';
import { checkPair } from './check-pair.ts';

/** A confusion matrix: `counts[i][j]` samples of true class `labels[i]` were predicted `labels[j]`. */
export interface ConfusionMatrix {
  /** The classes, ascending; rows and columns follow this order. */
  readonly labels: number[];
  /** `[C, C]`: rows are true classes, columns predicted classes (scikit-learn's layout). */
  readonly counts: number[][];
}

/**
 * The confusion matrix of a classifier.
 * @param t target classes `[N]`
 * @param y predicted classes `[N]`
 * @param options `labels`: the classes to report, in order (default: every class seen in t or y, ascending)
 * @returns `{ labels, counts }`; pairs whose classes are not in `labels` are not counted
 * @throws ShapeError when `t` and `y` differ in length
 * @throws ValueError when there are no samples
 * @example
 * confusionMatrix([0, 1, 1], [0, 0, 1]).counts; // [[1, 0], [1, 1]]
 */
export function confusionMatrix(t: VectorInput, y: VectorInput, options: { labels?: readonly number[] } = {}): ConfusionMatrix {
  options = requireOptions(options, { pkg: 'data', op: 'confusionMatrix' }, ['labels']);
  const [tv, yv] = checkPair(t, y, 'confusionMatrix');
  const labels = options.labels !== undefined ? [...options.labels] : [...new Set([...tv, ...yv])].sort((a, b) => a - b);
  const at = new Map(labels.map((l, i) => [l, i]));
  const counts = labels.map(() => new Array<number>(labels.length).fill(0));
  for (let n = 0; n < tv.length; n++) {
    const i = at.get(tv[n] as number);
    const j = at.get(yv[n] as number);
    if (i !== undefined && j !== undefined) (counts[i] as number[])[j] = ((counts[i] as number[])[j] as number) + 1;
  }
  return { labels, counts };
}
