import { ValueError } from '../../errors.ts';
import { EPS64, identity, maxAbs } from './row-major.ts';

/** An LU factorisation P·A = L·U with partial pivoting, packed as LAPACK's `getrf` packs it. */
export interface LuFactors {
  /** The order n of A. */
  readonly n: number;
  /** n×n row-major: U on and above the diagonal, the multipliers of L (unit diagonal) below it. */
  readonly lu: Float64Array;
  /** Row i of P·A is row `perm[i]` of A. */
  readonly perm: Int32Array;
  /** The sign of the permutation, det(P) = ±1. */
  readonly sign: 1 | -1;
  /** max |A[i][j]|, the scale against which a pivot counts as zero. */
  readonly scale: number;
}

/**
 * Doolittle LU factorisation with partial (row) pivoting: at step k the row whose entry in
 * column k is largest in magnitude is swapped up, so every multiplier of L is at most 1 in
 * magnitude. A column that is zero from the diagonal down is left as it is (the factorisation
 * of a singular matrix still exists; its U has a zero on the diagonal).
 *
 * @param a - the n×n matrix, row-major; left unchanged
 * @returns the packed factors
 */
export function luFactor(a: Float64Array, n: number): LuFactors {
  const lu = Float64Array.from(a);
  const perm = new Int32Array(n);
  for (let i = 0; i < n; i++) perm[i] = i;
  let sign: 1 | -1 = 1;
  for (let k = 0; k < n; k++) {
    let p = k;
    let best = Math.abs(lu[k * n + k]!);
    for (let i = k + 1; i < n; i++) {
      const v = Math.abs(lu[i * n + k]!);
      if (v > best) {
        best = v;
        p = i;
      }
    }
    if (p !== k) {
      for (let j = 0; j < n; j++) {
        const t = lu[k * n + j]!;
        lu[k * n + j] = lu[p * n + j]!;
        lu[p * n + j] = t;
      }
      const t = perm[k]!;
      perm[k] = perm[p]!;
      perm[p] = t;
      sign = sign === 1 ? -1 : 1;
    }
    const pivot = lu[k * n + k]!;
    if (pivot === 0) continue;
    for (let i = k + 1; i < n; i++) {
      const f = lu[i * n + k]! / pivot;
      lu[i * n + k] = f;
      if (f === 0) continue;
      for (let j = k + 1; j < n; j++) lu[i * n + j]! -= f * lu[k * n + j]!;
    }
  }
  return { n, lu, perm, sign, scale: maxAbs(a) };
}

/**
 * The first pivot of U that is zero to working precision, |U[k][k]| ≤ n·ε·max|A|, or -1 when
 * there is none. Beyond that point a solve would return values dominated by rounding error.
 */
export function luSingularPivot(f: LuFactors): number {
  const { n, lu, scale } = f;
  const tol = n * EPS64 * scale;
  for (let k = 0; k < n; k++) {
    const u = Math.abs(lu[k * n + k]!);
    if (!(u > tol)) return k;
  }
  return -1;
}

/** det(A) = det(P)·Π U[k][k]; exactly 0 when a pivot column was zero. */
export function luDeterminant(f: LuFactors): number {
  let d: number = f.sign;
  for (let k = 0; k < f.n; k++) d *= f.lu[k * f.n + k]!;
  return d === 0 ? 0 : d;
}

/**
 * Solves A·X = B from the factors of A: X = U⁻¹·L⁻¹·P·B by forward then back substitution.
 *
 * @param b - the n×k right-hand sides, row-major
 * @param op - the public function to name in errors
 * @returns X, n×k row-major
 * @throws ValueError when A is singular to working precision (see {@link luSingularPivot})
 */
export function luSolve(f: LuFactors, b: Float64Array, k: number, op = 'solve'): Float64Array {
  const { n, lu, perm } = f;
  const bad = luSingularPivot(f);
  if (bad >= 0) {
    throw new ValueError('matrix is singular to working precision', {
      op,
      arg: 'a',
      expected: `|pivot| > n·eps·max|a| = ${n * EPS64 * f.scale}`,
      received: `pivot ${bad} of the LU factorisation = ${lu[bad * n + bad]}`,
      hint: 'for a singular or rank-deficient system use lstsq, which returns the minimum-norm least-squares solution',
    });
  }
  const x = new Float64Array(n * k);
  for (let i = 0; i < n; i++) {
    const src = perm[i]! * k;
    for (let c = 0; c < k; c++) x[i * k + c] = b[src + c]!;
  }
  for (let i = 1; i < n; i++) {
    for (let p = 0; p < i; p++) {
      const l = lu[i * n + p]!;
      if (l === 0) continue;
      for (let c = 0; c < k; c++) x[i * k + c]! -= l * x[p * k + c]!;
    }
  }
  for (let i = n - 1; i >= 0; i--) {
    for (let p = i + 1; p < n; p++) {
      const u = lu[i * n + p]!;
      if (u === 0) continue;
      for (let c = 0; c < k; c++) x[i * k + c]! -= u * x[p * k + c]!;
    }
    const d = lu[i * n + i]!;
    for (let c = 0; c < k; c++) x[i * k + c]! /= d;
  }
  return x;
}

/**
 * A⁻¹ from the factors of A, by solving A·X = I.
 *
 * @throws ValueError when A is singular to working precision
 */
export function luInverse(f: LuFactors, op = 'inverse'): Float64Array {
  return luSolve(f, identity(f.n), f.n, op);
}
