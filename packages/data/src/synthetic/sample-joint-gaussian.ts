import { requireObject, requireOptions, ShapeError, ValueError } from '@gradlab/core-tensor';
import { dataset } from '../dataset.ts';
import type { Dataset } from '../dataset.ts';
import type { Seed } from '../seed.ts';
import { toRng } from '../seed.ts';
import { checkCount } from './check-count.ts';

/** A jointly Gaussian random vector N(mean, cov). */
export interface JointGaussianLike {
  /** The mean μ, `[K]`. */
  readonly mean: readonly number[];
  /** The covariance Σ, `[K, K]`, symmetric positive definite. */
  readonly cov: readonly (readonly number[])[];
}

/** Options of {@link sampleJointGaussian}. */
export interface SampleJointGaussianOptions {
  /** Number of samples N. */
  n: number;
  /** Index of the coordinate used as target t (default: the last); the others form x. */
  target?: number;
  /** Seed (default 0). */
  seed?: Seed;
}

/**
 * Draws N samples of a jointly Gaussian (x, t) ~ N(μ, Σ) as z = μ + L ε with Σ = L Lᵀ (Cholesky),
 * ε ~ N(0, I). The population-optimal quadratic-loss predictor is then known in closed form,
 * E[t | x] = μ_t + Σ_tx Σ_xx⁻¹ (x − μ_x), with population loss Σ_tt − Σ_tx Σ_xx⁻¹ Σ_xt.
 * @param model `mean [K]`, `cov [K, K]` with K >= 2
 * @param options `n`, `target`, `seed`
 * @returns a data set `x [N, K-1]`, `t [N]`
 * @throws ShapeError when `mean` and `cov` do not fit
 * @throws ValueError when Σ is not symmetric positive definite, or the target index is out of range
 * @example
 * sampleJointGaussian({ mean: [0, 0], cov: [[1, 0.8], [0.8, 1]] }, { n: 500, seed: 0 }); // E[t|x] = 0.8 x
 */
export function sampleJointGaussian(model: JointGaussianLike, options: SampleJointGaussianOptions): Dataset {
  requireObject(model, { pkg: 'data', op: 'sampleJointGaussian', arg: 'model' });
  options = requireOptions(options, { pkg: 'data', op: 'sampleJointGaussian' }, ['n', 'target', 'seed']) as SampleJointGaussianOptions;
  const op = 'sampleJointGaussian';
  const n = checkCount(options.n, op);
  const k = model.mean.length;
  if (k < 2) {
    throw new ValueError('a joint Gaussian of (x, t) needs at least two coordinates', { pkg: 'data', op, arg: 'model.mean', expected: 'length >= 2', received: k });
  }
  if (model.cov.length !== k || model.cov.some((row) => row.length !== k)) {
    throw new ShapeError('the covariance must be K × K', { pkg: 'data', op, arg: 'model.cov', expected: `[${k}, ${k}]`, received: `${model.cov.length} rows of lengths [${model.cov.map((r) => r.length).join(', ')}]` });
  }
  const target = options.target ?? k - 1;
  if (!Number.isInteger(target) || target < 0 || target >= k) {
    throw new ValueError('target index out of range', { pkg: 'data', op, arg: 'options.target', expected: `an integer in [0, ${k - 1}]`, received: target });
  }
  const at = (i: number, j: number): number => (model.cov[i] as readonly number[])[j] as number;
  // Cholesky–Banachiewicz: L lower triangular with Σ = L Lᵀ.
  const l = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j <= i; j++) {
      if (Math.abs(at(i, j) - at(j, i)) > 1e-12 * Math.max(1, Math.abs(at(i, j)))) {
        throw new ValueError('the covariance must be symmetric', { pkg: 'data', op, arg: `model.cov[${i}][${j}]`, expected: at(j, i), received: at(i, j) });
      }
      let s = at(i, j);
      for (let m = 0; m < j; m++) s -= (l[i * k + m] as number) * (l[j * k + m] as number);
      if (i === j) {
        if (!(s > 0)) {
          throw new ValueError('the covariance must be positive definite', { pkg: 'data', op, arg: 'model.cov', expected: 'a positive definite matrix', received: `a non-positive pivot ${s} at row ${i}` });
        }
        l[i * k + i] = Math.sqrt(s);
      } else {
        l[i * k + j] = s / (l[j * k + j] as number);
      }
    }
  }
  const r = toRng(options.seed);
  const x = new Float64Array(n * (k - 1));
  const t = new Float64Array(n);
  const eps = new Float64Array(k);
  for (let s = 0; s < n; s++) {
    for (let i = 0; i < k; i++) eps[i] = r.normal();
    let col = 0;
    for (let i = 0; i < k; i++) {
      let z = model.mean[i] as number;
      for (let j = 0; j <= i; j++) z += (l[i * k + j] as number) * (eps[j] as number);
      if (i === target) t[s] = z;
      else x[s * (k - 1) + col++] = z;
    }
  }
  return dataset({ data: x, shape: [n, k - 1] }, t, { name: 'joint-gaussian' });
}
