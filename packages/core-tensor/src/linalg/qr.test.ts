import { describe, expect, it } from 'vitest';
import { eye, tensor } from '../creation.ts';
import { ShapeError } from '../errors.ts';
import { matmul } from '../ops/matmul.ts';
import { rng } from '../random.ts';
import { maxAbsDiff, randomMatrix } from './kernels/test-matrices.ts';
import { qr } from './qr.ts';

describe('qr', () => {
  it('gives the reduced factors of tall and wide matrices', () => {
    const r = rng(29);
    for (const [m, n] of [
      [6, 3],
      [3, 5],
    ] as const) {
      const a = tensor(randomMatrix(r, m, n), { shape: [m, n] });
      const { q, r: rr } = qr(a);
      const k = Math.min(m, n);
      expect(q.shape).toEqual([m, k]);
      expect(rr.shape).toEqual([k, n]);
      expect(maxAbsDiff(matmul(q, rr).data, a.data)).toBeLessThan(1e-12);
      expect(maxAbsDiff(matmul(q.transpose(), q).data, eye(k).data)).toBeLessThan(1e-12);
    }
  });

  it('matches the documented example and rejects a vector', () => {
    const { r } = qr(tensor([[3, 1], [4, 0]]));
    expect(maxAbsDiff(r.data, [-5, -0.6, 0, 0.8])).toBeLessThan(1e-15);
    expect(() => qr(tensor([1, 2]))).toThrow(ShapeError);
  });
});
