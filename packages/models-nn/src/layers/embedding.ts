import { DTypeError, gather, randNormal } from '@gradlab/core-tensor';
import type { Tensor } from '@gradlab/core-tensor';
import { initDType, initRng } from '../init.ts';
import type { InitOptions } from '../init.ts';
import { Module } from '../module.ts';
import type { LayerConfig, Parameter } from '../module.ts';
import { checkLayerOptions, checkSize } from './check-options.ts';

/** A lookup table: row i of `weight: [numEmbeddings, dim]` is the vector of token i. */
export class Embedding extends Module {
  readonly kind = 'embedding';
  readonly numEmbeddings: number;
  readonly dim: number;
  readonly weight: Parameter;

  constructor(numEmbeddings: number, dim: number, options: InitOptions = {}) {
    super();
    checkLayerOptions('embedding', options, ['rng', 'dtype']);
    this.numEmbeddings = checkSize('embedding', 'numEmbeddings', numEmbeddings);
    this.dim = checkSize('embedding', 'dim', dim);
    this.weight = this.addParameter('weight', randNormal(initRng(options), [numEmbeddings, dim], { dtype: initDType('embedding', options) }));
  }

  override get inputKind(): 'features' | 'indices' {
    return 'indices';
  }

  /**
   * `ids: [...]` int32 in [0, numEmbeddings) to `[..., dim]`.
   * @throws DTypeError for non-integer ids; ValueError for ids out of range
   */
  forward(ids: Tensor): Tensor {
    if (ids.dtype !== 'int32') {
      throw new DTypeError('embedding takes integer token ids', { pkg: 'models-nn', op: 'embedding.forward', arg: 'ids', expected: 'int32', received: ids.dtype, hint: "cast them: ids.astype('int32')" });
    }
    return gather(this.weight.value, ids, 0);
  }

  config(): LayerConfig {
    return { kind: this.kind, numEmbeddings: this.numEmbeddings, dim: this.dim };
  }
}

/**
 * A token embedding, as `torch.nn.Embedding` (weights drawn from N(0, 1)).
 * @param numEmbeddings the vocabulary size
 * @param dim the vector size
 * @param options `rng`, `dtype`
 * @returns the layer
 * @example
 * embedding(10, 4).forward(tensor([[1, 2]], { dtype: 'int32' })).shape; // [1, 2, 4]
 */
export function embedding(numEmbeddings: number, dim: number, options?: InitOptions): Embedding {
  return new Embedding(numEmbeddings, dim, options);
}
