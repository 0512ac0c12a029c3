import { ValueError } from '@gradlab/core-tensor';

/** Throws a ValueError unless every id is an integer in 0 .. vocabSize − 1. */
export function checkIds(op: string, ids: readonly number[], vocabSize: number): void {
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i] as number;
    if (!Number.isInteger(id) || id < 0 || id >= vocabSize) {
      throw new ValueError('id outside the vocabulary', {
        pkg: 'transformer',
        op,
        arg: `ids[${i}]`,
        expected: `an integer in 0..${vocabSize - 1}`,
        received: id,
      });
    }
  }
}
