import { describe, expect, it } from 'vitest';
import { ValueError } from '@gradlab/core-tensor';
import { unigramCrossEntropy } from './unigram-cross-entropy.ts';

// train = [0, 1, 0, 2], V = 3.
// unigram counts 2, 1, 1 of N = 4; bigrams (0,1), (1,0), (0,2): contexts c(0,·) = 2, c(1,·) = 1, c(2,·) = 0.
const train = [0, 1, 0, 2];

describe('unigramCrossEntropy', () => {
  it('matches a hand computation with add-one smoothing', () => {
    // p = (2+1, 1+1, 1+1) / (4 + 3) = (3/7, 2/7, 2/7)
    expect(unigramCrossEntropy(train, [0, 1], 3, { smoothing: 1 })).toBeCloseTo(-(Math.log(3 / 7) + Math.log(2 / 7)) / 2, 14);
    expect(unigramCrossEntropy(train, [0, 1], 3)).toBeCloseTo(-(Math.log(3 / 7) + Math.log(2 / 7)) / 2, 14);
  });

  it('is the maximum-likelihood estimate without smoothing, Infinity for an unseen token', () => {
    expect(unigramCrossEntropy(train, [0, 0, 2], 3, { smoothing: 0 })).toBeCloseTo(-(2 * Math.log(0.5) + Math.log(0.25)) / 3, 14);
    expect(unigramCrossEntropy([0, 1], [2], 3, { smoothing: 0 })).toBe(Infinity);
  });

  it('is ln V for a uniform model (no training data, any k > 0)', () => {
    expect(unigramCrossEntropy([], [0, 4, 2], 5, { smoothing: 0.5 })).toBeCloseTo(Math.log(5), 14);
  });

  it('rejects bad input with typed errors', () => {
    expect(() => unigramCrossEntropy(train, [3], 3)).toThrow(/validIds\[0\]/);
    expect(() => unigramCrossEntropy(train, [], 3)).toThrow(ValueError);
    expect(() => unigramCrossEntropy(train, [0], 3, { smoothing: -1 })).toThrow(/smoothing/);
    expect(() => unigramCrossEntropy([], [0], 3, { smoothing: 0 })).toThrow(ValueError);
    expect(() => unigramCrossEntropy(train, [0], 0)).toThrow(/vocabSize/);
  });
});
