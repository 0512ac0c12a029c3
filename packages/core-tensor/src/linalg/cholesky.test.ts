import { describe, expect, it } from 'vitest';
import { tensor } from '../creation.ts';
import { DTypeError, ShapeError, ValueError } from '../errors.ts';
import { add, mul } from '../ops/binary.ts';
import { matmul } from '../ops/matmul.ts';
import { sum } from '../ops/reduce.ts';
import { log } from '../ops/unary.ts';
import { diag } from '../ops/diag.ts';
import { rng } from '../random.ts';
import type { Tensor } from '../tensor.ts';
import { gradCheck } from '../testing/grad-check.ts';
import { grad } from '../autodiff/grad.ts';
import { det } from './det.ts';
import { inverse } from './inverse.ts';
import { cholesky } from './cholesky.ts';
import { maxAbsDiff, randomMatrix, randomSpd } from './kernels/test-matrices.ts';

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
    expect(() => cholesky(tensor([[1, 0], [0, NaN]], { allowNonFinite: true }))).toThrow(/non-finite entry NaN at \[1, 1\]/);
    expect(() => cholesky(tensor([[true]]))).toThrow(DTypeError);
  });

  // f(X) = g(cholesky((X + Xᵀ)/2)): finite differences of X keep the argument exactly symmetric
  const sym = (x: Tensor): Tensor => mul(add(x, x.transpose()), 0.5);

  it('has the symmetric gradient of Murray (2016) (finite differences)', () => {
    const r = rng(32);
    const a = tensor(randomSpd(r, 4), { shape: [4, 4] });
    const w = tensor(randomMatrix(r, 4, 4), { shape: [4, 4] });
    expect(gradCheck((x) => sum(mul(cholesky(sym(x)), w)), [a], { rtol: 1e-6, atol: 1e-8 }).passed).toBe(true);
    const g = grad((x: Tensor) => sum(mul(cholesky(x), w)))(a);
    expect(maxAbsDiff(g.data, g.transpose().contiguous().data)).toBeLessThan(1e-14);
  });

  it('gives d log det A = A⁻¹ through 2·Σ log diag(L), and differentiates twice', () => {
    const a = tensor(randomSpd(rng(33), 5), { shape: [5, 5] });
    const logdet = (x: Tensor): Tensor => mul(sum(log(diag(cholesky(x)))), 2);
    expect(logdet(a).item()).toBeCloseTo(Math.log(det(a).item()), 11);
    expect(maxAbsDiff(grad(logdet)(a).data, inverse(a).data)).toBeLessThan(1e-12);
    const entry = (x: Tensor): Tensor => grad((y: Tensor) => logdet(sym(y)))(x).slice([2, 1], [1, 1]).sum();
    expect(gradCheck(entry, [a], { rtol: 1e-5, atol: 1e-7 }).passed).toBe(true);
  });
});
