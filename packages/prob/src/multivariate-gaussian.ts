import { describeType, requireFiniteArray, ShapeError, ValueError } from '@gradlab/core-tensor';
import type { Rng } from '@gradlab/core-tensor';
import { checkSampleCount } from './argument-checks.ts';
import { choleskyFactor, choleskyLogDet, choleskySolve, forwardSubstitute } from './cholesky.ts';
import type { Distribution } from './distribution.ts';
import { short } from './finite-distribution.ts';
import { integrate } from './integrate.ts';
import { gaussHermite } from './gauss-hermite.ts';

/** The largest dimension `expectation` integrates numerically (Gauss–Hermite on a tensor grid). */
const MAX_QUADRATURE_DIM = 6;

/** N(μ, Σ): a jointly Gaussian random vector of dimension d. */
export interface MultivariateGaussian extends Distribution<number[]> {
  readonly family: 'multivariateGaussian';
  /** d. */
  readonly dim: number;
  /** μ: [d]. */
  readonly mu: readonly number[];
  /** Σ: [d, d], symmetric positive definite. */
  readonly cov: readonly (readonly number[])[];
  /** A copy of Σ: [d, d]. */
  covariance(): number[][];
  /** The marginal of the components `indices` (in that order): N(μ_I, Σ_II). */
  marginal(indices: readonly number[]): MultivariateGaussian;
  /**
   * The conditional of the other components given x_B = values, in increasing index order:
   * N(μ_A + Σ_AB Σ_BB⁻¹ (x_B − μ_B), Σ_AA − Σ_AB Σ_BB⁻¹ Σ_BA).
   */
  conditional(indices: readonly number[], values: readonly number[]): MultivariateGaussian;
}

const OP = 'multivariateGaussian';

function checkMatrix(mean: readonly number[], cov: readonly (readonly number[])[]): void {
  requireFiniteArray(mean, { pkg: 'prob', op: OP, arg: 'mean' });
  const rows: unknown = cov;
  if (!Array.isArray(rows) || rows.some((row) => !Array.isArray(row))) throw new ShapeError('the covariance must be a list of rows', { pkg: 'prob', op: OP, arg: 'cov', expected: 'number[][]', received: describeType(rows) });
  (rows as unknown[]).forEach((row, i) => requireFiniteArray(row, { pkg: 'prob', op: OP, arg: `cov[${i}]` }));
  const d = mean.length;
  if (d === 0) throw new ShapeError('the mean must have at least one component', { pkg: 'prob', op: OP, arg: 'mean', expected: 'length >= 1', received: 'length 0' });
  mean.forEach((m, i) => {
    if (!Number.isFinite(m)) throw new ValueError('the mean must be finite', { pkg: 'prob', op: OP, arg: `mean[${i}]`, expected: 'a finite number', received: m });
  });
  if (cov.length !== d || cov.some((row) => row.length !== d)) {
    throw new ShapeError('the covariance must be a square matrix matching the mean', {
      pkg: 'prob',
      op: OP,
      arg: 'cov',
      expected: `[${d}, ${d}]`,
      received: `[${cov.length}, ${cov.map((r) => r.length).join('|')}]`,
    });
  }
  let scale = 0;
  for (const row of cov) for (const v of row) scale = Math.max(scale, Math.abs(v));
  for (let i = 0; i < d; i++) {
    for (let j = 0; j < d; j++) {
      const v = (cov[i] as readonly number[])[j] as number;
      if (!Number.isFinite(v)) throw new ValueError('the covariance must be finite', { pkg: 'prob', op: OP, arg: `cov[${i}][${j}]`, expected: 'a finite number', received: v });
      const w = (cov[j] as readonly number[])[i] as number;
      if (Math.abs(v - w) > 1e-12 * Math.max(1, scale)) {
        throw new ValueError('the covariance must be symmetric', { pkg: 'prob', op: OP, arg: 'cov', expected: `cov[${i}][${j}] = cov[${j}][${i}]`, received: `${v} vs ${w}` });
      }
    }
  }
}

function checkIndices(indices: readonly number[], d: number, op: string): void {
  if (new Set(indices).size !== indices.length || indices.some((i) => !Number.isInteger(i) || i < 0 || i >= d)) {
    throw new ValueError('indices must be distinct integers in range', { pkg: 'prob', op, arg: 'indices', expected: `distinct integers in [0, ${d})`, received: [...indices] });
  }
}

