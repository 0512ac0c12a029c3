import { describe, expect, it } from 'vitest';
import { unigramCrossEntropy } from './unigram-cross-entropy.ts';
import { bigramCrossEntropy } from './bigram-cross-entropy.ts';

// train = [0, 1, 0, 2], V = 3.
// unigram counts 2, 1, 1 of N = 4; bigrams (0,1), (1,0), (0,2): contexts c(0,·) = 2, c(1,·) = 1, c(2,·) = 0.
const train = [0, 1, 0, 2];

describe('bigramCrossEntropy', () => {
  it('matches a hand computation with add-one smoothing', () => {
    // p(1|0) = (1+1)/(2+3) = 2/5, p(2|1) = (0+1)/(1+3) = 1/4
    expect(bigramCrossEntropy(train, [0, 1, 2], 3, { smoothing: 1 })).toBeCloseTo(-(Math.log(2 / 5) + Math.log(1 / 4)) / 2, 14);
    // with k = 0.5: p(2|0) = 1.5/3.5, p(0|2) = 0.5/1.5 (context 2 unseen: uniform)
    expect(bigramCrossEntropy(train, [0, 2, 0], 3, { smoothing: 0.5 })).toBeCloseTo(-(Math.log(1.5 / 3.5) + Math.log(1 / 3)) / 2, 14);
  });

  it('beats the unigram on text with strong order', () => {
    const ids = Array.from({ length: 300 }, (_, i) => i % 3);
    expect(bigramCrossEntropy(ids.slice(0, 270), ids.slice(270), 3, { smoothing: 0.01 })).toBeLessThan(0.01);
    expect(unigramCrossEntropy(ids.slice(0, 270), ids.slice(270), 3, { smoothing: 0.01 })).toBeCloseTo(Math.log(3), 3);
  });

  it('rejects an unseen context without smoothing and too short a validation set', () => {
    expect(() => bigramCrossEntropy(train, [2, 0], 3, { smoothing: 0 })).toThrow(/never seen/);
    expect(bigramCrossEntropy(train, [0, 0], 3, { smoothing: 0 })).toBe(Infinity);
    expect(() => bigramCrossEntropy(train, [0], 3)).toThrow(/at least 2/);
  });
});
