/**
 * Dense float64 Cholesky factorisation for the small covariance matrices of
 * `multivariateGaussian` (core-tensor's Tensor linear algebra was not available when this was
 * written; these work on plain number[][]).
 */

/** The lower-triangular L with A = L Lᵀ, or the index of the first non-positive pivot. */
export function choleskyFactor(a: readonly (readonly number[])[]): { ok: true; l: number[][] } | { ok: false; pivot: number; value: number } {
  const n = a.length;
  const l: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let j = 0; j < n; j++) {
    const lj = l[j] as number[];
    let d = (a[j] as readonly number[])[j] as number;
    for (let k = 0; k < j; k++) d -= (lj[k] as number) ** 2;
    if (!(d > 0)) return { ok: false, pivot: j, value: d };
    const djj = Math.sqrt(d);
    lj[j] = djj;
    for (let i = j + 1; i < n; i++) {
      const li = l[i] as number[];
      let s = (a[i] as readonly number[])[j] as number;
      for (let k = 0; k < j; k++) s -= (li[k] as number) * (lj[k] as number);
      li[j] = s / djj;
    }
  }
  return { ok: true, l };
}

/** Solves L y = b by forward substitution. */
export function forwardSubstitute(l: readonly (readonly number[])[], b: readonly number[]): number[] {
  const n = l.length;
  const y = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) {
    const li = l[i] as readonly number[];
    let s = b[i] as number;
    for (let k = 0; k < i; k++) s -= (li[k] as number) * (y[k] as number);
    y[i] = s / (li[i] as number);
  }
  return y;
}

/** Solves Lᵀ x = y by back substitution. */
export function backSubstitute(l: readonly (readonly number[])[], y: readonly number[]): number[] {
  const n = l.length;
  const x = new Array<number>(n).fill(0);
  for (let i = n - 1; i >= 0; i--) {
    let s = y[i] as number;
    for (let k = i + 1; k < n; k++) s -= ((l[k] as readonly number[])[i] as number) * (x[k] as number);
    x[i] = s / ((l[i] as readonly number[])[i] as number);
  }
  return x;
}

/** Solves (L Lᵀ) x = b. */
export function choleskySolve(l: readonly (readonly number[])[], b: readonly number[]): number[] {
  return backSubstitute(l, forwardSubstitute(l, b));
}

/** log det(L Lᵀ) = 2 Σ log Lᵢᵢ. */
export function choleskyLogDet(l: readonly (readonly number[])[]): number {
  let s = 0;
  for (let i = 0; i < l.length; i++) s += Math.log((l[i] as readonly number[])[i] as number);
  return 2 * s;
}
