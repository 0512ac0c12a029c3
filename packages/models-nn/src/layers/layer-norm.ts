import { add, div, mean, mul, ones, ShapeError, sqrt, sub, variance, ValueError, zeros } from '@gradlab/core-tensor';
import type { Tensor } from '@gradlab/core-tensor';
import { initDType } from '../init.ts';
import type { InitOptions } from '../init.ts';
import { Module } from '../module.ts';
import type { LayerConfig, Parameter } from '../module.ts';
import { checkLayerOptions, checkSize } from './check-options.ts';

/** Options of {@link layerNorm}. */
export interface LayerNormOptions extends InitOptions {
  /** Added to the variance (default 1e-5, as PyTorch). */
  eps?: number;
  /** Learn a scale γ and shift β (default true). */
  elementwiseAffine?: boolean;
}

/** Layer normalisation over the last axis: (x - mean) / sqrt(var + eps) · γ + β (biased variance). */
export class LayerNorm extends Module {
  readonly kind = 'layer-norm';
  readonly features: number;
  readonly eps: number;
  readonly weight: Parameter | undefined;
  readonly bias: Parameter | undefined;

  constructor(features: number, options: LayerNormOptions = {}) {
    super();
    checkLayerOptions('layerNorm', options, ['eps', 'elementwiseAffine', 'dtype', 'rng']);
    this.features = checkSize('layerNorm', 'features', features);
    this.eps = options.eps ?? 1e-5;
    if (!(Number.isFinite(this.eps) && this.eps > 0)) {
      throw new ValueError('eps must be a positive number', { pkg: 'models-nn', op: 'layerNorm', arg: 'options.eps', expected: 'a number > 0', received: options.eps });
    }
    const dtype = initDType('layerNorm', options);
    if (options.elementwiseAffine ?? true) {
      this.weight = this.addParameter('weight', ones([features], { dtype }));
      this.bias = this.addParameter('bias', zeros([features], { dtype }));
    } else {
      this.weight = undefined;
      this.bias = undefined;
    }
  }

  /** Normalises each row of `x: [..., features]`. */
  forward(x: Tensor): Tensor {
    if (x.rank < 1 || x.shape[x.rank - 1] !== this.features) {
      throw new ShapeError(`layerNorm expects ${this.features} features on the last axis`, { pkg: 'models-nn', op: 'layerNorm.forward', arg: 'x', expected: `[..., ${this.features}]`, received: [...x.shape] });
    }
    const mu = mean(x, -1, { keepDims: true });
    const v = variance(x, -1, { keepDims: true, correction: 0 });
    const y = div(sub(x, mu), sqrt(add(v, this.eps)));
    if (this.weight === undefined || this.bias === undefined) return y;
    return add(mul(y, this.weight.value), this.bias.value);
  }

  config(): LayerConfig {
    return { kind: this.kind, features: this.features, eps: this.eps, elementwiseAffine: this.weight !== undefined };
  }
}

/**
 * Layer normalisation (Ba et al. 2016) over the last axis, as `torch.nn.LayerNorm(features)`.
 * @param features the size of the last axis
 * @param options `eps`, `elementwiseAffine`, `dtype`
 * @returns the layer
 * @example
 * layerNorm(3).forward(tensor([[1, 2, 3]], { dtype: 'float32' })); // ≈ [[-1.2247, 0, 1.2247]]
 */
export function layerNorm(features: number, options?: LayerNormOptions): LayerNorm {
  return new LayerNorm(features, options);
}
