import { ValueError } from '@gradlab/core-tensor';
import type { LayerConfig, LayerFactory } from '@gradlab/models-nn';
import { languageModel } from './language-model.ts';
import type { LanguageModelOptions } from './language-model.ts';
import { multiHeadAttention } from './multi-head-attention.ts';
import type { MultiHeadAttentionOptions } from './multi-head-attention.ts';
import { transformerBlock } from './transformer-block.ts';
import type { TransformerBlockOptions } from './transformer-block.ts';

/** The config's fields without `kind`, checked to be an object (the factories validate each value). */
function fields<T>(c: LayerConfig): T {
  if (typeof c !== 'object' || c === null) {
    throw new ValueError('a layer config is an object', { pkg: 'transformer', op: 'transformerLayers', arg: 'config', expected: '{ kind, ... }', received: c === null ? 'null' : typeof c });
  }
  const { kind: _kind, ...rest } = c;
  return rest as unknown as T;
}

/**
 * The factories of this package's modules by kind, for `layerFromConfig` of `@gradlab/models-nn`:
 * `layerFromConfig(lm.config(), { layers: transformerLayers, dtype })` rebuilds the architecture
 * (load the weights with `loadStateDict`). Frozen; spread it into your own map to add kinds.
 * @example
 * const copy = layerFromConfig(lm.config(), { layers: transformerLayers, dtype: 'float32' });
 * copy.loadStateDict(lm.stateDict());
 */
export const transformerLayers: Readonly<Record<string, LayerFactory>> = Object.freeze({
  'multi-head-attention': (c, { dtype }) => multiHeadAttention({ ...fields<MultiHeadAttentionOptions>(c), dtype }),
  'transformer-block': (c, { dtype }) => transformerBlock({ ...fields<TransformerBlockOptions>(c), dtype }),
  'language-model': (c, { dtype }) => languageModel({ ...fields<LanguageModelOptions>(c), dtype }),
});
