import { ShapeError, ValueError } from '@gradlab/core-tensor';
import { describe, expect, it } from 'vitest';
import { dataset, subset } from './dataset.ts';
import { describeDataset } from './describe-dataset.ts';
import { matrixRow, takeRows, toMatrix, toVector } from './matrix.ts';

describe('toMatrix / toVector', () => {
  it('reads rows, flat vectors and shaped objects', () => {
    expect(toMatrix([[1, 2], [3, 4], [5, 6]], { op: 'test', arg: 'x' })).toEqual({ data: new Float64Array([1, 2, 3, 4, 5, 6]), shape: [3, 2] });
    expect(toMatrix([1, 2, 3], { op: 'test', arg: 'x' }).shape).toEqual([3, 1]);
    expect(toMatrix({ data: [1, 2, 3, 4], shape: [2, 2] }, { op: 'test', arg: 'x' }).shape).toEqual([2, 2]);
    expect(Array.from(toVector({ data: [1, 2], shape: [2, 1] }, { op: 'test', arg: 't' }))).toEqual([1, 2]);
  });

  it('rejects ragged rows, bad shapes and NaN', () => {
    expect(() => toMatrix([[1, 2], [3]], { op: 'test', arg: 'x' })).toThrow(ShapeError);
    expect(() => toMatrix([[1, 2], [3]], { op: 'test', arg: 'x' })).toThrow(/argument x\[1\]; expected 2 entries; received 1 entries/);
    expect(() => toMatrix({ data: [1, 2, 3], shape: [2, 2] }, { op: 'test', arg: 'x' })).toThrow(ShapeError);
    expect(() => toMatrix({ data: [1], shape: [1, 1, 1] }, { op: 'test', arg: 'x' })).toThrow(/rank 1 or 2/);
    expect(() => toMatrix([[1, Number.NaN]], { op: 'test', arg: 'x' })).toThrow(ValueError);
    expect(() => toVector({ data: [1, 2, 3, 4], shape: [2, 2] }, { op: 'test', arg: 't' })).toThrow(ShapeError);
  });

  it('takes rows by index', () => {
    const m = toMatrix([[1, 2], [3, 4], [5, 6]], { op: 'test', arg: 'x' });
    expect(Array.from(matrixRow(m, 1))).toEqual([3, 4]);
    expect(takeRows(m, [2, 0])).toEqual({ data: new Float64Array([5, 6, 1, 2]), shape: [2, 2] });
  });
});

describe('dataset', () => {
  it('holds the notes\' D = {(0,0), (1,1), (2,2), (3,2)}', () => {
    const d = dataset([0, 1, 2, 3], [0, 1, 2, 2]);
    expect(d.x.shape).toEqual([4, 1]);
    expect(d.featureNames).toEqual(['x0']);
    expect(Array.from(subset(d, [2, 3]).t)).toEqual([2, 2]);
  });

  it('rejects empty data, mismatched lengths and bad class indices', () => {
    expect(() => dataset([], [])).toThrow(ValueError);
    expect(() => dataset([], [])).toThrow(/the data set is empty/);
    expect(() => dataset([[1], [2], [3]], [1, 2])).toThrow(ShapeError);
    expect(() => dataset([[1], [2], [3]], [1, 2])).toThrow(/x and t must have the same number of samples.*expected 3 targets \(x is \[3, 1\]\); received 2 targets/);
    expect(() => dataset([1, 2], [0, 2], { classNames: ['a', 'b'] })).toThrow(/class targets must be indices/);
    expect(() => dataset([[1, 2]], [0], { featureNames: ['a'] })).toThrow(ShapeError);
    expect(() => subset(dataset([1, 2], [0, 1]), [2])).toThrow(/index out of range/);
  });

  it('is described: shape, column kinds, class balance', () => {
    const d = dataset([[0, 1.5], [1, 2.5], [1, 3.5], [0, 4.5]], [0, 1, 1, 1], { featureNames: ['flag', 'size'], classNames: ['no', 'yes'], name: 'toy' });
    const desc = describeDataset(d);
    expect(desc.n).toBe(4);
    expect(desc.d).toBe(2);
    expect(desc.features.map((f) => f.kind)).toEqual(['binary', 'real']);
    expect(desc.features[1]).toMatchObject({ min: 1.5, max: 4.5, mean: 3, distinct: 4 });
    expect(desc.features[1]?.std).toBeCloseTo(Math.sqrt(1.25), 12);
    expect(desc.classes).toEqual([
      { label: 0, name: 'no', count: 1, fraction: 0.25 },
      { label: 1, name: 'yes', count: 3, fraction: 0.75 },
    ]);
    expect(describeDataset(dataset([1, 2, 3], [0.5, 1.5, 2.25])).classes).toBeUndefined();
  });
});
