import type { Estimator, Matrix } from '../src/index.ts';

/** Solves A θ = b (A square) by Gaussian elimination with partial pivoting. */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i] as number]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs((m[r] as number[])[c] as number) > Math.abs((m[p] as number[])[c] as number)) p = r;
    [m[c], m[p]] = [m[p] as number[], m[c] as number[]];
    const pivot = (m[c] as number[])[c] as number;
    for (let r = c + 1; r < n; r++) {
      const f = ((m[r] as number[])[c] as number) / pivot;
      for (let k = c; k <= n; k++) (m[r] as number[])[k] = ((m[r] as number[])[k] as number) - f * ((m[c] as number[])[k] as number);
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = (m[r] as number[])[n] as number;
    for (let k = r + 1; k < n; k++) s -= ((m[r] as number[])[k] as number) * (x[k] as number);
    x[r] = s / ((m[r] as number[])[r] as number);
  }
  return x;
}

/** Feature vector u(x): [1, x, ..., x^M] for one input column, [1, x1, ..., xD] otherwise. */
function features(x: Matrix, degree: number): number[][] {
  const [n, d] = x.shape;
  return Array.from({ length: n }, (_, i) => {
    if (d === 1) return Array.from({ length: degree + 1 }, (_, p) => (x.data[i] as number) ** p);
    return [1, ...Array.from(x.data.subarray(i * d, (i + 1) * d))];
  });
}

/**
 * A test-local least-squares estimator: θ = (UᵀU + λ I)⁻¹ Uᵀ t solved in closed form, polynomial
 * features of order `degree` for one input column, linear features with an intercept otherwise
 * (what scikit-learn's LinearRegression fits). The intercept is not penalised.
 */
export function leastSquares(options: { degree?: number; lambda?: number } = {}): Estimator & { theta: number[] } {
  const degree = options.degree ?? 1;
  const lambda = options.lambda ?? 0;
  const est = {
    theta: [] as number[],
    fit(x: Matrix, t: Float64Array): void {
      const u = features(x, degree);
      const p = (u[0] as number[]).length;
      const a = Array.from({ length: p }, (_, i) => Array.from({ length: p }, (_, j) => u.reduce((s, row) => s + (row[i] as number) * (row[j] as number), 0) + (i === j && i > 0 ? lambda : 0)));
      const b = Array.from({ length: p }, (_, i) => u.reduce((s, row, n) => s + (row[i] as number) * (t[n] as number), 0));
      est.theta = solve(a, b);
    },
    predict(x: Matrix): Float64Array {
      return Float64Array.from(features(x, degree), (row) => row.reduce((s, v, i) => s + v * (est.theta[i] as number), 0));
    },
  };
  return est;
}

/** A test-local nearest-centroid classifier with soft-max probabilities over negative distances. */
export function nearestCentroid(): Estimator {
  let centroids: number[][] = [];
  const dist = (x: Matrix, i: number, c: number[]): number => {
    const d = x.shape[1];
    let s = 0;
    for (let j = 0; j < d; j++) s += ((x.data[i * d + j] as number) - (c[j] as number)) ** 2;
    return s;
  };
  const rows = (x: Matrix): number[][] =>
    Array.from({ length: x.shape[0] }, (_, i) => {
      const e = centroids.map((c) => Math.exp(-dist(x, i, c)));
      const z = e.reduce((a, b) => a + b, 0);
      return e.map((v) => v / z);
    });
  const proba = (x: Matrix): Matrix => ({ data: Float64Array.from(rows(x).flat()), shape: [x.shape[0], centroids.length] });
  return {
    fit(x, t) {
      const d = x.shape[1];
      const classes = Math.max(...t) + 1;
      const sums = Array.from({ length: classes }, () => new Array<number>(d + 1).fill(0));
      t.forEach((c, i) => {
        const s = sums[c] as number[];
        for (let j = 0; j < d; j++) s[j] = (s[j] as number) + (x.data[i * d + j] as number);
        s[d] = (s[d] as number) + 1;
      });
      centroids = sums.map((s) => s.slice(0, d).map((v) => v / Math.max(s[d] as number, 1)));
    },
    predict: (x) => Float64Array.from(rows(x), (row) => row.indexOf(Math.max(...row))),
    predictProba: proba,
  };
}
