/**
 * Properties of the float64 linear algebra over random shapes and entries (fast-check): the
 * defining equations of each decomposition, whatever the shape or the rank.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tensor } from '../creation.ts';
import { matmul } from '../ops/matmul.ts';
import { rng } from '../random.ts';
import { eigh } from './eigh.ts';
import { maxAbsDiff, randomMatrix, randomSymmetric } from './kernels/test-matrices.ts';
import { lstsq } from './lstsq.ts';
import { qr } from './qr.ts';

const dims = fc.record({ m: fc.integer({ min: 1, max: 7 }), n: fc.integer({ min: 1, max: 7 }), r: fc.integer({ min: 0, max: 7 }), seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }) });

describe('linear algebra properties', () => {
  it('lstsq: the normal equations hold and the solution is orthogonal to the null space, for any shape and rank', () => {
    fc.assert(
      fc.property(dims, ({ m, n, r, seed }) => {
        const g = rng(seed);
        const k = Math.min(r, m, n);
        // a = B·C has rank k (almost surely); k = 0 gives the zero matrix
        const a = k === 0 ? tensor(new Float64Array(m * n), { shape: [m, n] }) : matmul(tensor(randomMatrix(g, m, k), { shape: [m, k] }), tensor(randomMatrix(g, k, n), { shape: [k, n] }));
        const b = tensor(randomMatrix(g, m, 1), { shape: [m] });
        const { solution, rank } = lstsq(a, b, { rcond: 1e-10 });
        expect(rank).toBe(k);
        const res = b.sub(matmul(a, solution));
        expect(Math.max(0, ...Array.from(matmul(a.transpose(), res).data, Math.abs))).toBeLessThan(1e-9);
        // x lies in the row space of a: x = aᵀ·y for the least-squares y of aᵀ·y = x
        const back = lstsq(a.transpose(), solution, { rcond: 1e-10 });
        expect(maxAbsDiff(matmul(a.transpose(), back.solution).data, solution.data)).toBeLessThan(1e-8 * (1 + Math.max(0, ...Array.from(solution.data, Math.abs))));
      }),
      { numRuns: 60 },
    );
  });

  it('qr reconstructs any shape; eigh reconstructs any symmetric matrix', () => {
    fc.assert(
      fc.property(dims, ({ m, n, seed }) => {
        const g = rng(seed);
        const a = tensor(randomMatrix(g, m, n), { shape: [m, n] });
        const { q, r } = qr(a);
        expect(maxAbsDiff(matmul(q, r).data, a.data)).toBeLessThan(1e-12);
        const s = tensor(randomSymmetric(g, n), { shape: [n, n] });
        const { values, vectors } = eigh(s);
        expect(maxAbsDiff(matmul(vectors.mul(values), vectors.transpose()).data, s.data)).toBeLessThan(1e-12);
      }),
      { numRuns: 60 },
    );
  });
});
