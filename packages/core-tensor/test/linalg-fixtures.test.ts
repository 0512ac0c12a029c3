/**
 * The float64 linear algebra against numpy/LAPACK (fixtures from fixtures/make_linalg_fixtures.py).
 * Everything must agree within 1e-10; eigenvectors are compared up to sign, and for a repeated
 * eigenvalue through the projector onto its eigenspace (the basis inside it is arbitrary).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cholesky, det, eigh, inverse, lstsq, powerIteration, solve, tensor } from '../src/index.ts';
import type { Tensor } from '../src/index.ts';

type Matrix = number[][];

interface SquareCase {
  name: string;
  a: Matrix;
  bVector: number[];
  bMatrix: Matrix;
  solveVector: number[];
  solveMatrix: Matrix;
  inverse: Matrix;
  det: number;
  cholesky?: Matrix;
}

interface LstsqCase {
  name: string;
  a: Matrix;
  b: Matrix;
  solution: Matrix;
  residuals: number[];
  rank: number;
  singularValues: number[];
}

interface EighCase {
  name: string;
  a: Matrix;
  values: number[];
  vectors: Matrix;
}

interface PowerCase {
  name: string;
  a: Matrix;
  value: number;
  vector: number[];
}

interface Fixtures {
  square: SquareCase[];
  lstsq: LstsqCase[];
  eigh: EighCase[];
  power: PowerCase[];
}

const fixtures = JSON.parse(readFileSync(new URL('./fixtures/linalg.json', import.meta.url), 'utf8')) as Fixtures;
const TOL = 1e-10;

/** max |x − y| over all entries, after checking the shapes agree. */
function maxDiff(x: Tensor, expected: number | number[] | Matrix): number {
  const want = tensor(expected);
  expect(x.shape).toEqual(want.shape);
  let d = 0;
  const xs = x.data;
  const ws = want.data;
  for (let i = 0; i < ws.length; i++) d = Math.max(d, Math.abs(xs[i]! - ws[i]!));
  return d;
}

describe('linear algebra against numpy', () => {
  it('has cases of every kind', () => {
    expect(fixtures.square.length).toBeGreaterThanOrEqual(2);
    expect(fixtures.lstsq.length).toBeGreaterThanOrEqual(4);
    expect(fixtures.eigh.length).toBeGreaterThanOrEqual(3);
  });

  for (const c of fixtures.square) {
    it(`${c.name}: solve (vector and matrix b), inverse, det, cholesky`, () => {
      const a = tensor(c.a);
      expect(maxDiff(solve(a, tensor(c.bVector)), c.solveVector)).toBeLessThan(TOL);
      expect(maxDiff(solve(a, tensor(c.bMatrix)), c.solveMatrix)).toBeLessThan(TOL);
      expect(maxDiff(inverse(a), c.inverse)).toBeLessThan(TOL);
      expect(Math.abs(det(a).item() - c.det)).toBeLessThan(TOL * Math.max(1, Math.abs(c.det)));
      if (c.cholesky !== undefined) expect(maxDiff(cholesky(a), c.cholesky)).toBeLessThan(TOL);
    });
  }

  for (const c of fixtures.lstsq) {
    it(`${c.name}: lstsq minimum-norm solution, residuals, rank, singular values`, () => {
      const res = lstsq(tensor(c.a), tensor(c.b));
      expect(res.rank).toBe(c.rank);
      expect(maxDiff(res.solution, c.solution)).toBeLessThan(TOL);
      expect(maxDiff(res.residuals, c.residuals)).toBeLessThan(TOL);
      expect(maxDiff(res.singularValues, c.singularValues)).toBeLessThan(TOL);
    });
  }

  for (const c of fixtures.eigh) {
    it(`${c.name}: eigh values, and eigenspaces (vectors up to sign)`, () => {
      const n = c.values.length;
      const { values, vectors } = eigh(tensor(c.a));
      expect(maxDiff(values, c.values)).toBeLessThan(TOL);
      const v = vectors.toArray() as Matrix;
      // group equal eigenvalues; compare the projectors Σ v·vᵀ over each group
      let start = 0;
      while (start < n) {
        let end = start + 1;
        while (end < n && Math.abs(c.values[end]! - c.values[start]!) < 1e-8) end++;
        let worst = 0;
        for (let i = 0; i < n; i++) {
          for (let j = 0; j < n; j++) {
            let ours = 0;
            let theirs = 0;
            for (let k = start; k < end; k++) {
              ours += v[i]![k]! * v[j]![k]!;
              theirs += c.vectors[i]![k]! * c.vectors[j]![k]!;
            }
            worst = Math.max(worst, Math.abs(ours - theirs));
          }
        }
        expect(worst).toBeLessThan(TOL);
        if (end - start === 1) {
          // a simple eigenvalue: the vector itself, up to sign
          const sign = Math.sign(v.reduce((s, row, i) => s + row[start]! * c.vectors[i]![start]!, 0));
          for (let i = 0; i < n; i++) expect(Math.abs(v[i]![start]! - sign * c.vectors[i]![start]!)).toBeLessThan(TOL);
        }
        start = end;
      }
    });
  }

  for (const c of fixtures.power) {
    it(`${c.name}: powerIteration finds numpy's dominant eigenpair`, () => {
      const res = powerIteration(tensor(c.a), { tol: 1e-13, maxIter: 10_000 });
      expect(res.converged).toBe(true);
      expect(Math.abs(res.value - c.value)).toBeLessThan(TOL * Math.abs(c.value));
      const got = Array.from(res.vector.data);
      const sign = Math.sign(got.reduce((s, x, i) => s + x * c.vector[i]!, 0));
      expect(Math.max(...got.map((x, i) => Math.abs(x - sign * c.vector[i]!)))).toBeLessThan(1e-9);
    });
  }
});
