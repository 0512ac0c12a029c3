import { EPS64, unitScale } from './row-major.ts';

/** The eigendecomposition A = V·diag(values)·Vᵀ of a symmetric n×n matrix. */
export interface EighFactors {
  /** The n eigenvalues, ascending. */
  readonly values: Float64Array;
  /** n×n row-major, orthonormal; column i is the eigenvector of values[i]. */
  readonly vectors: Float64Array;
}

const MAX_SWEEPS = 100;

/**
 * Symmetric eigendecomposition by the cyclic Jacobi method: sweep over all off-diagonal pairs
 * (p, q), annihilating A[p][q] with the rotation J = [[c, s], [−s, c]] in the (p, q) plane,
 * A ← Jᵀ·A·J, V ← V·J, until every off-diagonal entry is below ε·‖A‖_F / n. With
 * θ = (A[q][q] − A[p][p])/(2·A[p][q]): t = sign(θ)/(|θ| + √(θ² + 1)), c = 1/√(t² + 1), s = t·c.
 * Convergence is quadratic once the off-diagonal part is small, and the eigenvalues come out
 * with absolute error about ε·‖A‖.
 *
 * Only the lower triangle of `a` is read (as numpy's `eigh` with its default `UPLO='L'`). Each
 * eigenvector's sign is fixed so that its largest-magnitude entry is positive.
 *
 * @param a - the n×n symmetric matrix, row-major; left unchanged
 * @returns the eigenvalues ascending and the eigenvectors as columns
 */
export function jacobiEigh(a: Float64Array, n: number): EighFactors {
  // The rotations act on a·scale, entries near 1, and the eigenvalues are scaled back.
  const scale = unitScale(a);
  const w = new Float64Array(n * n);
  let frob = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      const x = a[i * n + j]! * scale;
      w[i * n + j] = x;
      w[j * n + i] = x;
      frob += i === j ? x * x : 2 * x * x;
    }
  }
  const tol = (EPS64 * Math.sqrt(frob)) / Math.max(n, 1);
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  for (let sweep = 0; sweep < MAX_SWEEPS; sweep++) {
    let rotated = false;
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = w[p * n + q]!;
        if (Math.abs(apq) <= tol) continue;
        rotated = true;
        const app = w[p * n + p]!;
        const aqq = w[q * n + q]!;
        const theta = (aqq - app) / (2 * apq);
        const t = (theta >= 0 ? 1 : -1) / (Math.abs(theta) + Math.hypot(theta, 1));
        const c = 1 / Math.hypot(t, 1);
        const s = t * c;
        w[p * n + p] = app - t * apq;
        w[q * n + q] = aqq + t * apq;
        w[p * n + q] = 0;
        w[q * n + p] = 0;
        for (let r = 0; r < n; r++) {
          if (r === p || r === q) continue;
          const arp = w[r * n + p]!;
          const arq = w[r * n + q]!;
          const np = c * arp - s * arq;
          const nq = s * arp + c * arq;
          w[r * n + p] = np;
          w[p * n + r] = np;
          w[r * n + q] = nq;
          w[q * n + r] = nq;
        }
        for (let r = 0; r < n; r++) {
          const vrp = v[r * n + p]!;
          const vrq = v[r * n + q]!;
          v[r * n + p] = c * vrp - s * vrq;
          v[r * n + q] = s * vrp + c * vrq;
        }
      }
    }
    if (!rotated) break;
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((x, y) => w[x * n + x]! - w[y * n + y]!);
  const values = new Float64Array(n);
  const vectors = new Float64Array(n * n);
  order.forEach((src, dst) => {
    values[dst] = w[src * n + src]! / scale;
    let big = 0;
    for (let r = 0; r < n; r++) {
      if (Math.abs(v[r * n + src]!) > Math.abs(big)) big = v[r * n + src]!;
    }
    const sign = big < 0 ? -1 : 1;
    for (let r = 0; r < n; r++) vectors[r * n + dst] = sign * v[r * n + src]!;
  });
  return { values, vectors };
}
