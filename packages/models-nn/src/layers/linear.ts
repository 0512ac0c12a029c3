import { linear as affine, randUniform, ShapeError, zeros } from '@gradlab/core-tensor';
import type { Tensor } from '@gradlab/core-tensor';
import { initDType, initRng, initWeight } from '../init.ts';
import type { InitOptions, Initializer } from '../init.ts';
import { Module } from '../module.ts';
import type { LayerConfig, Parameter } from '../module.ts';
import { checkLayerOptions, checkSize } from './check-options.ts';

/** Options of {@link linear}. */
export interface LinearOptions extends InitOptions {
  /** Add the bias b (default `true`). */
  bias?: boolean;
  /**
   * How W is drawn. Default: PyTorch's, W and b uniform on ±1/sqrt(inFeatures). With an
   * {@link Initializer} name, W follows it and b starts at zero.
   */
  init?: Initializer;
}

/** The affine layer a = W h + b of the notes. */
export class Linear extends Module {
  readonly kind = 'linear';
  /** W: `[outFeatures, inFeatures]` (the notes' layout, and PyTorch's). */
  readonly weight: Parameter;
  /** b: `[outFeatures]`, or `undefined` without bias. */
  readonly bias: Parameter | undefined;
  readonly inFeatures: number;
  readonly outFeatures: number;
  readonly #init: Initializer | undefined;

  constructor(inFeatures: number, outFeatures: number, options: LinearOptions = {}) {
    super();
    const op = 'linear';
    checkLayerOptions(op, options, ['bias', 'init', 'rng', 'dtype']);
    this.inFeatures = checkSize(op, 'inFeatures', inFeatures);
    this.outFeatures = checkSize(op, 'outFeatures', outFeatures);
    const dtype = initDType(op, options);
    const r = initRng(options);
    this.#init = options.init;
    const bound = 1 / Math.sqrt(inFeatures);
    const w = options.init === undefined ? randUniform(r, [outFeatures, inFeatures], { low: -bound, high: bound, dtype }) : initWeight(options.init, [outFeatures, inFeatures], { rng: r, dtype });
    this.weight = this.addParameter('weight', w);
    if (options.bias ?? true) {
      const b = options.init === undefined ? randUniform(r, [outFeatures], { low: -bound, high: bound, dtype }) : zeros([outFeatures], { dtype });
      this.bias = this.addParameter('bias', b);
    } else {
      this.bias = undefined;
    }
  }

  /**
   * `x: [..., inFeatures]` to `[..., outFeatures]`: each row h gives W h + b (computed as x Wᵀ + b).
   * @throws ShapeError when the last axis is not `inFeatures`
   */
  forward(x: Tensor): Tensor {
    if (x.rank < 1 || x.shape[x.rank - 1] !== this.inFeatures) {
      throw new ShapeError(`linear expects ${this.inFeatures} input features`, { pkg: 'models-nn', op: 'linear.forward', arg: 'x', expected: `[..., ${this.inFeatures}]`, received: [...x.shape] });
    }
    // One op (core-tensor's linear): the same values as matmul(x, transpose(W)) + b, one tape node.
    return affine(x, this.weight.value, this.bias?.value);
  }

  config(): LayerConfig {
    return { kind: this.kind, inFeatures: this.inFeatures, outFeatures: this.outFeatures, bias: this.bias !== undefined, ...(this.#init !== undefined ? { init: this.#init } : {}) };
  }
}

/**
 * A fully connected layer: a^l = W^l h^(l-1) + b^l, with W of shape `[outFeatures, inFeatures]`.
 * @param inFeatures D_(l-1)
 * @param outFeatures D_l
 * @param options `bias` (default true), `init`, `rng`, `dtype` (default float32)
 * @returns the layer
 * @throws ValueError for sizes that are not positive integers or unknown options
 * @example
 * const layer = linear(3, 2, { rng: rng(0) });
 * layer.forward(ones([4, 3])).shape; // [4, 2]
 */
export function linear(inFeatures: number, outFeatures: number, options?: LinearOptions): Linear {
  return new Linear(inFeatures, outFeatures, options);
}
