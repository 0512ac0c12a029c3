import { ShapeError, ValueError } from '@gradlab/core-tensor';
import { describe, expect, it } from 'vitest';
import { loadIris } from '../builtin/load-iris.ts';
import { crossValidate } from '../selection/cross-validate.ts';
import { dataset } from '../dataset.ts';
import type { Estimator } from '../selection/estimator.ts';
import type { Matrix } from '../matrix.ts';
import { standardScaler, standardScalerFromJSON } from './standard-scaler.ts';
import { withStandardization } from './with-standardization.ts';

describe('standardScaler', () => {
  it('learns the mean and the population std; a constant column gets scale 1', () => {
    // Hand-computed: column 0 has mean 3 and variance 14/3, column 1 mean 2/3 and variance 56/9.
    const s = standardScaler().fit([[1, -2, 5], [2, 0, 5], [6, 4, 5]]);
    expect(Array.from(s.mean ?? [])).toEqual([3, 2 / 3, 5]);
    const scale = Array.from(s.scale ?? []);
    expect(scale[0]).toBeCloseTo(Math.sqrt(14 / 3), 14);
    expect(scale[1]).toBeCloseTo(Math.sqrt(56) / 3, 14);
    expect(scale[2]).toBe(1);
    const z = s.transform([[6, 4, 5]]);
    expect(z.shape).toEqual([1, 3]);
    expect(z.data[0]).toBeCloseTo(3 / Math.sqrt(14 / 3), 14);
    expect(z.data[2]).toBe(0);
  });

  it('matches scikit-learn StandardScaler().fit(load_iris().data) (mean_, scale_)', () => {
    // sklearn 1.x on its iris data: mean_ and scale_ (np.std, ddof 0), to 8 digits.
    const s = standardScaler().fit(loadIris().x);
    const mean = [5.84333333, 3.05733333, 3.758, 1.19933333];
    const scale = [0.82530129, 0.43441097, 1.75940407, 0.75969263];
    mean.forEach((m, j) => expect(s.mean?.[j]).toBeCloseTo(m, 7));
    scale.forEach((v, j) => expect(s.scale?.[j]).toBeCloseTo(v, 7));
    const z = s.transform(loadIris().x);
    for (let j = 0; j < 4; j++) {
      let sum = 0;
      let sq = 0;
      for (let i = 0; i < 150; i++) {
        sum += z.data[i * 4 + j] as number;
        sq += (z.data[i * 4 + j] as number) ** 2;
      }
      expect(sum / 150).toBeCloseTo(0, 12);
      expect(sq / 150).toBeCloseTo(1, 12);
    }
  });

  it('fitTransform and inverseTransform round-trip', () => {
    const x = [[1, 10], [2, 30], [4, 20]];
    const s = standardScaler();
    const z = s.fitTransform(x);
    const back = s.inverseTransform(z);
    expect(Array.from(back.data).map((v) => Math.round(v * 1e12) / 1e12)).toEqual([1, 10, 2, 30, 4, 20]);
  });

  it('saves to JSON and loads back', () => {
    const s = standardScaler().fit([[1, 2], [3, 6]]);
    const loaded = standardScalerFromJSON(JSON.parse(JSON.stringify(s)));
    expect(loaded.transform([[3, 6]])).toEqual(s.transform([[3, 6]]));
    expect(s.toJSON()).toEqual({ kind: 'standardScaler', mean: [2, 4], scale: [1, 2] });
    expect(() => standardScalerFromJSON({ kind: 'other' })).toThrow(ValueError);
    expect(() => standardScalerFromJSON({ kind: 'standardScaler', mean: [0], scale: [0] })).toThrow(/positive finite/);
    expect(() => standardScalerFromJSON({ kind: 'standardScaler', mean: [0, 1], scale: [1] })).toThrow(ShapeError);
  });

  it('throws typed errors when unfitted, on a column mismatch, on NaN and on empty input', () => {
    expect(() => standardScaler().transform([[1]])).toThrow(ValueError);
    expect(() => standardScaler().transform([[1]])).toThrow(/not fitted.*Hint: call fit\(x\)/);
    expect(() => standardScaler().inverseTransform([[1]])).toThrow(/not fitted/);
    expect(() => standardScaler().toJSON()).toThrow(/not fitted/);
    const s = standardScaler().fit([[1, 2], [3, 4]]);
    expect(() => s.transform([[1, 2, 3]])).toThrow(ShapeError);
    expect(() => s.transform([[1, 2, 3]])).toThrow(/expected 2 columns; received 3 columns/);
    expect(() => standardScaler().fit([[1, Number.NaN]])).toThrow(ValueError);
    expect(() => standardScaler().fit({ data: [], shape: [0, 2] })).toThrow(/empty/);
  });
});

describe('withStandardization', () => {
  /** Records the inputs it was fitted on; predicts each row's first feature. */
  function spy(log: Matrix[]): Estimator {
    return {
      fit(x) {
        log.push(x);
      },
      predict: (x) => Array.from({ length: x.shape[0] }, (_, i) => x.data[i * x.shape[1]] as number),
    };
  }

  it('fits the scaler on the training split only, in every fold', () => {
    const x = [[0], [1], [2], [3], [100], [101]];
    const data = dataset(x, [0, 0, 0, 0, 1, 1]);
    const seen: Matrix[] = [];
    const made: ReturnType<ReturnType<typeof withStandardization>>[] = [];
    const factory = withStandardization(() => spy(seen));
    crossValidate(() => {
      const e = factory();
      made.push(e);
      return e;
    }, data, { k: 3, shuffle: false });
    expect(seen).toHaveLength(3);
    for (const [k, est] of made.entries()) {
      // The inner estimator saw standardised training inputs: mean 0 and population std 1.
      const z = Array.from(seen[k]?.data ?? []);
      expect(z.reduce((a, b) => a + b, 0) / z.length).toBeCloseTo(0, 12);
      expect(z.reduce((a, b) => a + b * b, 0) / z.length).toBeCloseTo(1, 12);
      expect(est.scaler.mean?.length).toBe(1);
    }
    // Fold 0 validates on rows 0-1, so its scaler learned the mean of rows 2..5 only.
    expect(made[0]?.scaler.mean?.[0]).toBeCloseTo((2 + 3 + 100 + 101) / 4, 12);
  });

  it('passes predictProba and score through, on standardised inputs', () => {
    const inner: Estimator = {
      fit() {},
      predict: (x) => new Float64Array(x.shape[0]),
      predictProba: (x) => ({ data: Float64Array.from(x.data, () => 1), shape: [x.shape[0], 1] }),
      score: (x) => x.data[0] as number,
    };
    const e = withStandardization(() => inner)();
    e.fit({ data: new Float64Array([1, 3]), shape: [2, 1] }, new Float64Array([0, 1]));
    expect(e.score?.({ data: new Float64Array([3]), shape: [1, 1] }, new Float64Array([1]))).toBe(1);
    expect(e.predictProba?.({ data: new Float64Array([3]), shape: [1, 1] }).shape).toEqual([1, 1]);
  });
});
