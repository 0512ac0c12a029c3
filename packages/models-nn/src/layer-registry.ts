import { requireObject, ValueError } from '@gradlab/core-tensor';
import type { FloatDType } from './init.ts';
import { Activation } from './layers/activation.ts';
import type { ActivationName } from './layers/activation.ts';
import { dropout } from './layers/dropout.ts';
import { embedding } from './layers/embedding.ts';
import { layerNorm } from './layers/layer-norm.ts';
import { linear } from './layers/linear.ts';
import { Sequential } from './layers/sequential.ts';
import type { LayerConfig, Module } from './module.ts';
import type { Initializer } from './init.ts';

/** What a layer factory receives besides the config: the dtype to build in and a resolver for children. */
export interface LayerBuildContext {
  /** The parameters' dtype. */
  readonly dtype: FloatDType;
  /** Builds a child from its config with the same registry (for containers). */
  readonly build: (config: LayerConfig) => Module;
}

/** Rebuilds a module of one kind from its {@link LayerConfig}. */
export type LayerFactory = (config: LayerConfig, context: LayerBuildContext) => Module;

const num = (c: LayerConfig, key: string): number => {
  const v = c[key];
  if (typeof v !== 'number') throw new ValueError(`the ${c.kind} config needs a number '${key}'`, { pkg: 'models-nn', op: 'layerFromConfig', arg: `config.${key}`, expected: 'a number', received: v === undefined ? 'missing' : typeof v });
  return v;
};

const activationFactory: LayerFactory = (c) => {
  const { kind, ...rest } = c;
  return new Activation(kind as ActivationName, rest);
};

/** The built-in layers by kind; pass your own map to {@link layerFromConfig} to add more. */
export const builtinLayers: Readonly<Record<string, LayerFactory>> = Object.freeze({
  linear: (c, { dtype }) => linear(num(c, 'inFeatures'), num(c, 'outFeatures'), { bias: c.bias !== false, dtype, ...(typeof c.init === 'string' ? { init: c.init as Initializer } : {}) }),
  sequential: (c, { build }) => {
    if (!Array.isArray(c.layers)) throw new ValueError('the sequential config needs a list of layers', { pkg: 'models-nn', op: 'layerFromConfig', arg: 'config.layers', expected: 'an array of layer configs', received: typeof c.layers });
    return new Sequential((c.layers as LayerConfig[]).map(build));
  },
  dropout: (c) => dropout(num(c, 'p'), { seed: typeof c.seed === 'number' ? c.seed : 0 }),
  'layer-norm': (c, { dtype }) => layerNorm(num(c, 'features'), { eps: typeof c.eps === 'number' ? c.eps : 1e-5, elementwiseAffine: c.elementwiseAffine !== false, dtype }),
  embedding: (c, { dtype }) => embedding(num(c, 'numEmbeddings'), num(c, 'dim'), { dtype }),
  sigmoid: activationFactory,
  tanh: activationFactory,
  relu: activationFactory,
  'leaky-relu': activationFactory,
  gelu: activationFactory,
  softmax: activationFactory,
  'log-softmax': activationFactory,
  identity: activationFactory,
});

/** Options of {@link layerFromConfig}. */
export interface LayerFromConfigOptions {
  /** Factories for kinds beyond the built-ins (a plugin's layers, the transformer's blocks). */
  layers?: Readonly<Record<string, LayerFactory>>;
  /** The parameters' dtype (default float32). */
  dtype?: FloatDType;
}

/**
 * Rebuilds a module from the JSON that its `config()` returned (the weights are fresh: load them
 * with `loadStateDict`). `loadModel` uses it, so a saved file needs no code from the user.
 * @param config `{ kind, ...options }`
 * @param options extra factories, dtype
 * @returns the module
 * @throws ValueError for an unknown kind (naming the known ones) or a malformed config
 * @example
 * layerFromConfig(mlp({ sizes: [2, 3, 1] }).config()).toString();
 */
export function layerFromConfig(config: LayerConfig, options: LayerFromConfigOptions = {}): Module {
  requireObject(options, { pkg: 'models-nn', op: 'layerFromConfig', arg: 'options' });
  const registry: Record<string, LayerFactory> = { ...builtinLayers, ...(options.layers ?? {}) };
  const dtype = options.dtype ?? 'float32';
  let depth = 0;
  const build = (c: LayerConfig): Module => {
    if (typeof c !== 'object' || c === null || typeof c.kind !== 'string') {
      throw new ValueError('a layer config is an object with a kind', { pkg: 'models-nn', op: 'layerFromConfig', arg: 'config', expected: "{ kind: 'linear', ... }", received: c === null ? 'null' : typeof c });
    }
    const factory = Object.prototype.hasOwnProperty.call(registry, c.kind) ? registry[c.kind] : undefined;
    if (factory === undefined) {
      throw new ValueError(`unknown layer kind '${c.kind}'`, { pkg: 'models-nn', op: 'layerFromConfig', arg: 'config.kind', expected: `one of ${Object.keys(registry).join(', ')}`, received: c.kind, hint: 'pass the factory of your own layer in options.layers' });
    }
    if (++depth > 64) throw new ValueError('layer configs nest too deeply', { pkg: 'models-nn', op: 'layerFromConfig', arg: 'config', expected: 'at most 64 levels', received: 'more' });
    try {
      return factory(c, { dtype, build });
    } finally {
      depth--;
    }
  };
  return build(config);
}
