import { unitScale } from './row-major.ts';

/** The reduced QR factorisation of an m×n matrix, k = min(m, n). */
export interface QrFactors {
  /** m×k row-major, orthonormal columns. */
  readonly q: Float64Array;
  /** k×n row-major, upper triangular (trapezoidal when n > m). */
  readonly r: Float64Array;
}

/**
 * Householder QR: A = Q·R with Q m×k orthonormal and R k×n upper triangular, k = min(m, n).
 *
 * Step j reflects column j below the diagonal onto a multiple of e₁ with the reflector
 * H = I − 2·v·vᵀ/(vᵀv), v = x − α·e₁, α = −sign(x₀)·‖x‖ (the sign that avoids cancellation, as
 * LAPACK's `geqrf` chooses it; so R's diagonal may be negative). Q is then accumulated by applying
 * the reflectors, last first, to the first k columns of the identity.
 *
 * @param a - the m×n matrix, row-major; left unchanged
 * @returns the reduced factors
 */
export function householderQr(a: Float64Array, m: number, n: number): QrFactors {
  const k = Math.min(m, n);
  // Reflect a·scale (entries near 1, so vᵀv cannot overflow) and scale R back.
  const scale = unitScale(a);
  const w = Float64Array.from(a, (x) => x * scale);
  const reflectors: (Float64Array | undefined)[] = [];
  for (let j = 0; j < k; j++) {
    const len = m - j;
    const v = new Float64Array(len);
    let scale = 0;
    for (let i = 0; i < len; i++) {
      v[i] = w[(j + i) * n + j]!;
      scale = Math.max(scale, Math.abs(v[i]!));
    }
    if (scale === 0) {
      reflectors.push(undefined);
      continue;
    }
    let ss = 0;
    for (let i = 0; i < len; i++) ss += (v[i]! / scale) ** 2;
    const norm = scale * Math.sqrt(ss);
    const alpha = v[0]! >= 0 ? -norm : norm;
    v[0]! -= alpha;
    let vv = 0;
    for (let i = 0; i < len; i++) vv += v[i]! * v[i]!;
    if (vv === 0) {
      reflectors.push(undefined);
      continue;
    }
    for (let c = j; c < n; c++) {
      let d = 0;
      for (let i = 0; i < len; i++) d += v[i]! * w[(j + i) * n + c]!;
      const f = (2 * d) / vv;
      for (let i = 0; i < len; i++) w[(j + i) * n + c]! -= f * v[i]!;
    }
    w[j * n + j] = alpha;
    for (let i = 1; i < len; i++) w[(j + i) * n + j] = 0;
    reflectors.push(v);
  }
  const r = new Float64Array(k * n);
  for (let i = 0; i < k; i++) {
    for (let c = i; c < n; c++) r[i * n + c] = w[i * n + c]! / scale;
  }
  const q = new Float64Array(m * k);
  for (let i = 0; i < k; i++) q[i * k + i] = 1;
  for (let j = k - 1; j >= 0; j--) {
    const v = reflectors[j];
    if (v === undefined) continue;
    const len = m - j;
    let vv = 0;
    for (let i = 0; i < len; i++) vv += v[i]! * v[i]!;
    for (let c = 0; c < k; c++) {
      let d = 0;
      for (let i = 0; i < len; i++) d += v[i]! * q[(j + i) * k + c]!;
      const f = (2 * d) / vv;
      if (f === 0) continue;
      for (let i = 0; i < len; i++) q[(j + i) * k + c]! -= f * v[i]!;
    }
  }
  return { q, r };
}
