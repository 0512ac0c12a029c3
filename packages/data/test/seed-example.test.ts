import { lstsq, tensor } from '@gradlab/core-tensor';
import { describe, expect, it } from 'vitest';
import { dataset, kFold, meanSquaredError, subset, toTensors } from '../src/index.ts';

// SPEC chapter 3: D = {(0,0), (1,1), (2,2), (3,2)}; t̂ = θ0 + θ1 x trained on x ∈ {2, 3} only gives
// θ = (2, 0), and its quadratic loss over all four points is 5/4.
describe("the notes' validation example", () => {
  it('θ = (2, 0) from the fold that trains on x ∈ {2, 3}; quadratic loss 5/4 over D', () => {
    const d = dataset(tensor([0, 1, 2, 3]), tensor([0, 1, 2, 2]));
    // Unshuffled 2-fold: fold 0 validates on x ∈ {0, 1} and trains on x ∈ {2, 3}.
    const fold = kFold(4, 2, { shuffle: false })[0];
    expect(fold).toEqual({ train: [2, 3], validation: [0, 1] });
    const train = toTensors(subset(d, fold?.train ?? []));
    const design = (x: Float64Array): number[][] => Array.from(x, (v) => [1, v]);
    const { solution } = lstsq(tensor(design(train.x.data as Float64Array)), train.t);
    const theta = Array.from(solution.data);
    expect(theta[0]).toBeCloseTo(2, 12);
    expect(theta[1]).toBeCloseTo(0, 12);
    const predictAll = Array.from(d.x.data, (x) => (theta[0] as number) + (theta[1] as number) * x);
    expect(meanSquaredError(d.t, predictAll)).toBeCloseTo(5 / 4, 12);
    // And the validation loss alone, on x ∈ {0, 1}: ((0−2)² + (1−2)²) / 2 = 5/2.
    const valid = subset(d, fold?.validation ?? []);
    expect(meanSquaredError(valid.t, Array.from(valid.x.data, (x) => (theta[0] as number) + (theta[1] as number) * x))).toBeCloseTo(5 / 2, 12);
  });

  it('toTensors gives float64 tensors [N, D] and [N]', () => {
    const { x, t } = toTensors(dataset([[1, 2], [3, 4], [5, 6]], [7, 8, 9]));
    expect(x.shape).toEqual([3, 2]);
    expect(x.dtype).toBe('float64');
    expect(x.toArray()).toEqual([[1, 2], [3, 4], [5, 6]]);
    expect(t.toArray()).toEqual([7, 8, 9]);
  });
});
