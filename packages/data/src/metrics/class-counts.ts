import { requireOptions, ValueError } from '@gradlab/core-tensor';
import type { VectorInput } from '../matrix.ts';
import { checkPair } from './check-pair.ts';

/** How per-class scores are combined, as in scikit-learn. */
export type Average = 'binary' | 'macro' | 'micro' | 'weighted';

/** Options of {@link precision}, {@link recall} and {@link f1Score}. */
export interface ClassScoreOptions {
  /** `binary` (default): the score of class `positive`; `macro`: unweighted mean over classes;
   * `weighted`: mean weighted by class support; `micro`: from the pooled counts. */
  average?: Average;
  /** The positive class for `binary` (default 1). */
  positive?: number;
}

interface Counts {
  tp: number;
  fp: number;
  fn: number;
  support: number;
}

/** Reduces per-class true/false positive and false negative counts by the chosen average. */
export function classScore(t: VectorInput, y: VectorInput, options: ClassScoreOptions, op: string, score: (c: Counts) => number): number {
  options = requireOptions(options, { pkg: 'data', op }, ['average', 'positive']);
  const [tv, yv] = checkPair(t, y, op);
  const average = options.average ?? 'binary';
  const labels = [...new Set([...tv, ...yv])].sort((a, b) => a - b);
  const positive = options.positive ?? 1;
  if (average === 'binary' && labels.some((l) => l !== 0 && l !== 1 && l !== positive)) {
    throw new ValueError('binary averaging needs two classes', { pkg: 'data', op, arg: 'options.average', expected: 'labels 0 and 1 (or the positive class)', received: `labels [${labels.join(', ')}]`, hint: "use average: 'macro' for more than two classes" });
  }
  const perClass = (label: number): Counts => {
    const c: Counts = { tp: 0, fp: 0, fn: 0, support: 0 };
    for (let i = 0; i < tv.length; i++) {
      const isT = tv[i] === label;
      const isY = yv[i] === label;
      if (isT) c.support++;
      if (isT && isY) c.tp++;
      else if (isY) c.fp++;
      else if (isT) c.fn++;
    }
    return c;
  };
  if (average === 'binary') return score(perClass(positive));
  const all = labels.map(perClass);
  if (average === 'micro') {
    return score(all.reduce((a, c) => ({ tp: a.tp + c.tp, fp: a.fp + c.fp, fn: a.fn + c.fn, support: a.support + c.support }), { tp: 0, fp: 0, fn: 0, support: 0 }));
  }
  if (average === 'weighted') {
    const total = all.reduce((a, c) => a + c.support, 0);
    return all.reduce((a, c) => a + (score(c) * c.support) / total, 0);
  }
  return all.reduce((a, c) => a + score(c), 0) / all.length;
}

/** a / b, or 0 when b is 0 (scikit-learn's `zero_division=0`). */
export function ratio(a: number, b: number): number {
  return b === 0 ? 0 : a / b;
}
