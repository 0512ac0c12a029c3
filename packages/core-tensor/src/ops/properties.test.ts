/** Property tests of op values against plain-JS references over random shapes and layouts. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as T from '../index.ts';
import type { NestedArray, Tensor } from '../index.ts';
import { expectClose } from '../testing/index.ts';

const dim = fc.integer({ min: 1, max: 4 });
const shapeArb = fc.array(dim, { minLength: 0, maxLength: 4 });
const seedArb = fc.integer({ min: 0, max: 1_000_000 });

/** Element at a multi-index of nested arrays, reading size-1 dims as broadcast. */
function at(x: NestedArray, shape: readonly number[], idx: readonly number[]): number {
  let cur: NestedArray = x;
  const off = idx.length - shape.length;
  for (let d = 0; d < shape.length; d++) cur = (cur as NestedArray[])[shape[d] === 1 ? 0 : (idx[d + off] as number)] as NestedArray;
  return cur as number;
}

function indices(shape: readonly number[]): number[][] {
  let out: number[][] = [[]];
  for (const d of shape) out = out.flatMap((p) => Array.from({ length: d }, (_, i) => [...p, i]));
  return out;
}

describe('op values (property tests)', () => {
  it('binary ops broadcast like the NumPy rule, on contiguous and transposed layouts', () => {
    fc.assert(
      fc.property(shapeArb, fc.integer({ min: 0, max: 4 }), fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }), seedArb, fc.boolean(), (sa, drop, ones, seed, transposeA) => {
        const sb = sa.slice(Math.min(drop, sa.length)).map((d, i) => (ones[i] === true ? 1 : d));
        const r = T.rng(seed);
        let a: Tensor = T.randNormal(r, sa);
        if (transposeA && a.rank > 1) a = T.contiguous(T.transpose(a)).transpose();
        const b = T.randNormal(r, sb);
        const out = T.sub(T.mul(a, b), b);
        expect(out.shape).toEqual(sa);
        const A = a.toArray();
        const B = b.toArray();
        const flat = Array.from(out.data);
        indices(sa).forEach((idx, k) => {
          const u = at(A, sa, idx);
          const v = at(B, sb, idx);
          expect(flat[k]).toBe(u * v - v);
        });
      }),
      { numRuns: 40 },
    );
  });

  it('sum over any axes equals a plain-JS sum', () => {
    fc.assert(
      fc.property(fc.array(dim, { minLength: 1, maxLength: 4 }), fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }), seedArb, (shape, pick, seed) => {
        const axes = shape.map((_, i) => i).filter((i) => pick[i] === true);
        const x = T.randNormal(T.rng(seed), shape);
        const out = T.sum(x, axes, { keepDims: true });
        const X = x.toArray();
        const ref = new Map<string, number>();
        for (const idx of indices(shape)) {
          const key = idx.map((v, d) => (axes.includes(d) ? 0 : v)).join(',');
          ref.set(key, (ref.get(key) ?? 0) + at(X, shape, idx));
        }
        const flat = Array.from(out.data);
        indices(out.shape).forEach((idx, k) => expect(flat[k]).toBeCloseTo(ref.get(idx.join(',')) as number, 12));
      }),
      { numRuns: 40 },
    );
  });

  it('matmul equals a naive product for random sizes and transposes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 40 }), fc.boolean(), fc.boolean(), seedArb, (m, k, n, ta, tb, seed) => {
        const r = T.rng(seed);
        const a = ta ? T.transpose(T.randNormal(r, [k, m])) : T.randNormal(r, [m, k]);
        const b = tb ? T.transpose(T.randNormal(r, [n, k])) : T.randNormal(r, [k, n]);
        const A = a.toArray() as number[][];
        const B = b.toArray() as number[][];
        const ref = A.map((row) => Array.from({ length: n }, (_, j) => row.reduce((s, v, p) => s + v * ((B[p] as number[])[j] as number), 0)));
        expectClose(T.matmul(a, b), ref, { rtol: 1e-12, atol: 1e-12 });
      }),
      { numRuns: 30 },
    );
  });

  it('views round-trip: transpose twice, reshape back, slices tile the tensor', () => {
    fc.assert(
      fc.property(fc.array(dim, { minLength: 1, maxLength: 4 }), seedArb, (shape, seed) => {
        const x = T.randNormal(T.rng(seed), shape);
        expect(T.transpose(T.transpose(x)).toArray()).toEqual(x.toArray());
        expect(T.reshape(T.reshape(T.transpose(x), [-1]), [...shape].reverse()).toArray()).toEqual(T.transpose(x).toArray());
        const parts = T.split(x, x.shape.length > 0 ? [1, (shape[0] as number) - 1] : 1, 0);
        expect(T.concat(parts, 0).toArray()).toEqual(x.toArray());
      }),
      { numRuns: 40 },
    );
  });
});
