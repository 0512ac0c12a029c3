import { checkElementCount, requireFiniteArray, ValueError } from '@gradlab/core-tensor';

/**
 * The one-hot vector of class k among C classes: a length-C vector of zeros with a 1 at index k.
 * @param k the class index, an integer in [0, numClasses)
 * @param numClasses C, a positive integer
 * @returns number[] of length C
 * @throws ValueError when C is not a positive integer or k is out of range
 * @example
 * oneHot(2, 4); // [0, 0, 1, 0]
 */
export function oneHot(k: number, numClasses: number): number[] {
  if (!Number.isInteger(numClasses) || numClasses <= 0) {
    throw new ValueError('the number of classes must be a positive integer', { pkg: 'prob', op: 'oneHot', arg: 'numClasses', expected: 'integer >= 1', received: numClasses });
  }
  if (!Number.isInteger(k) || k < 0 || k >= numClasses) {
    throw new ValueError('the class index is out of range', { pkg: 'prob', op: 'oneHot', arg: 'k', expected: `an integer in [0, ${numClasses})`, received: k });
  }
  checkElementCount(numClasses, { pkg: 'prob', op: 'oneHot', arg: 'numClasses' });
  const v = new Array<number>(numClasses).fill(0);
  v[k] = 1;
  return v;
}

/**
 * Decodes a one-hot vector: the index of its single 1.
 * @param vector length C, exactly one entry 1 and the others 0
 * @returns the class index k
 * @throws ValueError when the vector is not one-hot
 * @example
 * fromOneHot([0, 0, 1, 0]); // 2
 */
export function fromOneHot(vector: ArrayLike<number>): number {
  requireFiniteArray(vector, { pkg: 'prob', op: 'fromOneHot', arg: 'vector' });
  let hot = -1;
  for (let i = 0; i < vector.length; i++) {
    const x = vector[i];
    if (x === 1 && hot === -1) hot = i;
    else if (x !== 0) {
      throw new ValueError('not a one-hot vector', {
        pkg: 'prob',
        op: 'fromOneHot',
        arg: `vector[${i}]`,
        expected: 'exactly one entry equal to 1, all others 0',
        received: Array.from(vector),
      });
    }
  }
  if (hot === -1) {
    throw new ValueError('not a one-hot vector: no entry is 1', { pkg: 'prob', op: 'fromOneHot', arg: 'vector', expected: 'exactly one entry equal to 1', received: Array.from(vector) });
  }
  return hot;
}
