import { describe, expect, it } from 'vitest';
import { eye, tensor } from '../creation.ts';
import { ShapeError, ValueError } from '../errors.ts';
import { matmul } from '../ops/matmul.ts';
import { mul } from '../ops/binary.ts';
import { rng } from '../random.ts';
import { eigh } from './eigh.ts';
import { maxAbsDiff, randomSymmetric } from './kernels/test-matrices.ts';

describe('eigh', () => {
  it('decomposes a hand-made matrix: values ascending, vectors as columns', () => {
    const { values, vectors } = eigh(tensor([[2, 1], [1, 2]]));
    expect(values.shape).toEqual([2]);
    expect(vectors.shape).toEqual([2, 2]);
    expect(maxAbsDiff(values.data, [1, 3])).toBeLessThan(1e-15);
    const h = Math.SQRT1_2;
    expect(maxAbsDiff(vectors.data, [h, h, -h, h])).toBeLessThan(1e-15);
  });

  it('reconstructs V·Λ·Vᵀ = A with orthonormal V for a random symmetric matrix', () => {
    const a = tensor(randomSymmetric(rng(28), 9), { shape: [9, 9] });
    const { values, vectors } = eigh(a);
    expect(maxAbsDiff(matmul(mul(vectors, values), vectors.transpose()).data, a.data)).toBeLessThan(1e-12);
    expect(maxAbsDiff(matmul(vectors.transpose(), vectors).data, eye(9).data)).toBeLessThan(1e-12);
  });

  it('rejects asymmetric, non-square and NaN input', () => {
    expect(() => eigh(tensor([[1, 2], [3, 4]]))).toThrow(ValueError);
    expect(() => eigh(tensor([[1, 2], [3, 4]]))).toThrow(/eigh: matrix is not symmetric/);
    expect(() => eigh(tensor([[1, 2, 3]]))).toThrow(ShapeError);
    expect(() => eigh(tensor([[NaN]]))).toThrow(ValueError);
  });
});
