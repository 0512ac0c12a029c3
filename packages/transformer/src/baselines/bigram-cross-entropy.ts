import { ValueError } from '@gradlab/core-tensor';
import { checkCountsInput } from './check-counts-input.ts';
import type { NgramOptions } from './unigram-cross-entropy.ts';

/**
 * The validation cross-entropy of a bigram model, in nats per token: each token predicted from
 * the one before it. Fitted on the adjacent pairs of `trainIds` with add-k smoothing,
 * `p(w | u) = (c(u, w) + k) / (c(u, ·) + k·V)` where c(u, ·) counts the pairs starting with u, and
 * scored on the M − 1 transitions inside `validIds`:
 * `−(1/(M−1)) Σ_{t≥1} log p(validIds[t] | validIds[t−1])` (the first validation token has no
 * context and is not scored). With `smoothing: 0` an unseen pair gives `Infinity`.
 * @param trainIds token ids of the training text, each in 0..vocabSize − 1
 * @param validIds token ids of the validation text (at least two)
 * @param vocabSize V, the number of possible ids
 * @param options `smoothing` k ≥ 0 (default 1)
 * @returns the cross-entropy in nats per predicted token
 * @throws ValueError for ids outside the vocabulary, fewer than 2 validation ids, k < 0, or k = 0
 *   with a validation context never seen in training (its distribution would be 0/0)
 * @example
 * bigramCrossEntropy([0, 1, 0, 2], [0, 1, 2], 3, { smoothing: 1 }); // −(ln(2/5) + ln(1/4)) / 2 ≈ 1.1513
 */
export function bigramCrossEntropy(trainIds: readonly number[], validIds: readonly number[], vocabSize: number, options?: NgramOptions): number {
  const k = checkCountsInput('bigramCrossEntropy', trainIds, validIds, vocabSize, options?.smoothing, 2);
  const pairs = new Map<number, number>();
  const contexts = new Float64Array(vocabSize);
  for (let t = 1; t < trainIds.length; t++) {
    const u = trainIds[t - 1] as number;
    const key = u * vocabSize + (trainIds[t] as number);
    pairs.set(key, (pairs.get(key) ?? 0) + 1);
    contexts[u] = (contexts[u] as number) + 1;
  }
  let nll = 0;
  for (let t = 1; t < validIds.length; t++) {
    const u = validIds[t - 1] as number;
    const denom = (contexts[u] as number) + k * vocabSize;
    if (denom === 0) {
      throw new ValueError('a validation context never seen in training, and no smoothing', { pkg: 'transformer', op: 'bigramCrossEntropy', arg: `validIds[${t - 1}]`, expected: 'a context seen in training, or smoothing > 0', received: u, hint: 'use smoothing > 0' });
    }
    nll -= Math.log((pairs.get(u * vocabSize + (validIds[t] as number)) ?? 0) + k) - Math.log(denom);
  }
  return nll / (validIds.length - 1);
}
