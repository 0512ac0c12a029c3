import { GradlabError, KERNEL_NAMES } from '@gradlab/core-tensor';
import type { Backend } from '@gradlab/core-tensor';
import type { Dataset } from '@gradlab/data';
import type { LossFactory } from '@gradlab/losses';
import type { LayerFactory } from '@gradlab/models-nn';
import type { OptimizerFactory, ScheduleFactory } from '@gradlab/optim';
import { isPluginManifest } from './is-plugin-manifest.ts';
import { PluginError } from './plugin-error.ts';
import type { DistributionFactory, PieceKind, PluginManifest } from './plugin-manifest.ts';
import { PIECE_FIELDS, PIECE_KINDS } from './plugin-manifest.ts';

/** Options of {@link composePlugins}. */
export interface ComposePluginsOptions {
  /**
   * Pieces a later plugin may replace, by kind: `{ loss: ['hinge'] }` lets the last plugin that
   * offers the loss `hinge` win. Without it, any clash is an error, a built-in's included.
   */
  overrides?: Partial<Record<PieceKind, readonly string[]>>;
}

/** Where a piece came from, and which plugin it replaced when an override allowed it. */
export interface PieceSource {
  readonly plugin: string;
  readonly version: string;
  readonly overrides?: string;
}

/**
 * The composed registry: one frozen record of factories per kind, ready for the `*FromSpec`
 * resolvers (`lossFromSpec(spec, registry.losses)`, `layerFromConfig(config, { layers: registry.layers })`),
 * and `sources`, which says which plugin each piece came from.
 */
export interface PluginRegistry {
  readonly plugins: readonly PluginManifest[];
  readonly losses: Readonly<Record<string, LossFactory>>;
  readonly optimizers: Readonly<Record<string, OptimizerFactory>>;
  readonly schedules: Readonly<Record<string, ScheduleFactory>>;
  readonly layers: Readonly<Record<string, LayerFactory>>;
  readonly datasets: Readonly<Record<string, () => Dataset>>;
  readonly backends: Readonly<Record<string, () => Backend>>;
  readonly distributions: Readonly<Record<string, DistributionFactory>>;
  readonly sources: { readonly [K in PieceKind]: Readonly<Record<string, PieceSource>> };
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null;
const fn = (v: Obj, ...keys: string[]): boolean => keys.every((k) => typeof v[k] === 'function');

/** A cheap structural test of each contract, so a broken piece is named where it is used. */
const CONTRACT: Record<PieceKind, { expected: string; ok: (v: unknown) => boolean }> = {
  loss: { expected: 'a Loss { id, forward, elementwise, ... }', ok: (v) => isObj(v) && typeof v.id === 'string' && fn(v, 'forward', 'elementwise') },
  optimizer: { expected: 'an Optimizer { id, config, init, step }', ok: (v) => isObj(v) && typeof v.id === 'string' && fn(v, 'init', 'step') },
  schedule: { expected: 'a Schedule { id, config, at }', ok: (v) => isObj(v) && typeof v.id === 'string' && fn(v, 'at') },
  layer: { expected: 'a Module { kind, forward, config }', ok: (v) => isObj(v) && typeof v.kind === 'string' && fn(v, 'forward', 'config') },
  dataset: {
    expected: 'a Dataset { x: [n, d], t: [n], featureNames, targetName }',
    ok: (v) => isObj(v) && isObj(v.x) && Array.isArray(v.x.shape) && isObj(v.t) && (v.t as { length?: unknown }).length === (v.x.shape as unknown[])[0] && Array.isArray(v.featureNames),
  },
  backend: { expected: 'a Backend { name, ...every kernel }', ok: (v) => isObj(v) && typeof v.name === 'string' && fn(v, ...KERNEL_NAMES) },
  distribution: { expected: 'a Distribution { family, prob, logProb, sample, ... }', ok: (v) => isObj(v) && typeof v.family === 'string' && fn(v, 'prob', 'logProb', 'sample', 'mean', 'variance') },
};

/** `Array.isArray` without its narrowing of a readonly array to `any[]`. */
const isArrayOf = <T>(v: readonly T[]): boolean => Array.isArray(v);

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (typeof v !== 'object') return typeof v;
  const keys = Object.keys(v).slice(0, 6);
  return `an object with ${keys.length === 0 ? 'no fields' : keys.join(', ')}`;
}

/**
 * Wraps a factory so that a broken piece is reported with its plugin and id: a factory that
 * throws something other than a gradlab typed error (those already say what was wrong with the
 * config), or returns something that is not of its contract's shape, throws a `contract`
 * {@link PluginError}.
 */
