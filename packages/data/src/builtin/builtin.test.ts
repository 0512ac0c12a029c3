import { describe, expect, it } from 'vitest';
import { describeDataset } from '../describe-dataset.ts';
import { builtinDatasets } from './builtin-datasets.ts';
import { loadBreastCancer } from './load-breast-cancer.ts';
import { loadDigits } from './load-digits.ts';
import { loadIris } from './load-iris.ts';
import { loadTextCorpus } from './load-text-corpus.ts';

const sum = (a: ArrayLike<number>): number => Array.from(a).reduce((s, v) => s + v, 0);

// Reference values printed by scikit-learn 1.2.1's load_iris / load_digits / load_breast_cancer.
describe('shipped data sets', () => {
  it('iris: 150 × 4, three classes of 50', () => {
    const d = loadIris();
    expect(d.x.shape).toEqual([150, 4]);
    expect(d.classNames).toEqual(['setosa', 'versicolor', 'virginica']);
    expect(describeDataset(d).classes?.map((c) => c.count)).toEqual([50, 50, 50]);
    expect(Array.from(d.x.data.subarray(596))).toEqual([5.9, 3.0, 5.1, 1.8]);
    expect(sum(d.x.data)).toBeCloseTo(2078.7, 9);
  });

  it('digits: 1,797 images of 8 × 8 grey levels 0..16', () => {
    const d = loadDigits();
    expect(d.x.shape).toEqual([1797, 64]);
    expect(Array.from(d.x.data.subarray(0, 16))).toEqual([0, 0, 5, 13, 9, 1, 0, 0, 0, 0, 13, 15, 10, 15, 5, 0]);
    expect(Array.from(d.t.subarray(0, 10))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(describeDataset(d).classes?.map((c) => c.count)).toEqual([178, 182, 177, 183, 181, 182, 181, 179, 174, 180]);
    expect(sum(d.x.data)).toBe(561718);
    expect(Math.max(...d.x.data)).toBe(16);
  });

  it('breast cancer: 569 × 30, 212 malignant and 357 benign', () => {
    const d = loadBreastCancer();
    expect(d.x.shape).toEqual([569, 30]);
    expect(d.featureNames[0]).toBe('mean radius');
    expect(d.classNames).toEqual(['malignant', 'benign']);
    expect(describeDataset(d).classes?.map((c) => c.count)).toEqual([212, 357]);
    expect(Array.from(d.x.data.subarray(0, 3))).toEqual([17.99, 10.38, 122.8]);
    expect(Array.from(d.x.data.subarray(569 * 30 - 2))).toEqual([0.2871, 0.07039]);
    expect(sum(d.x.data)).toBeCloseTo(1056474.4596356, 6);
  });

  it('text corpus: Genesis (KJV), public domain', () => {
    const c = loadTextCorpus();
    const lines = c.text.trimEnd().split('\n');
    expect(lines).toHaveLength(1533);
    expect(lines[0]).toBe('In the beginning God created the heaven and the earth.');
    expect(lines[1532]).toBe('So Joseph died, being an hundred and ten years old: and they embalmed him, and he was put in a coffin in Egypt.');
    expect(c.license).toMatch(/public domain/i);
    expect(c.text.length).toBeLessThan(200_000);
  });

  it('builtinDatasets names every loader and is frozen', () => {
    expect(Object.isFrozen(builtinDatasets)).toBe(true);
    expect(Object.keys(builtinDatasets)).toEqual(['iris', 'digits', 'breast-cancer', 'sinusoid', 'blobs', 'moons', 'xor', 'linear-separable', 'linear-overlapping']);
    for (const load of Object.values(builtinDatasets)) expect(load().t.length).toBeGreaterThan(0);
  });
});
