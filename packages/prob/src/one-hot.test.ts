import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromOneHot, oneHot } from './one-hot.ts';

describe('oneHot / fromOneHot', () => {
  it('encodes a class index', () => {
    expect(oneHot(2, 4)).toEqual([0, 0, 1, 0]);
    expect(fromOneHot([0, 1, 0])).toBe(1);
  });

  it('round-trips every index', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50 }).chain((c) => fc.tuple(fc.constant(c), fc.integer({ min: 0, max: c - 1 }))), ([c, k]) => {
        expect(fromOneHot(oneHot(k, c))).toBe(k);
      }),
    );
  });

  it('rejects vectors that are not one-hot', () => {
    expect(() => fromOneHot([0, 0])).toThrow(/no entry is 1/);
    expect(() => fromOneHot([1, 1])).toThrow(/argument vector\[1\]/);
    expect(() => fromOneHot([0.5, 0.5])).toThrow(/not a one-hot vector/);
    expect(() => oneHot(3, 3)).toThrow(/expected an integer in \[0, 3\)/);
  });
});
