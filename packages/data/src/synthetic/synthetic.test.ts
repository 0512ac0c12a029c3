import { ShapeError, ValueError } from '@gradlab/core-tensor';
import { describe, expect, it } from 'vitest';
import { gaussianBlobs } from './gaussian-blobs.ts';
import { linearClasses } from './linear-classes.ts';
import { sampleJointGaussian } from './sample-joint-gaussian.ts';
import { sampleJointTable } from './sample-joint-table.ts';
import { sinusoid } from './sinusoid.ts';
import { twoMoons } from './two-moons.ts';
import { xor } from './xor.ts';

const mean = (a: ArrayLike<number>): number => Array.from(a).reduce((s, v) => s + v, 0) / a.length;

describe('sinusoid', () => {
  it('draws N = 10 by default, x in [0, 1], reproducibly', () => {
    const d = sinusoid();
    expect(d.x.shape).toEqual([10, 1]);
    expect(d.x.data.every((v) => v >= 0 && v < 1)).toBe(true);
    expect(sinusoid({ seed: 0 })).toEqual(d);
    expect(sinusoid({ seed: 1 }).t).not.toEqual(d.t);
  });

  it('has noise of variance σ² around sin(2πx)', () => {
    const d = sinusoid({ n: 20000, noiseStd: 0.3, seed: 4 });
    const residual = Array.from(d.t, (t, i) => t - Math.sin(2 * Math.PI * (d.x.data[i] as number)));
    expect(mean(residual)).toBeCloseTo(0, 2);
    expect(mean(residual.map((r) => r * r))).toBeCloseTo(0.09, 2);
    expect(sinusoid({ n: 5, noiseStd: 0 }).t).toEqual(Float64Array.from(sinusoid({ n: 5, noiseStd: 0 }).x.data, (x) => Math.sin(2 * Math.PI * x)));
  });

  it('rejects a bad N or σ', () => {
    expect(() => sinusoid({ n: 0 })).toThrow(ValueError);
    expect(() => sinusoid({ n: 2.5 })).toThrow(/positive integer/);
    expect(() => sinusoid({ noiseStd: -1 })).toThrow(/non-negative/);
  });
});

describe('classification generators', () => {
  it('gaussianBlobs balances classes around their centres', () => {
    const d = gaussianBlobs({ n: 3000, centers: [[0, 0], [5, 5], [-5, 5]], std: 0.5, seed: 1 });
    expect(d.x.shape).toEqual([3000, 2]);
    for (const [k, c] of [[0, [0, 0]], [1, [5, 5]], [2, [-5, 5]]] as const) {
      const rows = Array.from({ length: 3000 }, (_, i) => i).filter((i) => d.t[i] === k);
      expect(rows).toHaveLength(1000);
      expect(mean(rows.map((i) => d.x.data[2 * i] as number))).toBeCloseTo(c[0], 1);
      expect(mean(rows.map((i) => d.x.data[2 * i + 1] as number))).toBeCloseTo(c[1], 1);
    }
    expect(() => gaussianBlobs({ centers: [[0, 0], [1]] })).toThrow(ValueError);
  });

  it('twoMoons puts class 0 on the upper arc and class 1 on the shifted lower arc', () => {
    const d = twoMoons({ n: 200, noise: 0, seed: 2 });
    for (let i = 0; i < 200; i++) {
      const [a, b] = [d.x.data[2 * i] as number, d.x.data[2 * i + 1] as number];
      const r = d.t[i] === 0 ? Math.hypot(a, b) : Math.hypot(a - 1, b - 0.5);
      expect(r).toBeCloseTo(1, 12);
      expect(d.t[i] === 0 ? b >= 0 : b <= 0.5).toBe(true);
    }
  });

  it('xor labels points by the sign of x1·x2', () => {
    const d = xor({ n: 500, seed: 3 });
    for (let i = 0; i < 500; i++) expect(d.t[i]).toBe((d.x.data[2 * i] as number) * (d.x.data[2 * i + 1] as number) < 0 ? 1 : 0);
    const noisy = xor({ n: 2000, flip: 0.2, seed: 3 });
    let flipped = 0;
    for (let i = 0; i < 2000; i++) if (noisy.t[i] !== ((noisy.x.data[2 * i] as number) * (noisy.x.data[2 * i + 1] as number) < 0 ? 1 : 0)) flipped++;
    expect(flipped / 2000).toBeCloseTo(0.2, 1);
  });

  it('linearClasses: separable keeps the margin, overlapping mixes labels near the line', () => {
    const sep = linearClasses({ n: 400, margin: 0.2, seed: 5 });
    for (let i = 0; i < 400; i++) {
      const s = ((sep.x.data[2 * i] as number) - (sep.x.data[2 * i + 1] as number)) / Math.SQRT2;
      expect(Math.abs(s)).toBeGreaterThanOrEqual(0.2);
      expect(sep.t[i]).toBe(s > 0 ? 1 : 0);
    }
    const mixed = linearClasses({ n: 400, separable: false, seed: 5 });
    let wrongSide = 0;
    for (let i = 0; i < 400; i++) if (mixed.t[i] !== ((mixed.x.data[2 * i] as number) > (mixed.x.data[2 * i + 1] as number) ? 1 : 0)) wrongSide++;
    expect(wrongSide).toBeGreaterThan(20);
    expect(() => linearClasses({ theta: [1, 0, 0] })).toThrow(/needs a direction/);
    expect(() => linearClasses({ margin: 5 })).toThrow(/no room/);
  });
});

