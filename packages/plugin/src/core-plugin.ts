import { createJsBackend } from '@gradlab/core-tensor';
import { builtinDatasets } from '@gradlab/data';
import { builtinLosses } from '@gradlab/losses';
import { builtinLayers } from '@gradlab/models-nn';
import { builtinOptimizers, builtinSchedules } from '@gradlab/optim';
import { builtinDistributions } from '@gradlab/prob';
import { definePlugin } from './define-plugin.ts';
import type { DistributionFactory, DistributionPiece, FactoryConfig, LayerExample, LayerPiece } from './plugin-manifest.ts';

/** The core plugin's name: what `sources` says of a built-in. */
export const CORE_PLUGIN_NAME = '@gradlab/core';

/** The version of the core plugin, the version of the gradlab packages it gathers. */
const CORE_VERSION = '0.1.0';

/** The configs the built-in schedules are checked with (each needs its own hyper-parameters). */
const SCHEDULE_EXAMPLES: Readonly<Record<string, FactoryConfig>> = {
  constant: { lr: 0.1 },
  'inverse-power': { lr: 0.1, alpha: 0.75 },
  'robbins-monro': { lr: 1, beta: 0.1, alpha: 0.75 },
  step: { lr: 0.1, stepSize: 10, gamma: 0.5 },
  exponential: { lr: 0.1, gamma: 0.99 },
  cosine: { lr: 0.1, tMax: 100 },
  warmup: { steps: 5, schedule: { id: 'constant', config: { lr: 0.1 } } },
};

const square = (kind: string, extra: Record<string, number> = {}): LayerExample => ({ config: { kind, ...extra }, inputShape: [3, 4], outputShape: [3, 4] });

/** The examples the built-in layers are checked with (what models-nn's own tests use). */
const LAYER_EXAMPLES: Readonly<Record<string, LayerExample>> = {
  linear: { config: { kind: 'linear', inFeatures: 3, outFeatures: 2 }, inputShape: [4, 3], outputShape: [4, 2] },
  sequential: {
    config: { kind: 'sequential', layers: [{ kind: 'linear', inFeatures: 3, outFeatures: 4 }, { kind: 'tanh' }, { kind: 'linear', inFeatures: 4, outFeatures: 2 }] },
    inputShape: [5, 3],
    outputShape: [5, 2],
  },
  dropout: square('dropout', { p: 0.5 }),
  'layer-norm': square('layer-norm', { features: 4 }),
  embedding: { config: { kind: 'embedding', numEmbeddings: 8, dim: 3 }, inputShape: [2, 5], outputShape: [2, 5, 3], vocabSize: 8 },
};

/** The parameters the built-in distribution families are checked at. */
const DISTRIBUTION_EXAMPLES: Readonly<Record<string, readonly (readonly unknown[])[]>> = {
  bernoulli: [[0.3]],
  categorical: [[[0.2, 0.5, 0.3]]],
  gaussian: [[0, 1], [2, 0.5]],
  multivariateGaussian: [[[0, 1], [[1, 0.5], [0.5, 2]]]],
  uniform: [[0, 1], [-2, 3]],
  empirical: [[[1, 2, 2, 5]]],
};

const map = <V, R>(record: Readonly<Record<string, V>>, f: (v: V, id: string) => R): Record<string, R> =>
  Object.fromEntries(Object.entries(record).map(([id, v]) => [id, f(v, id)]));

/**
 * The built-ins of gradlab as a plugin, declared with the same `definePlugin` a user calls: every
 * loss of `builtinLosses`, optimizer of `builtinOptimizers`, schedule of `builtinSchedules`, layer of
 * `builtinLayers`, data set of `builtinDatasets`, distribution of `builtinDistributions`, and the `js`
 * backend, each with the example its checker uses. Compose it first:
 * `composePlugins([corePlugin, ...yours])`; `checkPlugin(corePlugin)` passes.
 *
 * @example
 * ```ts
 * Object.keys(corePlugin.losses); // ['quadratic', 'absolute-error', ...]
 * ```
 */
export const corePlugin = definePlugin({
  name: CORE_PLUGIN_NAME,
  version: CORE_VERSION,
  description: 'The built-in losses, optimizers, schedules, layers, data sets, distributions and the js backend.',
  losses: { ...builtinLosses },
  optimizers: map(builtinOptimizers, (factory) => ({ factory, example: { lr: 0.01 } })),
  schedules: map(builtinSchedules, (factory, id) => ({ factory, example: SCHEDULE_EXAMPLES[id] ?? {} })),
  layers: map(builtinLayers, (factory, id): LayerPiece => ({ factory, example: LAYER_EXAMPLES[id] ?? square(id) })),
  datasets: { ...builtinDatasets },
  backends: { js: () => createJsBackend() },
  distributions: map(builtinDistributions as unknown as Record<string, DistributionFactory>, (factory, id): DistributionPiece => ({ factory, examples: DISTRIBUTION_EXAMPLES[id] ?? [] })),
});
