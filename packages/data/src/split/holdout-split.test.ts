import { ShapeError, ValueError, rng } from '@gradlab/core-tensor';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dataset } from '../dataset.ts';
import { holdoutSplit } from './holdout-split.ts';
import { miniBatchIndices, miniBatches } from './mini-batches.ts';
import { trainTestSplit } from './train-test-split.ts';

describe('holdoutSplit', () => {
  it('splits N samples into parts of the given fractions that cover every sample once', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.nat(1000), (n, seed) => {
        const s = holdoutSplit(n, { train: 0.6, validation: 0.2, test: 0.2, seed });
        expect([...s.train, ...s.validation, ...s.test].sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i));
        expect(Math.abs(s.train.length - 0.6 * n)).toBeLessThanOrEqual(1);
        expect(Math.abs(s.test.length - 0.2 * n)).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('keeps the order when unshuffled: train first, then validation, then test', () => {
    expect(holdoutSplit(5, { train: 0.6, test: 0.4, shuffle: false })).toEqual({ train: [0, 1, 2], validation: [], test: [3, 4] });
  });

  it('is reproducible from its seed', () => {
    expect(holdoutSplit(50, { train: 0.5, test: 0.5, seed: 2 })).toEqual(holdoutSplit(50, { train: 0.5, test: 0.5, seed: 2 }));
    expect(holdoutSplit(50, { train: 0.5, test: 0.5, seed: 2 })).not.toEqual(holdoutSplit(50, { train: 0.5, test: 0.5, seed: 3 }));
  });

  it('stratifies: every part keeps the class proportions', () => {
    const labels = [...new Array<number>(60).fill(0), ...new Array<number>(30).fill(1), ...new Array<number>(10).fill(2)];
    const s = holdoutSplit(100, { train: 0.7, validation: 0.1, test: 0.2, seed: 5, stratify: labels });
    const count = (idx: number[], c: number): number => idx.filter((i) => labels[i] === c).length;
    expect([count(s.train, 0), count(s.train, 1), count(s.train, 2)]).toEqual([42, 21, 7]);
    expect([count(s.test, 0), count(s.test, 1), count(s.test, 2)]).toEqual([12, 6, 2]);
    expect([count(s.validation, 0), count(s.validation, 1), count(s.validation, 2)]).toEqual([6, 3, 1]);
  });

  it('rejects fractions that do not sum to 1 or lie outside [0, 1], and empty data', () => {
    expect(() => holdoutSplit(10, { train: 0.5, test: 0.3 })).toThrow(ValueError);
    expect(() => holdoutSplit(10, { train: 0.5, test: 0.3 })).toThrow(/split fractions must sum to 1.*received 0.5 \+ 0 \+ 0.3 = 0.8/);
    expect(() => holdoutSplit(10, { train: 1.5, test: -0.5 })).toThrow(/must lie in \[0, 1\]/);
    expect(() => holdoutSplit(0, { train: 1 })).toThrow(/empty/);
    expect(() => holdoutSplit(3, { train: 1, stratify: [0, 1] })).toThrow(ShapeError);
  });
});

describe('trainTestSplit', () => {
  it('returns the parts as data sets', () => {
    const d = dataset([[0], [1], [2], [3], [4]], [0, 1, 0, 1, 0], { classNames: ['a', 'b'] });
    const { train, test, validation } = trainTestSplit(d, { train: 0.6, test: 0.4, shuffle: false });
    expect(Array.from(train.x.data)).toEqual([0, 1, 2]);
    expect(Array.from(test.t)).toEqual([1, 0]);
    expect(validation.t.length).toBe(0);
    expect(train.classNames).toEqual(['a', 'b']);
  });
});

describe('miniBatches', () => {
  it('cuts one epoch into batches of S, the last one smaller', () => {
    expect([...miniBatchIndices(5, { batchSize: 2, shuffle: false })]).toEqual([[0, 1], [2, 3], [4]]);
    expect([...miniBatchIndices(5, { batchSize: 2, shuffle: false, dropLast: true })]).toEqual([[0, 1], [2, 3]]);
  });

  it('visits every sample once per epoch in a seeded order', () => {
    const batches = [...miniBatchIndices(23, { batchSize: 4, seed: 9 })];
    expect(batches.flat().sort((a, b) => a - b)).toEqual(Array.from({ length: 23 }, (_, i) => i));
    expect(batches.flat()).not.toEqual(Array.from({ length: 23 }, (_, i) => i));
    expect([...miniBatchIndices(23, { batchSize: 4, seed: 9 })]).toEqual(batches);
  });

  it('gives a new order each epoch from a caller-owned Rng', () => {
    const r = rng(1);
    const first = [...miniBatchIndices(10, { batchSize: 10, seed: r })][0];
    const second = [...miniBatchIndices(10, { batchSize: 10, seed: r })][0];
    expect(first).not.toEqual(second);
  });

  it('yields batch data sets with their indices', () => {
    const d = dataset([10, 11, 12, 13], [0, 1, 2, 3]);
    const batches = [...miniBatches(d, { batchSize: 3, seed: 0 })];
    expect(batches.map((b) => b.t.length)).toEqual([3, 1]);
    for (const b of batches) expect(Array.from(b.x.data)).toEqual(b.indices.map((i) => 10 + i));
  });

  it('rejects a batch size that is not a positive integer', () => {
    expect(() => [...miniBatchIndices(5, { batchSize: 0 })]).toThrow(ValueError);
    expect(() => [...miniBatchIndices(5, { batchSize: 1.5 })]).toThrow(/batch size must be a positive integer/);
  });
});