function guarded<A extends unknown[]>(plugin: string, kind: PieceKind, id: string, factory: (...args: A) => unknown): (...args: A) => unknown {
  const contract = CONTRACT[kind];
  return (...args: A) => {
    let out: unknown;
    try {
      out = factory(...args);
    } catch (e) {
      if (e instanceof GradlabError) throw e;
      throw new PluginError(`the factory threw: ${e instanceof Error ? e.message : String(e)}`, { op: `${PIECE_FIELDS[kind]}.${id}`, reason: 'contract', plugin, kind, piece: id, cause: e });
    }
    if (!contract.ok(out)) {
      throw new PluginError(`the factory did not return ${contract.expected}`, { op: `${PIECE_FIELDS[kind]}.${id}`, reason: 'contract', plugin, kind, piece: id, expected: contract.expected, received: describe(out) });
    }
    return out;
  };
}

/**
 * Merges plugins into one registry. Order matters only for `overrides`; otherwise two plugins that
 * offer a piece of the same kind and id are an error, so a user's plugin never silently shadows a
 * built-in (pass `[corePlugin, ...yours]`). Each factory is wrapped so that a piece that breaks its
 * contract at use throws a {@link PluginError} naming the plugin and the piece.
 *
 * @param plugins manifests from `definePlugin`, usually `[corePlugin, ...loaded]`
 * @param options `{ overrides }`: pieces a later plugin may replace, e.g. `{ loss: ['hinge'] }`
 * @returns the frozen {@link PluginRegistry}
 * @throws PluginError `not-a-manifest` for a value not made by `definePlugin`; `clash` naming both
 *   plugins and the piece; `invalid-manifest` when two plugins share a name
 * @example
 * ```ts
 * const registry = composePlugins([corePlugin, focalLion]);
 * lossFromSpec({ id: 'focal', config: { gamma: 2 } }, registry.losses);
 * registry.sources.loss.focal?.plugin; // 'gradlab-plugin-focal-loss-lion'
 * ```
 */
export function composePlugins(plugins: readonly PluginManifest[], options: ComposePluginsOptions = {}): PluginRegistry {
  if (!isArrayOf(plugins)) {
    throw new PluginError('composePlugins takes an array of manifests', { op: 'composePlugins', reason: 'invalid-manifest', plugin: '?', arg: 'plugins', expected: 'PluginManifest[]', received: typeof plugins });
  }
  const names = new Map<string, number>();
  plugins.forEach((p, i) => {
    if (!isPluginManifest(p)) {
      throw new PluginError('not a plugin manifest', { op: 'composePlugins', reason: 'not-a-manifest', plugin: `#${i}`, arg: `plugins[${i}]`, expected: 'the result of definePlugin', received: describe(p), hint: 'export default definePlugin({ name, version, ... })' });
    }
    if (names.has(p.name)) {
      throw new PluginError(`the plugin is listed twice (positions ${names.get(p.name)} and ${i})`, { op: 'composePlugins', reason: 'invalid-manifest', plugin: p.name, arg: `plugins[${i}]` });
    }
    names.set(p.name, i);
  });
  const records = Object.fromEntries(PIECE_KINDS.map((k) => [k, {}])) as Record<PieceKind, Record<string, unknown>>;
  const sources = Object.fromEntries(PIECE_KINDS.map((k) => [k, {}])) as Record<PieceKind, Record<string, PieceSource>>;
  for (const p of plugins) {
    for (const kind of PIECE_KINDS) {
      const pieces = p[PIECE_FIELDS[kind]] as Readonly<Record<string, { factory: (...args: unknown[]) => unknown }>>;
      for (const [id, piece] of Object.entries(pieces)) {
        const previous = Object.hasOwn(sources[kind], id) ? sources[kind][id] : undefined;
        if (previous !== undefined && !(options.overrides?.[kind] ?? []).includes(id)) {
          throw new PluginError(`both '${previous.plugin}' and '${p.name}' offer the ${kind} '${id}'`, {
            op: 'composePlugins',
            reason: 'clash',
            plugin: p.name,
            otherPlugin: previous.plugin,
            kind,
            piece: id,
            hint: `rename one of them, leave one plugin out, or allow the replacement with { overrides: { ${kind}: ['${id}'] } }`,
          });
        }
        records[kind][id] = guarded(p.name, kind, id, piece.factory);
        sources[kind][id] = Object.freeze({ plugin: p.name, version: p.version, ...(previous !== undefined ? { overrides: previous.plugin } : {}) });
      }
    }
  }
  const field = (k: PieceKind): Readonly<Record<string, never>> => Object.freeze(records[k]) as Readonly<Record<string, never>>;
  return Object.freeze({
    plugins: Object.freeze([...plugins]),
    losses: field('loss'),
    optimizers: field('optimizer'),
    schedules: field('schedule'),
    layers: field('layer'),
    datasets: field('dataset'),
    backends: field('backend'),
    distributions: field('distribution'),
    sources: Object.freeze(Object.fromEntries(PIECE_KINDS.map((k) => [k, Object.freeze(sources[k])]))) as PluginRegistry['sources'],
  });
}
