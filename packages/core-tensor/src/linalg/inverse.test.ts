import { describe, expect, it } from 'vitest';
import { grad } from '../autodiff/grad.ts';
import { eye, tensor } from '../creation.ts';
import { ShapeError, ValueError } from '../errors.ts';
import { mul } from '../ops/binary.ts';
import { matmul } from '../ops/matmul.ts';
import { sum } from '../ops/reduce.ts';
import { rng } from '../random.ts';
import type { Tensor } from '../tensor.ts';
import { gradCheck } from '../testing/grad-check.ts';
import { inverse } from './inverse.ts';
import { maxAbsDiff, randomMatrix } from './kernels/test-matrices.ts';

describe('inverse', () => {
  it('inverts a hand-made matrix', () => {
    // [[4, 7], [2, 6]]⁻¹ = [[0.6, −0.7], [−0.2, 0.4]]
    const inv = inverse(tensor([[4, 7], [2, 6]]));
    expect(inv.shape).toEqual([2, 2]);
    expect(maxAbsDiff(inv.data, [0.6, -0.7, -0.2, 0.4])).toBeLessThan(1e-15);
  });

  it('gives A·A⁻¹ = I for random matrices, float32 promoted', () => {
    const r = rng(23);
    for (const n of [1, 3, 10]) {
      const a = tensor(randomMatrix(r, n, n), { shape: [n, n] });
      expect(maxAbsDiff(matmul(a, inverse(a)).data, eye(n).data)).toBeLessThan(1e-10);
    }
    const a32 = tensor(Float32Array.from([1, 2, 3, 5]), { shape: [2, 2] });
    const inv = inverse(a32);
    expect(inv.dtype).toBe('float64');
    expect(maxAbsDiff(inv.data, [-5, 2, 3, -1])).toBeLessThan(1e-14);
  });

  it('throws typed errors for non-square, NaN and singular input', () => {
    expect(() => inverse(tensor([[1, 2, 3]]))).toThrow(ShapeError);
    expect(() => inverse(tensor([[1, 2], [NaN, 4]], { allowNonFinite: true }))).toThrow(/a has a non-finite entry NaN at \[1, 0\]/);
    expect(() => inverse(tensor([[1, 2, 3], [4, 5, 6], [7, 8, 9]]))).toThrow(ValueError);
    expect(() => inverse(tensor([[1, 2, 3], [4, 5, 6], [7, 8, 9]]))).toThrow(/inverse: matrix is singular to working precision/);
  });

  it('has the gradient gA = −A⁻ᵀ·g·A⁻ᵀ (finite differences, and once more for the second order)', () => {
    const r = rng(24);
    const a = tensor(randomMatrix(r, 3, 3), { shape: [3, 3] }).add(eye(3).mul(2));
    const w = tensor(randomMatrix(r, 3, 3), { shape: [3, 3] });
    expect(gradCheck((x) => sum(mul(inverse(x), w)), [a], { rtol: 1e-6, atol: 1e-8 }).passed).toBe(true);
    const firstEntry = (x: Tensor): Tensor => grad((y: Tensor) => sum(mul(inverse(y), w)))(x).slice([0, 0], [1, 1]).sum();
    expect(gradCheck(firstEntry, [a], { rtol: 1e-5, atol: 1e-7 }).passed).toBe(true);
  });
});
