// A learnable per-feature scale: y = x ⊙ w, with w [features] broadcast over the batch (and any
// leading axes). It starts at w = 1, the identity, as LayerNorm's affine weight does.
import { mul, ones, ShapeError, ValueError } from '@gradlab/core-tensor';
import { Module } from '@gradlab/models-nn';

/** The layer; build it with {@link featureScale} or from its config `{ kind: 'feature-scale', features }`. */
export class FeatureScale extends Module {
  kind = 'feature-scale';

  /**
   * @param {number} features the size of the last axis
   * @param {{ dtype?: 'float32' | 'float64' }} [options]
   */
  constructor(features, options = {}) {
    super();
    if (!Number.isInteger(features) || features < 1) {
      throw new ValueError('features must be a positive integer', { pkg: 'plugin-focal-loss-lion', op: 'featureScale', arg: 'features', expected: 'an integer >= 1', received: features });
    }
    this.features = features;
    this.weight = this.addParameter('weight', ones([features], { dtype: options.dtype ?? 'float32' }));
  }

  /**
   * @param {import('@gradlab/core-tensor').Tensor} x `[..., features]`
   * @returns {import('@gradlab/core-tensor').Tensor} `[..., features]`
   */
  forward(x) {
    if (x.shape[x.shape.length - 1] !== this.features) {
      throw new ShapeError(`featureScale expects ${this.features} features on the last axis`, { pkg: 'plugin-focal-loss-lion', op: 'featureScale.forward', arg: 'x', expected: `[..., ${this.features}]`, received: [...x.shape] });
    }
    return mul(x, this.weight.value);
  }

  config() {
    return { kind: this.kind, features: this.features };
  }
}

/**
 * @param {number} features the size of the last axis
 * @param {{ dtype?: 'float32' | 'float64' }} [options]
 * @returns {FeatureScale}
 * @example
 * featureScale(3).forward(tensor([[1, 2, 3]])); // unchanged until trained
 */
export function featureScale(features, options = {}) {
  return new FeatureScale(features, options);
}
