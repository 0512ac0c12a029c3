import { ValueError } from '@gradlab/core-tensor';
import type { VectorInput } from '../matrix.ts';
import { checkPair } from './check-pair.ts';

/**
 * Area under the ROC curve of a binary scorer: the probability that a random positive sample scores
 * higher than a random negative one, ties counting one half (the Mann–Whitney U statistic / (P·Q)).
 * @param t target classes `[N]`, 0 or 1
 * @param score a score per sample `[N]`, higher meaning "more likely 1" (e.g. q(t=1|x))
 * @returns AUC in [0, 1]
 * @throws ValueError when a target is not 0 or 1, or only one class is present
 * @throws ShapeError when `t` and `score` differ in length
 * @example
 * rocAuc([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]); // 0.75
 */
export function rocAuc(t: VectorInput, score: VectorInput): number {
  const [tv, sv] = checkPair(t, score, 'rocAuc');
  const n = tv.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => (sv[a] as number) - (sv[b] as number));
  // Mid-ranks (1-based) over tied scores.
  const rank = new Float64Array(n);
  for (let i = 0; i < n; ) {
    let j = i;
    while (j + 1 < n && sv[order[j + 1] as number] === sv[order[i] as number]) j++;
    const mid = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) rank[order[k] as number] = mid;
    i = j + 1;
  }
  let positives = 0;
  let rankSum = 0;
  for (let i = 0; i < n; i++) {
    const c = tv[i];
    if (c !== 0 && c !== 1) {
      throw new ValueError('ROC AUC needs binary targets', { pkg: 'data', op: 'rocAuc', arg: `t[${i}]`, expected: '0 or 1', received: c });
    }
    if (c === 1) {
      positives++;
      rankSum += rank[i] as number;
    }
  }
  const negatives = n - positives;
  if (positives === 0 || negatives === 0) {
    throw new ValueError('ROC AUC is undefined with one class', { pkg: 'data', op: 'rocAuc', arg: 't', expected: 'both classes 0 and 1', received: `${positives} positives, ${negatives} negatives` });
  }
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}
