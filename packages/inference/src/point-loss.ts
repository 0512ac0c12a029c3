import { ValueError } from '@gradlab/core-tensor';
import type { Value } from '@gradlab/prob';

/**
 * A loss ℓ(t, t̂) >= 0 for one target t and one hard prediction t̂, as exact sums over a joint
 * table need it. This small contract is inference's own (the `Loss` contract of `@gradlab/losses`
 * scores tensors of predictions for training, a different job).
 */
export interface PointLoss {
  /** A short name, e.g. `quadratic`. */
  readonly name: string;
  /** ℓ(t, t̂). */
  loss(t: Value, tHat: Value): number;
  /**
   * The posterior statistic that minimises E[ℓ(t, t̂) | x], when one is known: the mode for the
   * 0-1 loss, the mean for the quadratic loss, the median for the absolute loss. Without it the
   * optimal predictor is found by direct minimisation over candidate values.
   */
  readonly minimizer?: 'mode' | 'mean' | 'median';
  /**
   * True when ℓ is a nondecreasing function of |t − t̂| alone; then a symmetric unimodal posterior
   * (a Gaussian) is minimised by its mean.
   */
  readonly symmetric?: boolean;
}

/** A PointLoss, or a plain `(t, tHat) => number`. */
export type PointLossLike = PointLoss | ((t: Value, tHat: Value) => number);

function numeric(op: string, t: Value, tHat: Value): [number, number] {
  if (typeof t !== 'number' || typeof tHat !== 'number') {
    throw new ValueError('this loss needs numeric targets', {
      pkg: 'inference',
      op,
      arg: typeof t !== 'number' ? 't' : 'tHat',
      expected: 'a number',
      received: typeof t !== 'number' ? t : tHat,
      hint: 'use zeroOneLoss() for labels',
    });
  }
  return [t, tHat];
}

/**
 * The quadratic loss ℓ(t, t̂) = (t − t̂)²; minimised by the posterior mean.
 * @returns a {@link PointLoss}
 * @throws ValueError (when called) if t or t̂ is not a number
 * @example
 * quadraticLoss().loss(3, 1); // 4
 */
export function quadraticLoss(): PointLoss {
  return Object.freeze({
    name: 'quadratic',
    minimizer: 'mean' as const,
    symmetric: true,
    loss(t: Value, tHat: Value): number {
      const [a, b] = numeric('quadraticLoss', t, tHat);
      return (a - b) * (a - b);
    },
  });
}

/**
 * The absolute loss ℓ(t, t̂) = |t − t̂|; minimised by a posterior median.
 * @returns a {@link PointLoss}
 * @example
 * absoluteLoss().loss(3, 1); // 2
 */
export function absoluteLoss(): PointLoss {
  return Object.freeze({
    name: 'absolute',
    minimizer: 'median' as const,
    symmetric: true,
    loss(t: Value, tHat: Value): number {
      const [a, b] = numeric('absoluteLoss', t, tHat);
      return Math.abs(a - b);
    },
  });
}

/**
 * The power loss ℓ(t, t̂) = |t − t̂|^k (k = 2 is the quadratic loss, k = 1 the absolute loss).
 * @param k the exponent, > 0
 * @returns a {@link PointLoss} (minimiser: mean for k = 2, median for k = 1, direct search otherwise)
 * @throws ValueError when k is not a positive finite number
 * @example
 * powerLoss(3).loss(3, 1); // 8
 */
export function powerLoss(k: number): PointLoss {
  if (typeof k !== 'number' || !Number.isFinite(k) || k <= 0) {
    throw new ValueError('the exponent must be positive', { pkg: 'inference', op: 'powerLoss', arg: 'k', expected: 'a finite number > 0', received: k });
  }
  const minimizer = k === 2 ? { minimizer: 'mean' as const } : k === 1 ? { minimizer: 'median' as const } : {};
  return Object.freeze({
    name: `power(${k})`,
    ...minimizer,
    symmetric: true,
    loss(t: Value, tHat: Value): number {
      const [a, b] = numeric('powerLoss', t, tHat);
      return Math.abs(a - b) ** k;
    },
  });
}

/**
 * The detection-error (0-1) loss ℓ(t, t̂) = 1(t ≠ t̂); minimised by the posterior mode (MAP).
 * Works for labels as well as numbers.
 * @returns a {@link PointLoss}
 * @example
 * zeroOneLoss().loss('rain', 'sun'); // 1
 */
export function zeroOneLoss(): PointLoss {
  return Object.freeze({
    name: 'zero-one',
    minimizer: 'mode' as const,
    loss: (t: Value, tHat: Value): number => (String(t) === String(tHat) ? 0 : 1),
  });
}

/**
 * A user's loss as a PointLoss; the optimal predictor for it is found by direct minimisation.
 * @param name a short name
 * @param fn ℓ(t, t̂) >= 0
 * @returns a {@link PointLoss}
 * @example
 * const asymmetric = pointLoss('asymmetric', (t, tHat) => (t === 1 && tHat === 0 ? 5 : t === tHat ? 0 : 1));
 */
export function pointLoss(name: string, fn: (t: Value, tHat: Value) => number): PointLoss {
  return Object.freeze({ name, loss: fn });
}

/** Turns a function into a PointLoss; passes a PointLoss through. */
export function toPointLoss(loss: PointLossLike): PointLoss {
  return typeof loss === 'function' ? pointLoss(loss.name === '' ? 'custom' : loss.name, loss) : loss;
}

/** The built-in point losses by name, for the CLI and configuration files. */
export const builtinPointLosses: Readonly<Record<'quadratic' | 'absolute' | 'zero-one', () => PointLoss>> = Object.freeze({
  quadratic: quadraticLoss,
  absolute: absoluteLoss,
  'zero-one': zeroOneLoss,
});
