import { checkElementCount, requireInteger, ValueError } from '@gradlab/core-tensor';
import type { Matrix, MatrixInput } from './design.ts';
import { readMatrix } from './design.ts';

/** Options of {@link polynomialFeatures}. */
export interface PolynomialFeaturesOptions {
  /** Include the constant feature 1 as the first column (default true: u(x) = [1, x, ..., x^M]). */
  bias?: boolean;
}

/**
 * The exponents of every monomial of total degree 1..M in D variables, degree by degree, each
 * degree in the order of scikit-learn's `PolynomialFeatures` (combinations with replacement).
 * @param inputs D, the number of input variables
 * @param degree M, the highest total degree
 * @returns one exponent vector `[D]` per monomial
 * @throws nothing: D = 0 or M = 0 give an empty list
 * @example
 * monomialExponents(2, 2); // [[1,0], [0,1], [2,0], [1,1], [0,2]]: a, b, a², ab, b²
 */
export function monomialExponents(inputs: number, degree: number): number[][] {
  requireInteger(inputs, { pkg: 'models-linear', op: 'monomialExponents', arg: 'inputs' }, { min: 0 });
  // The recursion below is `degree` deep: orders past 1000 are refused (no stack overflow).
  requireInteger(degree, { pkg: 'models-linear', op: 'monomialExponents', arg: 'degree' }, { min: 0, max: 1000 });
  if (inputs === 0) return [];
  // C(inputs + degree, degree) − 1 monomials of `inputs` exponents each: refuse sizes past the cap
  // before the recursion runs (monomialExponents(30, 30) would list 1.2e17 of them).
  checkElementCount(monomialCount(inputs, degree) * Math.max(inputs, 1), { pkg: 'models-linear', op: 'monomialExponents', arg: 'degree' });
  const out: number[][] = [];
  const rec = (start: number, left: number, acc: number[]): void => {
    if (left === 0) {
      out.push(acc.slice());
      return;
    }
    for (let j = start; j < inputs; j++) {
      acc[j] = (acc[j] as number) + 1;
      rec(j, left - 1, acc);
      acc[j] = (acc[j] as number) - 1;
    }
  };
  for (let d = 1; d <= degree; d++) rec(0, d, new Array<number>(inputs).fill(0));
  return out;
}

/** C(inputs + degree, degree) − 1, stopping early (as Infinity) once it passes 2^53. */
function monomialCount(inputs: number, degree: number): number {
  let c = 1;
  const k = Math.min(inputs, degree);
  for (let i = 1; i <= k; i++) {
    c = (c * (inputs + degree - k + i)) / i;
    if (c > Number.MAX_SAFE_INTEGER) return Infinity;
  }
  return Math.round(c) - 1;
}

/**
 * Polynomial features: for scalar x, u(x) = [1, x, x², ..., x^M]; for x in R^D, every monomial of
 * total degree at most M (1, x₁, ..., x_D, x₁², x₁x₂, ...). A model linear in θ on u(x) is a
 * polynomial of order M in x.
 * @param x inputs `[N, D]` (a flat `[N]` array is N scalar inputs)
 * @param degree M ≥ 0, the model order
 * @param options `bias` (default true) keeps the leading column of ones
 * @returns the feature matrix `[N, F]` with F = C(D + M, M) (one less without the bias)
 * @throws ValueError when M is not a non-negative integer, or x holds NaN
 * @example
 * polynomialFeatures([2, 3], 3).data; // [1, 2, 4, 8, 1, 3, 9, 27]
 */
export function polynomialFeatures(x: MatrixInput, degree: number, options: PolynomialFeaturesOptions = {}): Matrix {
  if (!Number.isInteger(degree) || degree < 0) {
    throw new ValueError('the model order must be a non-negative integer', { pkg: 'models-linear', op: 'polynomialFeatures', arg: 'degree', expected: 'an integer M >= 0', received: degree });
  }
  const xm = readMatrix(x, 'polynomialFeatures', 'x');
  const [n, d] = xm.shape;
  const exps = monomialExponents(d, degree);
  const bias = options.bias ?? true;
  const f = exps.length + (bias ? 1 : 0);
  checkElementCount(n * f, { pkg: 'models-linear', op: 'polynomialFeatures', arg: 'degree' });
  const data = new Float64Array(n * f);
  for (let i = 0; i < n; i++) {
    let k = i * f;
    if (bias) data[k++] = 1;
    for (const e of exps) {
      let v = 1;
      for (let j = 0; j < d; j++) {
        const p = e[j] as number;
        if (p > 0) v *= (xm.data[i * d + j] as number) ** p;
      }
      data[k++] = v;
    }
  }
  return { data, shape: [n, f] };
}
