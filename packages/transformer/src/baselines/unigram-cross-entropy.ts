import { ValueError } from '@gradlab/core-tensor';
import { checkCountsInput } from './check-counts-input.ts';

/** Options of {@link unigramCrossEntropy} and {@link bigramCrossEntropy}. */
export interface NgramOptions {
  /** The add-k (Lidstone) pseudo-count added to every count (default 1: Laplace smoothing). */
  smoothing?: number;
}

/**
 * The validation cross-entropy of a unigram model, in nats per token: the baseline a language
 * model must beat by using context at all. The model is fitted on `trainIds` with add-k
 * smoothing, `p(w) = (c(w) + k) / (N + k·V)`, and scored as `−(1/M) Σ log p(validIds[t])` over
 * the M validation tokens. With `smoothing: 0` a validation token unseen in training has
 * probability 0 and the result is `Infinity`.
 * @param trainIds token ids of the training text, each in 0..vocabSize − 1
 * @param validIds token ids of the validation text (at least one)
 * @param vocabSize V, the number of possible ids
 * @param options `smoothing` k ≥ 0 (default 1)
 * @returns the cross-entropy in nats per token (divide by ln 2 for bits; exp gives the perplexity)
 * @throws ValueError for ids outside the vocabulary, an empty validation set, k < 0, or k = 0 with no training ids
 * @example
 * unigramCrossEntropy([0, 1, 0, 2], [0, 1], 3, { smoothing: 1 }); // −(ln(3/7) + ln(2/7)) / 2 ≈ 1.0500
 */
export function unigramCrossEntropy(trainIds: readonly number[], validIds: readonly number[], vocabSize: number, options?: NgramOptions): number {
  const k = checkCountsInput('unigramCrossEntropy', trainIds, validIds, vocabSize, options?.smoothing, 1);
  if (k === 0 && trainIds.length === 0) {
    throw new ValueError('no training ids and no smoothing: the model is undefined', { pkg: 'transformer', op: 'unigramCrossEntropy', arg: 'trainIds', expected: 'at least one id, or smoothing > 0', received: 0 });
  }
  const counts = new Float64Array(vocabSize);
  for (const id of trainIds) counts[id] = (counts[id] as number) + 1;
  const logTotal = Math.log(trainIds.length + k * vocabSize);
  let nll = 0;
  for (const id of validIds) nll -= Math.log((counts[id] as number) + k) - logTotal;
  return nll / validIds.length;
}
