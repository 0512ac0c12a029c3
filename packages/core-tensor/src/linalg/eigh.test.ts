import { describe, expect, it } from 'vitest';
import { eye, tensor } from '../creation.ts';
import { ShapeError, ValueError } from '../errors.ts';
import { matmul } from '../ops/matmul.ts';
import { add, mul } from '../ops/binary.ts';
import { sum } from '../ops/reduce.ts';
import { square } from '../ops/unary.ts';
import { grad } from '../autodiff/grad.ts';
import { rng } from '../random.ts';
import type { Tensor } from '../tensor.ts';
import { gradCheck } from '../testing/grad-check.ts';
import { eigh } from './eigh.ts';
import { maxAbsDiff, randomMatrix, randomSymmetric } from './kernels/test-matrices.ts';

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

  // finite differences of X keep (X + Xᵀ)/2 exactly symmetric
  const sym = (x: Tensor): Tensor => mul(add(x, x.transpose()), 0.5);

  it('has gradient I for the sum of the eigenvalues (the trace), even when they repeat', () => {
    expect(maxAbsDiff(grad((x: Tensor) => sum(eigh(x).values))(eye(3).mul(2)).data, eye(3).data)).toBeLessThan(1e-14);
    const a = tensor(randomSymmetric(rng(34), 4), { shape: [4, 4] });
    expect(maxAbsDiff(grad((x: Tensor) => sum(eigh(x).values))(a).data, eye(4).data)).toBeLessThan(1e-13);
  });

  it('has the gradients of the values and the vectors (finite differences), and a second order', () => {
    const r = rng(35);
    const a = tensor(randomSymmetric(r, 4), { shape: [4, 4] });
    const wv = tensor(randomMatrix(r, 1, 4), { shape: [4] });
    const wm = tensor(randomMatrix(r, 4, 4), { shape: [4, 4] });
    expect(gradCheck((x) => sum(mul(eigh(sym(x)).values, wv)), [a], { rtol: 1e-6, atol: 1e-8 }).passed).toBe(true);
    // squares of the entries: independent of the eigenvectors' signs
    expect(gradCheck((x) => sum(mul(square(eigh(sym(x)).vectors), wm)), [a], { rtol: 1e-5, atol: 1e-7 }).passed).toBe(true);
    const entry = (x: Tensor): Tensor => grad((y: Tensor) => sum(square(eigh(sym(y)).values)))(x).slice([1, 0], [1, 1]).sum();
    expect(gradCheck(entry, [a], { rtol: 1e-5, atol: 1e-7 }).passed).toBe(true);
  });
});
