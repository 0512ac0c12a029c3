import type { Matrix } from './design.ts';

/**
 * The affine predictor θᵀu(x) = wᵀx + b for each row of x.
 * @param x inputs `[N, D]`
 * @param coef w `[D]`
 * @param intercept b
 * @returns `[N]`
 * @example
 * linearScores({ data: new Float64Array([1, 2]), shape: [2, 1] }, new Float64Array([3]), 1); // [4, 7]
 */
export function linearScores(x: Matrix, coef: Float64Array, intercept: number): Float64Array {
  const [n, d] = x.shape;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = intercept;
    for (let j = 0; j < d; j++) s += (x.data[i * d + j] as number) * (coef[j] as number);
    out[i] = s;
  }
  return out;
}

/** Column means and the centred copies of x and t, for models with an unpenalised intercept. */
export interface Centred {
  /** x − x̄, `[N, D]`. */
  readonly x: Matrix;
  /** t − t̄, `[N]`. */
  readonly t: Float64Array;
  /** x̄ `[D]` (zeros when not centring). */
  readonly xMean: Float64Array;
  /** t̄ (0 when not centring). */
  readonly tMean: number;
}

/**
 * Centres x and t when an intercept is fitted: the intercept then drops out of the penalised
 * problem and is recovered as b = t̄ − x̄ᵀw, so it is never penalised (scikit-learn does the same).
 * @param x inputs `[N, D]`
 * @param t targets `[N]`
 * @param fitIntercept centre (true) or pass through (false)
 * @returns the centred data and the means
 * @example
 * centre({ data: new Float64Array([1, 3]), shape: [2, 1] }, new Float64Array([2, 4]), true).tMean; // 3
 */
export function centre(x: Matrix, t: Float64Array, fitIntercept: boolean): Centred {
  const [n, d] = x.shape;
  const xMean = new Float64Array(d);
  let tMean = 0;
  if (!fitIntercept) return { x, t, xMean, tMean };
  for (let i = 0; i < n; i++) {
    tMean += t[i] as number;
    for (let j = 0; j < d; j++) xMean[j] = (xMean[j] as number) + (x.data[i * d + j] as number);
  }
  tMean /= n;
  for (let j = 0; j < d; j++) xMean[j] = (xMean[j] as number) / n;
  const xc = new Float64Array(n * d);
  const tc = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    tc[i] = (t[i] as number) - tMean;
    for (let j = 0; j < d; j++) xc[i * d + j] = (x.data[i * d + j] as number) - (xMean[j] as number);
  }
  return { x: { data: xc, shape: [n, d] }, t: tc, xMean, tMean };
}

/**
 * The intercept b = t̄ − x̄ᵀw that goes with coefficients fitted on centred data.
 * @param c the centring used in the fit
 * @param coef w `[D]`
 * @returns b
 * @example
 * interceptFor({ x: { data: new Float64Array(0), shape: [0, 1] }, t: new Float64Array(0), xMean: new Float64Array([1]), tMean: 3 }, new Float64Array([2])); // 1
 */
export function interceptFor(c: Centred, coef: Float64Array): number {
  let b = c.tMean;
  for (let j = 0; j < coef.length; j++) b -= (c.xMean[j] as number) * (coef[j] as number);
  return b;
}

/**
 * The training loss of quadratic loss, L_D = (1/N) Σ (t_n − t̂_n)².
 * @param t targets `[N]`
 * @param prediction t̂ `[N]`
 * @returns the mean squared error
 * @example
 * meanSquaredError(new Float64Array([0, 2]), new Float64Array([1, 1])); // 1
 */
export function meanSquaredError(t: ArrayLike<number>, prediction: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < t.length; i++) s += ((t[i] as number) - (prediction[i] as number)) ** 2;
  return s / t.length;
}

/**
 * The coefficient of determination R² = 1 − Σ(t − t̂)² / Σ(t − t̄)² (scikit-learn's regressor score).
 * @param t targets `[N]`
 * @param prediction t̂ `[N]`
 * @returns R² (1 for a perfect fit; 0 when t is constant and matched exactly)
 * @example
 * rSquared(new Float64Array([0, 2]), new Float64Array([0, 2])); // 1
 */
export function rSquared(t: ArrayLike<number>, prediction: ArrayLike<number>): number {
  let mean = 0;
  for (let i = 0; i < t.length; i++) mean += t[i] as number;
  mean /= t.length;
  let ssRes = 0;
  let ssTot = 0;
  for (let i = 0; i < t.length; i++) {
    ssRes += ((t[i] as number) - (prediction[i] as number)) ** 2;
    ssTot += ((t[i] as number) - mean) ** 2;
  }
  if (ssTot === 0) return ssRes === 0 ? 1 : 0;
  return 1 - ssRes / ssTot;
}
