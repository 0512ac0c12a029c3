import { ValueError } from '@gradlab/core-tensor';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kFold } from './k-fold.ts';
import { leaveOneOut } from './leave-one-out.ts';
import { stratifiedKFold } from './stratified-k-fold.ts';
import type { Fold } from './check-folds.ts';

function expectPartition(folds: Fold[], n: number): void {
  const seen = new Array<number>(n).fill(0);
  for (const f of folds) {
    for (const i of f.validation) seen[i] = (seen[i] as number) + 1;
    expect([...f.train, ...f.validation].sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i));
    expect(f.train.filter((i) => f.validation.includes(i))).toEqual([]);
  }
  expect(seen).toEqual(new Array<number>(n).fill(1));
}

describe('kFold', () => {
  it('cuts unshuffled folds in order, the first N mod K one larger (as scikit-learn)', () => {
    expect(kFold(10, 3, { shuffle: false }).map((f) => f.validation)).toEqual([[0, 1, 2, 3], [4, 5, 6], [7, 8, 9]]);
    expect(kFold(4, 2, { shuffle: false })[0]).toEqual({ train: [2, 3], validation: [0, 1] });
  });

  it('puts every sample in exactly one validation fold, fold sizes within one', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 60 }), fc.integer({ min: 0, max: 1000 }), fc.boolean(), (n, seed, shuffle) => {
        const k = 2 + (seed % (n - 1));
        const folds = kFold(n, k, { seed, shuffle });
        expect(folds).toHaveLength(k);
        expectPartition(folds, n);
        const sizes = folds.map((f) => f.validation.length);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('gives the same folds for the same seed and different folds for another', () => {
    expect(kFold(20, 4, { seed: 7 })).toEqual(kFold(20, 4, { seed: 7 }));
    expect(kFold(20, 4, { seed: 7 })).not.toEqual(kFold(20, 4, { seed: 8 }));
  });

  it('rejects K > N, K < 2, a fractional K and empty data with ValueError', () => {
    expect(() => kFold(3, 4)).toThrow(ValueError);
    expect(() => kFold(3, 4)).toThrow(/K cannot exceed the number of samples.*expected K <= N = 3; received 4/);
    expect(() => kFold(5, 1)).toThrow(/K must be an integer of at least 2/);
    expect(() => kFold(5, 2.5)).toThrow(ValueError);
    expect(() => kFold(0, 2)).toThrow(/the data set is empty/);
  });
});

describe('stratifiedKFold', () => {
  it('keeps each class within one sample of its share in every fold', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 6, maxLength: 80 }), fc.integer({ min: 2, max: 6 }), fc.nat(500), (labels, k, seed) => {
        fc.pre(k <= labels.length);
        const folds = stratifiedKFold(labels, k, { seed });
        expectPartition(folds, labels.length);
        for (const c of new Set(labels)) {
          const total = labels.filter((l) => l === c).length;
          for (const f of folds) {
            const inFold = f.validation.filter((i) => labels[i] === c).length;
            expect(Math.abs(inFold - total / k)).toBeLessThan(1);
          }
        }
        const sizes = folds.map((f) => f.validation.length);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('is reproducible from its seed', () => {
    const labels = [0, 1, 0, 1, 0, 1, 1, 1, 0, 0, 2, 2];
    expect(stratifiedKFold(labels, 3, { seed: 3 })).toEqual(stratifiedKFold(labels, 3, { seed: 3 }));
  });

  it('rejects K > N and NaN labels', () => {
    expect(() => stratifiedKFold([0, 1], 3)).toThrow(ValueError);
    expect(() => stratifiedKFold([0, Number.NaN, 1], 2)).toThrow(/labels must be numbers/);
  });
});

describe('leaveOneOut', () => {
  it('validates on each sample alone', () => {
    const folds = leaveOneOut(4);
    expect(folds.map((f) => f.validation)).toEqual([[0], [1], [2], [3]]);
    expect(folds[2]?.train).toEqual([0, 1, 3]);
    expectPartition(folds, 4);
  });

  it('needs two samples', () => {
    expect(() => leaveOneOut(1)).toThrow(ValueError);
    expect(() => leaveOneOut(1)).toThrow(/leave-one-out needs at least two samples/);
    expect(() => leaveOneOut(0)).toThrow(/the data set is empty/);
  });
});
