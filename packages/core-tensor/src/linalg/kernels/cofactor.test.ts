import { describe, expect, it } from 'vitest';
import { rng } from '../../random.ts';
import { cofactorMatrix } from './cofactor.ts';
import { luDeterminant, luFactor, luInverse } from './lu.ts';
import { transpose } from './row-major.ts';
import { maxAbsDiff, randomMatrix } from './test-matrices.ts';

/** The cofactor matrix of a 3×3 matrix from its 2×2 minors, by the textbook definition. */
function cofactors3(a: ArrayLike<number>): number[] {
  const at = (i: number, j: number): number => a[i * 3 + j]!;
  const out: number[] = [];
  for (let i = 0; i < 3; i++) {
    for (let j = 0; j < 3; j++) {
      const rows = [0, 1, 2].filter((r) => r !== i);
      const cols = [0, 1, 2].filter((c) => c !== j);
      const minor =
        at(rows[0]!, cols[0]!) * at(rows[1]!, cols[1]!) - at(rows[0]!, cols[1]!) * at(rows[1]!, cols[0]!);
      out.push((i + j) % 2 === 0 ? minor : -minor);
    }
  }
  return out;
}

describe('cofactorMatrix', () => {
  it('matches the minors of a hand-made 3×3 matrix', () => {
    const a = Float64Array.from([2, -1, 0, 1, 3, 4, -2, 5, 1]);
    expect(maxAbsDiff(cofactorMatrix(a, 3), cofactors3(a))).toBeLessThan(1e-13);
  });

  it('equals det(A)·A⁻ᵀ for a random invertible matrix', () => {
    const n = 6;
    const a = randomMatrix(rng(16), n, n);
    const f = luFactor(a, n);
    const expected = Float64Array.from(transpose(luInverse(f), n, n), (x) => x * luDeterminant(f));
    expect(maxAbsDiff(cofactorMatrix(a, n), expected)).toBeLessThan(1e-11);
  });

  it('stays defined for singular matrices (rank n − 1 and rank n − 2)', () => {
    const rank2 = Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(maxAbsDiff(cofactorMatrix(rank2, 3), cofactors3(rank2))).toBeLessThan(1e-12);
    const rank1 = Float64Array.from([1, 2, 3, 2, 4, 6, -1, -2, -3]);
    expect(maxAbsDiff(cofactorMatrix(rank1, 3), new Float64Array(9))).toBeLessThan(1e-13);
    const zeroRow = Float64Array.from([1, 2, 0, 3, 4, 0, 5, 6, 0]);
    expect(maxAbsDiff(cofactorMatrix(zeroRow, 3), cofactors3(zeroRow))).toBeLessThan(1e-13);
  });

  it('is 1 for a 1×1 matrix', () => {
    expect(Array.from(cofactorMatrix(Float64Array.from([7]), 1))).toEqual([1]);
  });
});
