import { describe, expect, it } from 'vitest';
import { tensor } from '../creation.ts';
import { DTypeError, ShapeError, ValueError } from '../errors.ts';
import { matmul } from '../ops/matmul.ts';
import { rng } from '../random.ts';
import { cholesky } from './cholesky.ts';
import { maxAbsDiff, randomSpd } from './kernels/test-matrices.ts';

describe('cholesky', () => {
  it('factors a hand-made matrix and a random SPD matrix, A = L·Lᵀ', () => {
    expect(cholesky(tensor([[4, 2], [2, 10]])).toArray()).toEqual([
      [2, 0],
      [1, 3],
    ]);
    const a = tensor(randomSpd(rng(26), 8), { shape: [8, 8] });
    const l = cholesky(a);
    expect(l.dtype).toBe('float64');
    expect(maxAbsDiff(matmul(l, l.transpose()).data, a.data)).toBeLessThan(1e-10);
  });

  it('promotes float32 input and tolerates its rounding asymmetry', () => {
    const a = tensor(Float32Array.from([4, 2.0000001, 2, 10]), { shape: [2, 2] });
    const l = cholesky(a);
    expect(l.dtype).toBe('float64');
    expect(l.data[0]).toBe(2);
  });

  it('names the failing pivot of a matrix that is not positive definite', () => {
    expect(() => cholesky(tensor([[1, 2], [2, 1]]))).toThrow(ValueError);
    expect(() => cholesky(tensor([[1, 2], [2, 1]]))).toThrow(/cholesky: matrix is not positive definite.*pivot 1/);
    expect(() => cholesky(tensor([[-1]]))).toThrow(/pivot 0/);
  });

  it('rejects asymmetric, non-square, NaN and bool input with typed errors', () => {
    expect(() => cholesky(tensor([[2, 1], [0, 2]]))).toThrow(/matrix is not symmetric.*a\[1\]\[0\] = 0, a\[0\]\[1\] = 1/);
    expect(() => cholesky(tensor([[1, 0, 0], [0, 1, 0]]))).toThrow(ShapeError);
    expect(() => cholesky(tensor([[1, 0], [0, NaN]]))).toThrow(/non-finite entry NaN at \[1, 1\]/);
    expect(() => cholesky(tensor([[true]]))).toThrow(DTypeError);
  });
});
