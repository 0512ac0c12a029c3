// @gradlab/plugin: one typed manifest of losses, optimizers, schedules, layers, data sets, backends
// and distributions; composed into a registry, checked by @gradlab/plugin/testing.
export { definePlugin } from './define-plugin.ts';
export { isPluginManifest } from './is-plugin-manifest.ts';
export { composePlugins } from './compose-plugins.ts';
export type { ComposePluginsOptions, PieceSource, PluginRegistry } from './compose-plugins.ts';
export { corePlugin, CORE_PLUGIN_NAME } from './core-plugin.ts';
export { PluginError } from './plugin-error.ts';
export type { PluginErrorDetails, PluginErrorReason } from './plugin-error.ts';
export { PIECE_KINDS, PIECE_FIELDS, PLUGIN_FORMAT, pluginPieces } from './plugin-manifest.ts';
export type {
  AnyDistribution,
  ConfiguredPiece,
  DistributionFactory,
  DistributionPiece,
  FactoryConfig,
  LayerExample,
  LayerPiece,
  NormalizedPiece,
  PieceKind,
  PluginDefinition,
  PluginManifest,
} from './plugin-manifest.ts';
