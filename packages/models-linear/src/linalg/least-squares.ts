/**
 * Float64 least squares for the closed-form models, written against the plain maths (one-sided
 * Jacobi SVD, Hestenes 1958) so that the models need nothing beyond typed arrays.
 */

/** The minimum-norm least-squares solution of A·θ ≈ b and what the SVD revealed on the way. */
export interface LeastSquaresResult {
  /** θ `[n]`: of all minimisers of ‖b − A·θ‖², the one of least norm. */
  readonly solution: Float64Array;
  /** ‖b − A·θ‖². */
  readonly residual: number;
  /** The numerical rank: singular values above `rcond · s_max`. */
  readonly rank: number;
  /** The singular values of A, descending (`min(m, n)` of them). */
  readonly singularValues: Float64Array;
}

const EPS = 2.220446049250313e-16;

/**
 * The minimum-norm least-squares solution θ = A⁺b = V Σ⁺ Uᵀ b. One-sided Jacobi rotates pairs of
 * columns of A until they are orthogonal (A·V = U·Σ), which keeps high relative accuracy even for
 * the ill-conditioned Vandermonde designs of polynomial regression. Singular values at or below
 * `rcond · s_max` are treated as zero, so a rank-deficient or wide A gives the solution with no
 * component in A's null space (as numpy's `lstsq` and scikit-learn's `LinearRegression` do).
 * @param a the design `[m, n]`, row-major (not modified)
 * @param m rows
 * @param n columns
 * @param b the targets `[m]`
 * @param rcond relative cutoff for small singular values (default ε · max(m, n))
 * @returns the solution, its residual, the rank and the singular values
 * @example
 * leastSquares(new Float64Array([1, 0, 1, 1, 1, 2]), 3, 2, new Float64Array([1, 2, 3])).solution; // [1, 1]
 */
export function leastSquares(a: Float64Array, m: number, n: number, b: Float64Array, rcond: number = EPS * Math.max(m, n)): LeastSquaresResult {
  // A wide A (m < n) is handled through Aᵀ = U Σ Vᵀ, so that Jacobi works on m short columns of
  // length n rather than n columns of which n − m must be rotated to zero.
  const wide = m < n;
  const rows = wide ? n : m;
  const cols = wide ? m : n;
  const columns: Float64Array[] = [];
  for (let j = 0; j < cols; j++) {
    const col = new Float64Array(rows);
    for (let i = 0; i < rows; i++) col[i] = (wide ? a[j * n + i] : a[i * n + j]) as number;
    columns.push(col);
  }
  const { sigma, v } = jacobiColumns(columns, rows, cols);
  const order = sigma.map((_, j) => j).sort((i, j) => (sigma[j] as number) - (sigma[i] as number));
  const sMax = order.length > 0 ? (sigma[order[0] as number] as number) : 0;
  const cutoff = rcond * sMax;
  const solution = new Float64Array(n);
  let rank = 0;
  for (const j of order) {
    const s = sigma[j] as number;
    if (!(s > cutoff) || s === 0) continue;
    rank++;
    const wj = columns[j] as Float64Array; // σ_j u_j (of A, or of Aᵀ when wide)
    const vj = v[j] as Float64Array;
    if (!wide) {
      // θ += v_j (u_jᵀ b) / σ_j
      let ub = 0;
      for (let i = 0; i < m; i++) ub += (wj[i] as number) * (b[i] as number);
      const coef = ub / (s * s);
      for (let i = 0; i < n; i++) solution[i] = (solution[i] as number) + coef * (vj[i] as number);
    } else {
      // A = V Σ Uᵀ, so θ += u_j (v_jᵀ b) / σ_j
      let vb = 0;
      for (let i = 0; i < m; i++) vb += (vj[i] as number) * (b[i] as number);
      const coef = vb / (s * s);
      for (let i = 0; i < n; i++) solution[i] = (solution[i] as number) + coef * (wj[i] as number);
    }
  }
  let residual = 0;
  for (let i = 0; i < m; i++) {
    let r = b[i] as number;
    for (let j = 0; j < n; j++) r -= (a[i * n + j] as number) * (solution[j] as number);
    residual += r * r;
  }
  const singularValues = Float64Array.from(order.map((j) => sigma[j] as number));
  return { solution, residual, rank, singularValues };
}

/**
 * One-sided Jacobi: rotates pairs of the given columns (in place) until they are mutually
 * orthogonal, so that the columns become σ_j u_j, and accumulates the rotations in V.
 */
function jacobiColumns(w: Float64Array[], rows: number, cols: number): { sigma: number[]; v: Float64Array[] } {
  const v: Float64Array[] = [];
  for (let j = 0; j < cols; j++) {
    const e = new Float64Array(cols);
    e[j] = 1;
    v.push(e);
  }
  for (let sweep = 0; sweep < 80; sweep++) {
    let rotated = false;
    for (let p = 0; p < cols - 1; p++) {
      for (let q = p + 1; q < cols; q++) {
        const wp = w[p] as Float64Array;
        const wq = w[q] as Float64Array;
        let alpha = 0;
        let beta = 0;
        let gamma = 0;
        for (let i = 0; i < rows; i++) {
          const x = wp[i] as number;
          const y = wq[i] as number;
          alpha += x * x;
          beta += y * y;
          gamma += x * y;
        }
        if (gamma === 0 || Math.abs(gamma) <= EPS * Math.sqrt(alpha * beta)) continue;
        rotated = true;
        const zeta = (beta - alpha) / (2 * gamma);
        const t = Math.sign(zeta || 1) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
        const c = 1 / Math.sqrt(1 + t * t);
        const s = c * t;
        for (let i = 0; i < rows; i++) {
          const x = wp[i] as number;
          const y = wq[i] as number;
          wp[i] = c * x - s * y;
          wq[i] = s * x + c * y;
        }
        const vp = v[p] as Float64Array;
        const vq = v[q] as Float64Array;
        for (let i = 0; i < cols; i++) {
          const x = vp[i] as number;
          const y = vq[i] as number;
          vp[i] = c * x - s * y;
          vq[i] = s * x + c * y;
        }
      }
    }
    if (!rotated) break;
  }
  return { sigma: w.map((col) => Math.hypot(...col)), v };
}
