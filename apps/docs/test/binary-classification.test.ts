import { describe, expect, it } from 'vitest';
import { logisticThetas, lossTable, perceptronThetas } from '../examples/binary-classification.ts';

describe('the binary-classification example (included in guide/binary-classification.md)', () => {
  it("gives the notes' SGD iterates: perceptron −0.79, −0.64; logistic −0.812910, −0.697118", () => {
    expect(perceptronThetas[0]).toBeCloseTo(-0.79, 6);
    expect(perceptronThetas[1]).toBeCloseTo(-0.64, 6);
    expect(logisticThetas[0]).toBeCloseTo(-0.81291, 6);
    expect(logisticThetas[1]).toBeCloseTo(-0.697118, 6);
  });

  it('gives the surrogate losses of the margin shown in the table', () => {
    const round = (v: number[]): number[] => v.map((x) => Number(x.toFixed(6)));
    expect(round(lossTable['zero-one'])).toEqual([1, 1, 1, 0, 0]);
    expect(round(lossTable.exponential)).toEqual([7.389056, 2.718282, 1, 0.367879, 0.135335]);
    expect(round(lossTable.hinge)).toEqual([3, 2, 1, 0, 0]);
    expect(round(lossTable['hinge-at-zero'])).toEqual([2, 1, 0, 0, 0]);
    expect(round(lossTable.logistic)).toEqual([2.126928, 1.313262, 0.693147, 0.313262, 0.126928]);
  });
});
