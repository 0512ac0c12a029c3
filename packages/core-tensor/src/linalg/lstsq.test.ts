import { describe, expect, it } from 'vitest';
import { tensor } from '../creation.ts';
import { ShapeError, ValueError } from '../errors.ts';
import { matmul } from '../ops/matmul.ts';
import { rng } from '../random.ts';
import { maxAbsDiff, randomMatrix } from './kernels/test-matrices.ts';
import { matmul as matmul64 } from './kernels/row-major.ts';
import { lstsq } from './lstsq.ts';

describe('lstsq', () => {
  it('fits a line through exact points: solution [n], residuals [1], rank, singular values', () => {
    const { solution, residuals, rank, singularValues } = lstsq(tensor([[1, 0], [1, 1], [1, 2]]), tensor([1, 3, 5]));
    expect(solution.shape).toEqual([2]);
    expect(maxAbsDiff(solution.data, [1, 2])).toBeLessThan(1e-14);
    expect(residuals.shape).toEqual([1]);
    expect(residuals.data[0]).toBeLessThan(1e-25);
    expect(rank).toBe(2);
    expect(singularValues.shape).toEqual([2]);
    // σ₁² + σ₂² = ‖A‖_F² = 8 and σ₁·σ₂ = √det(AᵀA) = √6
    const [s1, s2] = Array.from(singularValues.data) as [number, number];
    expect(s1 * s1 + s2 * s2).toBeCloseTo(8, 13);
    expect(s1 * s2).toBeCloseTo(Math.sqrt(6), 13);
  });

  it('gives [n, k] solutions and [k] residuals for a matrix b', () => {
    const r = rng(27);
    const a = tensor(randomMatrix(r, 9, 3), { shape: [9, 3] });
    const b = tensor(randomMatrix(r, 9, 2), { shape: [9, 2] });
    const { solution, residuals } = lstsq(a, b);
    expect(solution.shape).toEqual([3, 2]);
    expect(residuals.shape).toEqual([2]);
    const fit = matmul(a, solution).data;
    for (let c = 0; c < 2; c++) {
      let ss = 0;
      for (let i = 0; i < 9; i++) ss += (b.data[i * 2 + c]! - fit[i * 2 + c]!) ** 2;
      expect(residuals.data[c]).toBeCloseTo(ss, 12);
    }
  });

  it('returns the minimum-norm solution of a rank-deficient design (duplicated column)', () => {
    // columns 0 and 1 are equal: x0 + x1 is determined, the min-norm solution splits it evenly
    const a = tensor([[1, 1, 0], [2, 2, 1], [3, 3, 0], [0, 0, 1]]);
    const b = tensor([2, 5, 6, 1]);
    const { solution, rank } = lstsq(a, b);
    expect(rank).toBe(2);
    expect(maxAbsDiff(solution.data, [1, 1, 1])).toBeLessThan(1e-13);
  });

  it('returns x = Aᵀ(AAᵀ)⁻¹b for an underdetermined system', () => {
    const a = tensor([[1, 1, 1]]);
    const { solution, residuals, rank } = lstsq(a, tensor([3]));
    expect(rank).toBe(1);
    expect(maxAbsDiff(solution.data, [1, 1, 1])).toBeLessThan(1e-15);
    expect(residuals.data[0]).toBeLessThan(1e-28);
  });

  it('rcond sets the rank', () => {
    const a = tensor([[1, 0], [0, 1e-9], [0, 0]]);
    expect(lstsq(a, tensor([1, 1, 0])).rank).toBe(2);
    const cut = lstsq(a, tensor([1, 1, 0]), { rcond: 1e-6 });
    expect(cut.rank).toBe(1);
    expect(Array.from(cut.solution.data)).toEqual([1, 0]);
  });

  it('agrees with the kernel product on float32 input (promoted)', () => {
    const data = Float32Array.from([1, 2, 3, 4, 5, 7]);
    const { solution } = lstsq(tensor(data, { shape: [3, 2] }), tensor([1, 0, 1], { dtype: 'float32' }));
    expect(solution.dtype).toBe('float64');
    const fit = matmul64(Float64Array.from(data), Float64Array.from(solution.data), 3, 2, 1);
    // normal equations Aᵀ(b − A·x) = 0
    const res = [1 - fit[0]!, 0 - fit[1]!, 1 - fit[2]!];
    expect(Math.abs(1 * res[0]! + 3 * res[1]! + 5 * res[2]!)).toBeLessThan(1e-13);
    expect(Math.abs(2 * res[0]! + 4 * res[1]! + 7 * res[2]!)).toBeLessThan(1e-13);
  });

  it('throws typed errors: mismatched rows, NaN, bad rcond, non-matrix', () => {
    expect(() => lstsq(tensor([[1, 2], [3, 4], [5, 6]]), tensor([1, 2]))).toThrow(ShapeError);
    expect(() => lstsq(tensor([[1, 2], [3, 4], [5, 6]]), tensor([1, 2]))).toThrow(/lstsq: b must have as many rows as a: a is \[3, 2\], b is \[2\]/);
    expect(() => lstsq(tensor([[1, 2]]), tensor([NaN]))).toThrow(ValueError);
    expect(() => lstsq(tensor([[1, 2]]), tensor([1]), { rcond: -1 })).toThrow(/rcond must be a finite number/);
    expect(() => lstsq(tensor([1, 2]), tensor([1, 2]))).toThrow(/a must be a matrix, got shape \[2\]/);
  });
});
