import { ShapeError } from '@gradlab/core-tensor';
import { gaussian } from '@gradlab/prob';
import type { Gaussian, MultivariateGaussian } from '@gradlab/prob';
import { checkKnownJoint, gaussianSplit } from './known-joint.ts';
import type { TargetOptions } from './known-joint.ts';

/** The MMSE estimator of a jointly Gaussian (x, t): an affine function of x, with its error. */
export interface MmseEstimator {
  /** t̂(x) = E[t | x] = intercept + weights · x, x being the observed components in index order. */
  (x: readonly number[]): number;
  /** The index of t in the joint. */
  readonly target: number;
  /** The indices of the observed components x. */
  readonly observed: readonly number[];
  /** Σ_tx Σ_xx⁻¹, one weight per observed component. */
  readonly weights: readonly number[];
  /** μ_t − Σ_tx Σ_xx⁻¹ μ_x. */
  readonly intercept: number;
  /** The minimum mean squared error E[(t − t̂(x))²] = Σ_tt − Σ_tx Σ_xx⁻¹ Σ_xt, the same for every x. */
  readonly errorVariance: number;
  /** The posterior p(t | x) = N(t̂(x), errorVariance). */
  posterior(x: readonly number[]): Gaussian;
}

/**
 * The optimal predictor under the quadratic loss for a jointly Gaussian (x, t), in closed form:
 * t̂(x) = μ_t + Σ_tx Σ_xx⁻¹ (x − μ_x), with mean squared error Σ_tt − Σ_tx Σ_xx⁻¹ Σ_xt (the
 * Bayes risk). Since the posterior is Gaussian, its mean is also its median and mode, so the same
 * t̂ is optimal for the absolute and |t − t̂|^k losses.
 * @param joint N(μ, Σ) over (x, t), dimension >= 2
 * @param options target: the index of t (default the last component)
 * @returns an {@link MmseEstimator}
 * @throws ValueError when the target index is out of range
 * @example
 * const xt = multivariateGaussian([0, 1], [[1, 0.8], [0.8, 1]]);
 * const tHat = mmseEstimator(xt);
 * tHat([2]);            // 2.6
 * tHat.errorVariance;   // 0.36
 */
export function mmseEstimator(joint: MultivariateGaussian, options: TargetOptions = {}): MmseEstimator {
  checkKnownJoint('mmseEstimator', joint, options);
  const { t, xs } = gaussianSplit(joint, options, 'mmseEstimator');
  const post = (x: readonly number[]): MultivariateGaussian => {
    if (x.length !== xs.length) {
      throw new ShapeError('one value per observed component', { pkg: 'inference', op: 'mmseEstimator', arg: 'x', expected: `length ${xs.length}`, received: `length ${x.length}` });
    }
    return joint.conditional(xs, x);
  };
  const zero = post(xs.map(() => 0));
  const intercept = zero.mu[0] as number;
  const errorVariance = zero.cov[0]?.[0] as number;
  // The conditional mean is affine in x, so each weight is its change along one unit vector.
  const weights = xs.map((_i, j) => (post(xs.map((_k, m) => (m === j ? 1 : 0))).mu[0] as number) - intercept);
  const predict = (x: readonly number[]): number => post(x).mu[0] as number;
  return Object.freeze(
    Object.assign(predict, {
      target: t,
      observed: Object.freeze(xs),
      weights: Object.freeze(weights),
      intercept,
      errorVariance,
      posterior: (x: readonly number[]) => gaussian(predict(x), { variance: errorVariance }),
    }),
  );
}
