import { ValueError } from '@gradlab/core-tensor';

/** Validates the arguments shared by the n-gram baselines; returns the smoothing k. */
export function checkCountsInput(op: string, trainIds: readonly number[], validIds: readonly number[], vocabSize: number, smoothing: number | undefined, minValid: number): number {
  const fail = (summary: string, arg: string, expected: unknown, received: unknown, hint?: string): never => {
    throw new ValueError(summary, { pkg: 'transformer', op, arg, expected, received, ...(hint === undefined ? {} : { hint }) });
  };
  if (!Number.isInteger(vocabSize) || vocabSize < 1) fail('vocabSize must be a positive integer', 'vocabSize', 'an integer >= 1', vocabSize);
  const k = smoothing ?? 1;
  if (typeof k !== 'number' || !Number.isFinite(k) || k < 0) fail('smoothing is an add-k count', 'options.smoothing', 'a finite number >= 0', k);
  for (const [arg, ids] of [['trainIds', trainIds], ['validIds', validIds]] as const) {
    if (!Array.isArray(ids) && !ArrayBuffer.isView(ids)) fail('ids must be an array of integers', arg, 'an array', typeof ids);
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i] as number;
      if (!Number.isInteger(id) || id < 0 || id >= vocabSize) fail('id outside the vocabulary', `${arg}[${i}]`, `an integer in 0..${vocabSize - 1}`, id, 'is vocabSize the size of the tokenizer that made the ids?');
    }
  }
  if (validIds.length < minValid) fail('too few validation tokens to score', 'validIds', `at least ${minValid} ids`, validIds.length);
  return k;
}
