import { describe, expect, it } from 'vitest';
import { sinusoid } from '@gradlab/data';
import {
  biasEstimationDecomposition,
  biasEstimationSweep,
  doubleDescent,
  pointwiseDecomposition,
  polynomialFitCurves,
  polynomialRegression,
  sinusoidPopulation,
} from '../src/index.ts';

const population = sinusoidPopulation({ noiseStd: 0.3 });
const poly = (degree: number) => polynomialRegression({ degree, onWarning: () => undefined });

describe('the notes\' figure: N = 10 samples of sin(2πx) + noise, M = 1, 3, 9', () => {
  const d = sinusoid({ n: 10, noiseStd: 0.3, seed: 1 });
  const [m1, m3, m9] = polynomialFitCurves(d.x, d.t, { population, grid: { from: 0, to: 1, points: 50 } });

  it('M = 1 under-fits: high training and population loss', () => {
    expect(m1?.trainLoss).toBeGreaterThan(0.1);
    expect(m1?.populationLoss).toBeGreaterThan(0.2);
  });

  it('M = 3 fits well: both losses close to the noise floor σ² = 0.09', () => {
    expect(m3?.trainLoss).toBeLessThan(m1?.trainLoss as number);
    expect(m3?.populationLoss).toBeLessThan(0.2);
    expect(m3?.populationLoss).toBeLessThan(m1?.populationLoss as number);
  });

  it('M = 9 over-fits: training loss ≈ 0, population loss large', () => {
    expect(m9?.trainLoss).toBeLessThan(1e-12);
    expect(m9?.populationLoss).toBeGreaterThan(10 * (m3?.populationLoss as number));
    expect(m9?.theta).toHaveLength(10);
    expect(m9?.gridY).toHaveLength(50);
  });
});

describe('bias versus estimation error', () => {
  it('splits the ERM population loss into minimum loss + bias + estimation error', () => {
    const r = biasEstimationDecomposition({ population, model: () => poly(3), n: 20, seeds: 10 });
    expect(r.minLoss).toBeCloseTo(0.09, 12);
    expect(r.bestInClassLoss).toBeGreaterThan(r.minLoss);
    expect(r.ermLoss).toBeGreaterThan(r.bestInClassLoss);
    expect(r.minLoss + r.bias + r.estimationError).toBeCloseTo(r.ermLoss, 12);
  });

  it('at fixed N, bias falls and estimation error rises with M; at fixed M, estimation error falls with N', () => {
    const rows = biasEstimationSweep({ population, model: poly, degrees: [3, 5, 7], sizes: [15, 100], seeds: 30 });
    expect(rows.map((r) => [r.degree, r.n])).toEqual([[3, 15], [5, 15], [7, 15], [3, 100], [5, 100], [7, 100]]);
    const at = (m: number, n: number) => rows.find((r) => r.degree === m && r.n === n)!;
    for (const n of [15, 100]) {
      for (const [a, b] of [[3, 5], [5, 7]] as const) {
        expect(at(b, n).bias).toBeLessThan(at(a, n).bias);
        expect(at(b, n).estimationError).toBeGreaterThan(at(a, n).estimationError);
      }
    }
    for (const m of [3, 5, 7]) expect(at(m, 100).estimationError).toBeLessThan(at(m, 15).estimationError);
    // the best-in-class loss does not depend on N
    expect(at(3, 15).bestInClassLoss).toBeCloseTo(at(3, 100).bestInClassLoss, 12);
  });

  it('splits the loss at each x into aleatoric + bias + epistemic', () => {
    const simple = pointwiseDecomposition({ population, model: () => poly(1), n: 10, seeds: 40 });
    const flexible = pointwiseDecomposition({ population, model: () => poly(3), n: 10, seeds: 40 });
    const avg = (rows: typeof simple, key: 'bias' | 'epistemic') => rows.reduce((s, r) => s + r[key], 0) / rows.length;
    expect(simple).toHaveLength(101);
    for (const r of simple) {
      expect(r.aleatoric).toBeCloseTo(0.09, 12);
      expect(r.expectedLoss).toBeCloseTo(r.aleatoric + r.bias + r.epistemic, 12);
    }
    expect(avg(flexible, 'bias')).toBeLessThan(avg(simple, 'bias'));
    expect(avg(flexible, 'epistemic')).toBeGreaterThan(avg(simple, 'epistemic'));
  });

  it('reproduces double descent with random features: a peak at F = N, lower on both sides', () => {
    const rows = doubleDescent({ population: sinusoidPopulation({ noiseStd: 0.1 }), n: 15, featureCounts: [4, 15, 400], seeds: 20 });
    const [under, threshold, over] = rows.map((r) => r.populationLoss) as [number, number, number];
    expect(threshold).toBeGreaterThan(10 * under);
    expect(threshold).toBeGreaterThan(10 * over);
    // past the threshold the interpolating models generalise better than the small ones
    expect(over).toBeLessThan(under);
    expect(rows[2]?.trainLoss).toBeLessThan(1e-8);
  });
});

describe('sinusoidPopulation options', () => {
  it('refuses an unknown or misspelt option instead of using the default σ', () => {
    expect(() => sinusoidPopulation({ std: 0.1 } as { noiseStd?: number })).toThrow(/unknown option std.*expected one of noiseStd/);
    expect(() => sinusoidPopulation({ noiseStd: Number.POSITIVE_INFINITY })).toThrow(/must be >= 0/);
    expect(sinusoidPopulation({ noiseStd: 0.1 }).noiseVariance).toBeCloseTo(0.01, 15);
  });
});