describe('sampling a known joint distribution', () => {
  const table = { variables: [{ name: 'x1', values: [0, 1] }, { name: 'x2', values: [0, 1] }], probs: [0.45, 0.05, 0.1, 0.4] };

  it('sampleJointTable reproduces the notes\' joint table p(x1, x2)', () => {
    const d = sampleJointTable(table, { n: 40000, seed: 0 });
    expect(d.featureNames).toEqual(['x1']);
    expect(d.targetName).toBe('x2');
    const freq = [0, 0, 0, 0];
    for (let i = 0; i < 40000; i++) freq[2 * (d.x.data[i] as number) + (d.t[i] as number)]! += 1 / 40000;
    freq.forEach((f, k) => expect(f).toBeCloseTo(table.probs[k] as number, 2));
    // Marginal x2 ~ Bern(0.45).
    expect(mean(d.t)).toBeCloseTo(0.45, 2);
    expect(sampleJointTable(table, { n: 5, target: 'x1', seed: 1 }).targetName).toBe('x1');
  });

  it('sampleJointTable reads a table object with probabilities() and labelled values (as @gradlab/prob makes)', () => {
    const weather = {
      variables: [{ name: 'sky', values: ['clear', 'cloudy'] }, { name: 'rain', values: ['no', 'yes'] }],
      probabilities: () => [0.5, 0.1, 0.15, 0.25],
    };
    const d = sampleJointTable(weather, { n: 20000, seed: 2 });
    expect(d.classNames).toEqual(['no', 'yes']);
    expect(new Set(d.x.data)).toEqual(new Set([0, 1]));
    expect(Math.abs(mean(d.t) - 0.35)).toBeLessThan(0.015); // 4 standard errors
  });

  it('sampleJointTable rejects a table that does not fit its variables', () => {
    expect(() => sampleJointTable({ variables: table.variables, probs: [0.5, 0.5] }, { n: 3 })).toThrow(ShapeError);
    expect(() => sampleJointTable({ variables: table.variables, probs: [0.5, 0.5, 0.5, 0.5] }, { n: 3 })).toThrow(/sum to 1/);
    expect(() => sampleJointTable(table, { n: 3, target: 'nope' })).toThrow(/unknown target variable/);
  });

  it('sampleJointGaussian has the given mean and covariance', () => {
    const d = sampleJointGaussian({ mean: [1, -2], cov: [[2, 1.2], [1.2, 1]] }, { n: 40000, seed: 7 });
    const x = d.x.data;
    const mx = mean(x);
    const mt = mean(d.t);
    expect(mx).toBeCloseTo(1, 1);
    expect(mt).toBeCloseTo(-2, 1);
    expect(mean(Array.from(x, (v) => (v - mx) ** 2))).toBeCloseTo(2, 1);
    expect(mean(Array.from(x, (v, i) => (v - mx) * ((d.t[i] as number) - mt)))).toBeCloseTo(1.2, 1);
  });

  it('sampleJointGaussian rejects a covariance that is not symmetric positive definite', () => {
    expect(() => sampleJointGaussian({ mean: [0, 0], cov: [[1, 2], [2, 1]] }, { n: 2 })).toThrow(/positive definite/);
    expect(() => sampleJointGaussian({ mean: [0, 0], cov: [[1, 0.5], [0.2, 1]] }, { n: 2 })).toThrow(/symmetric/);
    expect(() => sampleJointGaussian({ mean: [0, 0], cov: [[1, 0]] }, { n: 2 })).toThrow(ShapeError);
  });
});
