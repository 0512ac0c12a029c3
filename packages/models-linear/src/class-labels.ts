import { ValueError } from '@gradlab/core-tensor';

/**
 * Checks class labels and counts the classes.
 * @param t labels `[N]`
 * @param mode `binary`: labels must be 0 or 1; `multiclass`: class indices 0..C−1; `auto`: binary
 *   when every label is 0 or 1, otherwise multiclass
 * @param op the calling method, for messages
 * @param classes C, when known in advance (a fold may miss a class)
 * @returns C (2 for binary)
 * @throws ValueError when a label is not 0/1 (binary), or not a non-negative integer below `classes`
 * @example
 * countClasses(new Float64Array([0, 2, 1]), 'auto', 'LogisticRegression.fit'); // 3
 */
export function countClasses(t: Float64Array, mode: 'binary' | 'multiclass' | 'auto', op: string, classes?: number): number {
  let max = 0;
  for (let i = 0; i < t.length; i++) {
    const v = t[i] as number;
    if (mode === 'binary' && v !== 0 && v !== 1) {
      throw new ValueError('binary classification needs labels in {0, 1}', {
        pkg: 'models-linear',
        op,
        arg: `t[${i}]`,
        expected: '0 or 1',
        received: v,
        hint: v === -1 ? 'map labels t± in {-1, +1} to t = (t± + 1) / 2' : 'use multiClass: \'softmax\' (or \'ovr\') for more than two classes',
      });
    }
    if (!Number.isInteger(v) || v < 0) {
      throw new ValueError('class labels must be class indices 0..C-1', { pkg: 'models-linear', op, arg: `t[${i}]`, expected: 'a non-negative integer', received: v, hint: v === -1 ? 'map labels t± in {-1, +1} to t = (t± + 1) / 2' : 'encode classes as 0, 1, ..., C-1' });
    }
    max = Math.max(max, v);
  }
  if (classes !== undefined) {
    if (max >= classes) {
      throw new ValueError('a label is outside the declared classes', { pkg: 'models-linear', op, arg: 't', expected: `labels in 0..${classes - 1}`, received: max });
    }
    return classes;
  }
  if (mode === 'binary') return 2;
  // Labels are class indices, so the largest one sets the class count C: a label of 1e9 would
  // size the weights by a billion classes. Refuse counts far above the sample size.
  if (max + 1 > Math.max(2 * t.length, 1000)) {
    throw new ValueError('a class label implies far more classes than there are samples', {
      pkg: 'models-linear',
      op,
      arg: 't',
      expected: `class indices 0..C-1 with C at most ${Math.max(2 * t.length, 1000)}`,
      received: max,
      hint: 'encode classes as 0, 1, ..., C-1 (a real-valued target needs a regressor)',
    });
  }
  return Math.max(max + 1, 2);
}
