import { describe, expect, it } from 'vitest';
import { grad } from '../autodiff/grad.ts';
import { eye, tensor } from '../creation.ts';
import { DTypeError, ShapeError, ValueError } from '../errors.ts';
import { rng } from '../random.ts';
import type { Tensor } from '../tensor.ts';
import { gradCheck } from '../testing/grad-check.ts';
import { det } from './det.ts';
import { maxAbsDiff, randomMatrix } from './kernels/test-matrices.ts';

describe('det', () => {
  it('is a rank-0 float64 tensor: triangular, permutation, singular and empty matrices', () => {
    const d = det(tensor([[2, 5, 1], [0, -3, 7], [0, 0, 0.5]]));
    expect(d.shape).toEqual([]);
    expect(d.dtype).toBe('float64');
    expect(d.item()).toBeCloseTo(-3, 14);
    expect(det(tensor([[0, 0, 1], [1, 0, 0], [0, 1, 0]])).item()).toBe(1);
    expect(det(tensor([[0, 1], [1, 0]])).item()).toBe(-1);
    expect(det(tensor([[1, 2], [2, 4]])).item()).toBe(0);
    expect(det(tensor(new Float64Array(0), { shape: [0, 0] })).item()).toBe(1);
    expect(det(tensor([[1, 2], [3, 4]], { dtype: 'int32' })).item()).toBeCloseTo(-2, 14);
  });

  it('throws typed errors for non-square, NaN and bool input', () => {
    expect(() => det(tensor([[1, 2, 3], [4, 5, 6]]))).toThrow(ShapeError);
    expect(() => det(tensor([[1, 2, 3], [4, 5, 6]]))).toThrow(/det: a must be square/);
    expect(() => det(tensor([[1, NaN], [3, 4]]))).toThrow(ValueError);
    expect(() => det(tensor([[true]]))).toThrow(DTypeError);
  });

  it('has the gradient det(A)·A⁻ᵀ (finite differences) and a second derivative', () => {
    const a = tensor(randomMatrix(rng(25), 4, 4), { shape: [4, 4] });
    expect(gradCheck((x) => det(x), [a], { rtol: 1e-6, atol: 1e-8 }).passed).toBe(true);
    const g = grad((x: Tensor) => det(x))(a);
    // G = det(A)·A⁻ᵀ is equivalent to Aᵀ·G = det(A)·I
    expect(maxAbsDiff(a.transpose().matmul(g).data, eye(4).mul(det(a)).data)).toBeLessThan(1e-10);
    const entry = (x: Tensor): Tensor => grad((y: Tensor) => det(y))(x).slice([1, 2], [1, 1]).sum();
    expect(gradCheck(entry, [a], { rtol: 1e-5, atol: 1e-7 }).passed).toBe(true);
  });

  it('matches the README example: grad(det) at [[1, 2], [3, 4]] is [[4, -3], [-2, 1]]', () => {
    expect(maxAbsDiff(grad(det)(tensor([[1, 2], [3, 4]])).data, [4, -3, -2, 1])).toBeLessThan(1e-14);
  });

  it('has the adjugate as gradient at a singular matrix', () => {
    // rank 2: ∂det/∂A = cofactor matrix, nonzero; finite differences agree since det is a polynomial
    const a = tensor([[1, 2, 3], [4, 5, 6], [7, 8, 9]]);
    const g = grad((x: Tensor) => det(x))(a);
    expect(maxAbsDiff(g.data, [-3, 6, -3, 6, -12, 6, -3, 6, -3])).toBeLessThan(1e-12);
    expect(gradCheck((x) => det(x), [a], { rtol: 1e-6, atol: 1e-8 }).passed).toBe(true);
  });
});
