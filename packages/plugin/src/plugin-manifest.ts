import { ValueError } from '@gradlab/core-tensor';
import type { Backend } from '@gradlab/core-tensor';
import type { Dataset } from '@gradlab/data';
import type { JsonValue, LossFactory } from '@gradlab/losses';
import type { LayerConfig, LayerFactory } from '@gradlab/models-nn';
import type { OptimizerFactory, ScheduleFactory } from '@gradlab/optim';
import type { Distribution, Value } from '@gradlab/prob';

/** The kinds of piece a plugin may offer, in the order they are listed and checked. */
export type PieceKind = 'loss' | 'optimizer' | 'schedule' | 'layer' | 'dataset' | 'backend' | 'distribution';

/** Every {@link PieceKind}, in order. */
export const PIECE_KINDS: readonly PieceKind[] = ['loss', 'optimizer', 'schedule', 'layer', 'dataset', 'backend', 'distribution'];

/** The manifest field that holds each kind: `loss` → `losses`. */
export const PIECE_FIELDS = {
  loss: 'losses',
  optimizer: 'optimizers',
  schedule: 'schedules',
  layer: 'layers',
  dataset: 'datasets',
  backend: 'backends',
  distribution: 'distributions',
} as const satisfies Record<PieceKind, string>;

/** A JSON config of a factory. */
export type FactoryConfig = { readonly [key: string]: JsonValue };

/**
 * A factory with the config its checker builds it from. Losses default to `{}`, optimizers to
 * `{ lr: 0.01 }` (the checker runs 200 steps of descent with it), schedules to `{}`.
 */
export interface ConfiguredPiece<F> {
  readonly factory: F;
  readonly example?: FactoryConfig;
}

/** What `checkLayer` needs to build and exercise a layer: a config of this kind and an input shape. */
export interface LayerExample {
  /** A config whose `kind` is the layer's id. */
  readonly config: LayerConfig;
  /** `[batch, ...features]`, batch >= 2. */
  readonly inputShape: readonly number[];
  /** The output shape expected for `inputShape`, when known. */
  readonly outputShape?: readonly number[];
  /** Token ids below this bound, for a layer that takes indices. */
  readonly vocabSize?: number;
}

/**
 * A layer piece: its {@link LayerFactory} (as `layerFromConfig` takes) and an example. The factory
 * draws initial weights from the models-nn default generator (no `rng` in its options), which the
 * checker reseeds with `manualSeed` to test seeded initialisation.
 */
export interface LayerPiece {
  readonly factory: LayerFactory;
  readonly example: LayerExample;
}

/** A distribution of any value type: numbers, labels or vectors. */
export type AnyDistribution = Distribution<number> | Distribution<Value> | Distribution<number[]> | Distribution<readonly number[]>;

/** A distribution family's factory; its parameters are the family's own (`gaussian(mean, scale)`). */
export type DistributionFactory = (...params: never[]) => AnyDistribution;

/**
 * A distribution piece: the family's factory and parameter lists to check it at, e.g.
 * `{ factory: gaussian, examples: [[0, 1], [2, 0.5]] }`; `checkDistribution` runs on each.
 */
export interface DistributionPiece {
  readonly factory: DistributionFactory;
  readonly examples: readonly (readonly unknown[])[];
}

/** What {@link definePlugin} takes: the plugin's name, its version and its pieces by id. */
export interface PluginDefinition {
  /** The plugin's name, usually its npm package name. */
  readonly name: string;
  /** Its version (semver). */
  readonly version: string;
  /** A one-line description. */
  readonly description?: string;
  /** Losses by id: a {@link LossFactory} (`(config) => Loss`), or `{ factory, example }`. */
  readonly losses?: Readonly<Record<string, LossFactory | ConfiguredPiece<LossFactory>>>;
  /** Optimizers by id: an {@link OptimizerFactory}, or `{ factory, example }` (a config that descends). */
  readonly optimizers?: Readonly<Record<string, OptimizerFactory | ConfiguredPiece<OptimizerFactory>>>;
  /** Learning-rate schedules by id: a {@link ScheduleFactory}, or `{ factory, example }`. */
  readonly schedules?: Readonly<Record<string, ScheduleFactory | ConfiguredPiece<ScheduleFactory>>>;
  /** Layers by kind, each with an example to check it with. */
  readonly layers?: Readonly<Record<string, LayerPiece>>;
  /** Data sets by name, each a loader `() => Dataset`. */
  readonly datasets?: Readonly<Record<string, () => Dataset>>;
  /** Tensor backends by name, each `() => Backend` (selected explicitly with `setBackend`). */
  readonly backends?: Readonly<Record<string, () => Backend>>;
  /** Distribution families by name, each with example parameters. */
  readonly distributions?: Readonly<Record<string, DistributionPiece>>;
}

/** A piece after {@link definePlugin}: the factory and the example its checker uses. */
export interface NormalizedPiece<F, E> {
  readonly factory: F;
  readonly example: E;
}

/** The marker of a manifest, checked by `isPluginManifest` (a string, so it survives two copies of this package). */
export const PLUGIN_FORMAT = 'gradlab-plugin@1';

/** The frozen result of {@link definePlugin}: every kind present, every piece with its example. */
export interface PluginManifest {
  readonly format: typeof PLUGIN_FORMAT;
  readonly name: string;
  readonly version: string;
  readonly description: string;
  readonly losses: Readonly<Record<string, NormalizedPiece<LossFactory, FactoryConfig>>>;
  readonly optimizers: Readonly<Record<string, NormalizedPiece<OptimizerFactory, FactoryConfig>>>;
  readonly schedules: Readonly<Record<string, NormalizedPiece<ScheduleFactory, FactoryConfig>>>;
  readonly layers: Readonly<Record<string, NormalizedPiece<LayerFactory, LayerExample>>>;
  readonly datasets: Readonly<Record<string, NormalizedPiece<() => Dataset, undefined>>>;
  readonly backends: Readonly<Record<string, NormalizedPiece<() => Backend, undefined>>>;
  readonly distributions: Readonly<Record<string, NormalizedPiece<DistributionFactory, readonly (readonly unknown[])[]>>>;
}

/**
 * Every piece of a manifest as `{ kind, id }`, in kind order then the plugin's own order.
 * @param plugin a manifest from {@link definePlugin}
 * @returns the pieces
 */
export function pluginPieces(plugin: PluginManifest): { kind: PieceKind; id: string }[] {
  if (typeof plugin !== 'object' || plugin === null) throw new ValueError('expected a plugin manifest from definePlugin', { pkg: 'plugin', op: 'pluginPieces', arg: 'plugin', expected: 'definePlugin({ name, version, ... })', received: plugin === null ? 'null' : typeof plugin });
  return PIECE_KINDS.flatMap((kind) => Object.keys((plugin[PIECE_FIELDS[kind]] as object | undefined) ?? {}).map((id) => ({ kind, id })));
}