/**
 * The multivariate Gaussian N(μ, Σ) with density
 * p(x) = exp(−½ (x − μ)ᵀ Σ⁻¹ (x − μ)) / √((2π)^d det Σ), via a Cholesky factor Σ = L Lᵀ.
 * Marginals and conditionals are closed form and are again multivariate Gaussians.
 * `expectation(f)` is numeric quadrature: adaptive in one dimension, Gauss–Hermite on the
 * whitened variable x = μ + √2 L z up to d = 6 (exact for polynomials of degree < 2n with n nodes
 * per dimension); above that, estimate it from `sample`.
 * @param mean μ: [d]
 * @param cov Σ: [d, d], symmetric positive definite
 * @returns a {@link MultivariateGaussian}
 * @throws ShapeError when the shapes do not match
 * @throws ValueError when Σ is not symmetric or not positive definite, or an entry is not finite
 * @example
 * const xt = multivariateGaussian([0, 1], [[1, 0.8], [0.8, 1]]);
 * xt.conditional([0], [2]).mu;   // [2.6]  = 1 + 0.8·2
 * xt.conditional([0], [2]).cov;  // [[0.36]] = 1 − 0.8²
 */
export function multivariateGaussian(mean: readonly number[], cov: readonly (readonly number[])[]): MultivariateGaussian {
  checkMatrix(mean, cov);
  const factor = choleskyFactor(cov);
  if (!factor.ok) {
    throw new ValueError('the covariance must be positive definite', {
      pkg: 'prob',
      op: OP,
      arg: 'cov',
      expected: 'positive pivots in the Cholesky factorisation',
      received: `pivot ${factor.pivot} = ${factor.value}`,
      hint: 'a variance is zero or a row is a combination of others; add a small multiple of the identity',
    });
  }
  const l = factor.l;
  const d = mean.length;
  const mu = Object.freeze([...mean]);
  const sigma = Object.freeze(cov.map((row) => Object.freeze([...row])));
  const logDet = choleskyLogDet(l);
  const logProb = (x: number[]): number => {
    if (x.length !== d) throw new ShapeError('the point has the wrong dimension', { pkg: 'prob', op: `${OP}.logProb`, arg: 'x', expected: `length ${d}`, received: `length ${x.length}` });
    const z = forwardSubstitute(l, x.map((v, i) => v - (mu[i] as number)));
    const quad = z.reduce((s, v) => s + v * v, 0);
    return -0.5 * (d * Math.log(2 * Math.PI) + logDet + quad);
  };
  const entry = (i: number, j: number): number => (sigma[i] as readonly number[])[j] as number;
  const self: MultivariateGaussian = Object.freeze({
    family: 'multivariateGaussian' as const,
    dim: d,
    mu,
    cov: sigma,
    support: Object.freeze({ kind: 'vector' as const, dim: d }),
    prob: (x: number[]) => Math.exp(logProb(x)),
    logProb,
    sample(rng: Rng, n: number): number[][] {
      checkSampleCount(n, `${OP}.sample`);
      const out = new Array<number[]>(n);
      const z = new Array<number>(d);
      for (let s = 0; s < n; s++) {
        for (let i = 0; i < d; i++) z[i] = rng.normal();
        const x = new Array<number>(d);
        for (let i = 0; i < d; i++) {
          const li = l[i] as number[];
          let v = mu[i] as number;
          for (let k = 0; k <= i; k++) v += (li[k] as number) * (z[k] as number);
          x[i] = v;
        }
        out[s] = x;
      }
      return out;
    },
    mean: () => [...mu],
    variance: () => mu.map((_m, i) => entry(i, i)),
    covariance: () => sigma.map((row) => [...row]),
    entropy: () => 0.5 * (d * Math.log(2 * Math.PI * Math.E) + logDet),
    expectation(f: (x: number[]) => number): number {
      if (d === 1) {
        const m = mu[0] as number;
        const s = Math.sqrt(entry(0, 0));
        return integrate((x) => f([x]) * Math.exp(logProb([x])), m - 12 * s, m + 12 * s);
      }
      if (d > MAX_QUADRATURE_DIM) {
        throw new ValueError('numeric expectation is available up to 6 dimensions', {
          pkg: 'prob',
          op: `${OP}.expectation`,
          arg: 'f',
          expected: `dim <= ${MAX_QUADRATURE_DIM}`,
          received: `dim ${d}`,
          hint: 'average f over sample(rng, n), or integrate over a marginal',
        });
      }
      // E[f(x)] = π^{−d/2} Σ_i w_i f(μ + √2 L z_i) over the tensor grid of Gauss–Hermite nodes,
      // with n^d <= 200 000 evaluations.
      const n = Math.max(4, Math.min(40, Math.floor(200_000 ** (1 / d))));
      const { nodes, weights } = gaussHermite(n);
      const idx = new Array<number>(d).fill(0);
      const x = new Array<number>(d);
      let total = 0;
      for (;;) {
        let w = 1;
        for (let i = 0; i < d; i++) {
          const li = l[i] as number[];
          let v = mu[i] as number;
          for (let k = 0; k <= i; k++) v += Math.SQRT2 * (li[k] as number) * (nodes[idx[k] as number] as number);
          x[i] = v;
          w *= weights[idx[i] as number] as number;
        }
        total += w * f([...x]);
        let k = 0;
        while (k < d && idx[k] === n - 1) idx[k++] = 0;
        if (k === d) break;
        idx[k] = (idx[k] as number) + 1;
      }
      return total / Math.PI ** (d / 2);
    },
    marginal(indices: readonly number[]): MultivariateGaussian {
      checkIndices(indices, d, `${OP}.marginal`);
      if (indices.length === 0) throw new ValueError('a marginal needs at least one component', { pkg: 'prob', op: `${OP}.marginal`, arg: 'indices', expected: 'a non-empty list', received: '[]' });
      return multivariateGaussian(
        indices.map((i) => mu[i] as number),
        indices.map((i) => indices.map((j) => entry(i, j))),
      );
    },
    conditional(indices: readonly number[], values: readonly number[]): MultivariateGaussian {
      const op = `${OP}.conditional`;
      checkIndices(indices, d, op);
      if (values.length !== indices.length) throw new ShapeError('one value per conditioning index', { pkg: 'prob', op, arg: 'values', expected: `length ${indices.length}`, received: `length ${values.length}` });
      values.forEach((v, k) => {
        if (!Number.isFinite(v)) throw new ValueError('conditioning values must be finite', { pkg: 'prob', op, arg: `values[${k}]`, expected: 'a finite number', received: v });
      });
      const given = new Set(indices);
      const rest = mu.map((_m, i) => i).filter((i) => !given.has(i));
      if (rest.length === 0) throw new ValueError('nothing is left after conditioning on every component', { pkg: 'prob', op, arg: 'indices', expected: `fewer than ${d} indices`, received: [...indices] });
      if (indices.length === 0) return self.marginal(rest);
      const bb = choleskyFactor(indices.map((i) => indices.map((j) => entry(i, j))));
      if (!bb.ok) throw new ValueError('the conditioning block is singular', { pkg: 'prob', op, arg: 'indices', received: [...indices] });
      const r = choleskySolve(bb.l, indices.map((i, k) => (values[k] as number) - (mu[i] as number)));
      // Σ_BB⁻¹ Σ_BA, one column per remaining component.
      const gain = rest.map((a) => choleskySolve(bb.l, indices.map((b) => entry(b, a))));
      const condMean = rest.map((a) => (mu[a] as number) + indices.reduce((s, b, k) => s + entry(a, b) * (r[k] as number), 0));
      const condCov = rest.map((a) => rest.map((c, q) => entry(a, c) - indices.reduce((s, b, k) => s + entry(a, b) * ((gain[q] as number[])[k] as number), 0)));
      // Symmetrise against rounding before the factorisation check.
      for (let i = 0; i < condCov.length; i++) {
        for (let j = 0; j < i; j++) {
          const v = (((condCov[i] as number[])[j] as number) + ((condCov[j] as number[])[i] as number)) / 2;
          (condCov[i] as number[])[j] = v;
          (condCov[j] as number[])[i] = v;
        }
      }
      return multivariateGaussian(condMean, condCov);
    },
    toString: () => `N([${mu.map(short).join(', ')}], [${sigma.map((row) => `[${row.map(short).join(', ')}]`).join(', ')}])`,
  });
  return self;
}
