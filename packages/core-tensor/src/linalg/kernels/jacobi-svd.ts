import { EPS64, unitScale } from './row-major.ts';

/** A thin singular value decomposition A = U·diag(s)·Vᵀ of an m×n matrix, k = min(m, n). */
export interface SvdFactors {
  /**
   * m×k row-major, orthonormal columns: column i is the left singular vector of s[i]. Where
   * s[i] = 0 the column is any unit vector orthogonal to the others (Gram–Schmidt on e₁, e₂, ...).
   */
  readonly u: Float64Array;
  /** The k singular values, descending. */
  readonly s: Float64Array;
  /** n×k row-major, orthonormal columns: the right singular vectors. */
  readonly v: Float64Array;
}

const MAX_SWEEPS = 100;

/**
 * Thin SVD by one-sided Jacobi (Hestenes): plane rotations are applied to pairs of columns of A
 * until all columns are mutually orthogonal, accumulating the rotations in V. Then A·V = U·Σ,
 * and the column norms are the singular values. It computes even tiny singular values to high
 * relative accuracy, which is what a rank decision needs. For m < n it factors Aᵀ instead.
 *
 * Rotation for columns p, q with α = ‖a_p‖², β = ‖a_q‖², γ = a_p·a_q:
 * ζ = (β − α)/(2γ), t = sign(ζ)/(|ζ| + √(1 + ζ²)), c = 1/√(1 + t²), s = c·t.
 *
 * @param a - the m×n matrix, row-major; left unchanged
 * @returns the thin factors, singular values descending
 */
export function jacobiSvd(a: Float64Array, m: number, n: number): SvdFactors {
  if (m < n) {
    const at = new Float64Array(m * n);
    for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) at[j * m + i] = a[i * n + j]!;
    const f = jacobiSvd(at, n, m);
    return { u: f.v, s: f.s, v: f.u };
  }
  // Column-major working copies: column j of A at w[j*m .. j*m+m), column j of V at vc[j*n ..).
  // The rotations act on a·scale, entries near 1, and the singular values are scaled back.
  const scale = unitScale(a);
  const w = new Float64Array(m * n);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) w[j * m + i] = a[i * n + j]! * scale;
  const vc = new Float64Array(n * n);
  for (let j = 0; j < n; j++) vc[j * n + j] = 1;
  const tol = m * EPS64;
  for (let sweep = 0; sweep < MAX_SWEEPS; sweep++) {
    let rotated = false;
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) {
        let alpha = 0;
        let beta = 0;
        let gamma = 0;
        for (let i = 0; i < m; i++) {
          const x = w[p * m + i]!;
          const y = w[q * m + i]!;
          alpha += x * x;
          beta += y * y;
          gamma += x * y;
        }
        if (gamma === 0 || Math.abs(gamma) <= tol * Math.sqrt(alpha * beta)) continue;
        rotated = true;
        const zeta = (beta - alpha) / (2 * gamma);
        const t = (zeta >= 0 ? 1 : -1) / (Math.abs(zeta) + Math.hypot(1, zeta));
        const c = 1 / Math.hypot(1, t);
        const s = c * t;
        for (let i = 0; i < m; i++) {
          const x = w[p * m + i]!;
          const y = w[q * m + i]!;
          w[p * m + i] = c * x - s * y;
          w[q * m + i] = s * x + c * y;
        }
        for (let i = 0; i < n; i++) {
          const x = vc[p * n + i]!;
          const y = vc[q * n + i]!;
          vc[p * n + i] = c * x - s * y;
          vc[q * n + i] = s * x + c * y;
        }
      }
    }
    if (!rotated) break;
  }
  const norms = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    let ss = 0;
    for (let i = 0; i < m; i++) ss += w[j * m + i]! ** 2;
    norms[j] = Math.sqrt(ss);
  }
  const order = Array.from({ length: n }, (_, j) => j).sort((x, y) => norms[y]! - norms[x]!);
  const u = new Float64Array(m * n);
  const s = new Float64Array(n);
  const v = new Float64Array(n * n);
  order.forEach((src, dst) => {
    const sigma = norms[src]!;
    s[dst] = sigma / scale;
    if (sigma > 0) for (let i = 0; i < m; i++) u[i * n + dst] = w[src * m + i]! / sigma;
    for (let i = 0; i < n; i++) v[i * n + dst] = vc[src * n + i]!;
  });
  for (let j = 0; j < n; j++) if (s[j] === 0) completeColumn(u, m, n, j);
  return { u, s, v };
}

/**
 * Fills column j of the m×k matrix `u` with a unit vector orthogonal to its other columns (those
 * of index < j and those with nonzero entries), by classical Gram–Schmidt, applied twice, on the
 * first unit vector e_i that keeps more than half its length.
 */
function completeColumn(u: Float64Array, m: number, k: number, j: number): void {
  const c = new Float64Array(m);
  for (let e = 0; e < m; e++) {
    c.fill(0);
    c[e] = 1;
    for (let pass = 0; pass < 2; pass++) {
      for (let o = 0; o < k; o++) {
        if (o === j) continue;
        let d = 0;
        for (let i = 0; i < m; i++) d += u[i * k + o]! * c[i]!;
        if (d !== 0) for (let i = 0; i < m; i++) c[i]! -= d * u[i * k + o]!;
      }
    }
    let ss = 0;
    for (let i = 0; i < m; i++) ss += c[i]! * c[i]!;
    if (ss > 0.25) {
      const inv = 1 / Math.sqrt(ss);
      for (let i = 0; i < m; i++) u[i * k + j] = c[i]! * inv;
      return;
    }
  }
}
