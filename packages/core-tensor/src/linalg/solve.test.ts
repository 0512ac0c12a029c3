import { describe, expect, it } from 'vitest';
import { grad } from '../autodiff/grad.ts';
import { tensor } from '../creation.ts';
import { DTypeError, ShapeError, ValueError } from '../errors.ts';
import { matmul } from '../ops/matmul.ts';
import { mul } from '../ops/binary.ts';
import { sum } from '../ops/reduce.ts';
import { square } from '../ops/unary.ts';
import { rng } from '../random.ts';
import { gradCheck } from '../testing/grad-check.ts';
import type { Tensor } from '../tensor.ts';
import { maxAbsDiff, randomMatrix } from './kernels/test-matrices.ts';
import { solve } from './solve.ts';

describe('solve', () => {
  it('solves a vector system, keeping the shape of b', () => {
    const x = solve(tensor([[2, 1], [1, 3]]), tensor([3, 5]));
    expect(x.shape).toEqual([2]);
    expect(x.dtype).toBe('float64');
    expect(maxAbsDiff(x.data, [0.8, 1.4])).toBeLessThan(1e-15);
  });

  it('solves several right-hand sides at once, A·X = B to 1e-10', () => {
    const r = rng(21);
    const a = tensor(randomMatrix(r, 6, 6), { shape: [6, 6] });
    const b = tensor(randomMatrix(r, 6, 3), { shape: [6, 3] });
    const x = solve(a, b);
    expect(x.shape).toEqual([6, 3]);
    expect(maxAbsDiff(matmul(a, x).data, b.data)).toBeLessThan(1e-10);
  });

  it('promotes float32 and int32 inputs to float64', () => {
    const x = solve(tensor([[4, 0], [0, 2]], { dtype: 'float32' }), tensor([2, 3], { dtype: 'int32' }));
    expect(x.dtype).toBe('float64');
    expect(Array.from(x.data)).toEqual([0.5, 1.5]);
  });

  it('throws typed errors: non-square, mismatched rows, NaN, singular, bool', () => {
    expect(() => solve(tensor([[1, 2, 3], [4, 5, 6]]), tensor([1, 2]))).toThrow(ShapeError);
    expect(() => solve(tensor([[1, 2, 3], [4, 5, 6]]), tensor([1, 2]))).toThrow(/solve: a must be square, got shape \[2, 3\].*Hint: for a non-square system use lstsq/);
    expect(() => solve(tensor([[1, 0], [0, 1]]), tensor([1, 2, 3]))).toThrow(/a is \[2, 2\], b is \[3\]/);
    expect(() => solve(tensor([[1, 0], [0, 1]]), tensor([[1, 2, 3], [4, 5, 6]]).transpose())).toThrow(/transpose b\?/);
    expect(() => solve(tensor([[1, NaN], [0, 1]], { allowNonFinite: true }), tensor([1, 2]))).toThrow(ValueError);
    expect(() => solve(tensor([[1, 0], [0, 1]]), tensor([Infinity, 2], { allowNonFinite: true }))).toThrow(/b has a non-finite entry Infinity at \[0\]/);
    expect(() => solve(tensor([[1, 2], [2, 4]]), tensor([1, 2]))).toThrow(/matrix is singular to working precision/);
    expect(() => solve(tensor([[true, false], [false, true]]), tensor([1, 2]))).toThrow(DTypeError);
    expect(() => solve(tensor([1, 2]), tensor([1, 2]))).toThrow(ShapeError);
  });

  it('has the gradients gb = A⁻ᵀ·gx and gA = −gb·xᵀ (checked by finite differences)', () => {
    const r = rng(22);
    const a = tensor(randomMatrix(r, 4, 4), { shape: [4, 4] }).add(tensor([[3, 0, 0, 0], [0, 3, 0, 0], [0, 0, 3, 0], [0, 0, 0, 3]]));
    const bv = tensor(randomMatrix(r, 4, 1), { shape: [4] });
    const bm = tensor(randomMatrix(r, 4, 2), { shape: [4, 2] });
    const w = tensor(randomMatrix(r, 4, 2), { shape: [4, 2] });
    expect(gradCheck((x, y) => sum(square(solve(x, y))), [a, bv], { rtol: 1e-6, atol: 1e-8 }).passed).toBe(true);
    expect(gradCheck((x, y) => sum(mul(solve(x, y), w)), [a, bm], { rtol: 1e-6, atol: 1e-8 }).passed).toBe(true);
  });

  it('differentiates twice (the gradient rule is built from differentiable ops)', () => {
    // f(b) = ‖A⁻¹b‖² has Hessian 2·A⁻ᵀA⁻¹; check the derivative of ∂f/∂b[0] numerically
    const a = tensor([[2, 1], [0.5, 3]]);
    const g0 = (b: Tensor): Tensor =>
      (grad((y: Tensor) => sum(square(solve(a, y))))(b)).slice([0], [1]).sum();
    expect(gradCheck(g0, [tensor([1, -2])], { rtol: 1e-6, atol: 1e-8 }).passed).toBe(true);
  });

  it('gives float32 gradients to float32 inputs', () => {
    const [ga, gb] = grad((x: Tensor, y: Tensor) => sum(solve(x, y)))(
      tensor([[2, 0], [0, 4]], { dtype: 'float32' }),
      tensor([1, 1], { dtype: 'float32' }),
    );
    expect(ga.dtype).toBe('float32');
    expect(gb.dtype).toBe('float32');
    expect(Array.from(gb.data)).toEqual([0.5, 0.25]);
  });
});
