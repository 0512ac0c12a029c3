import { rng as makeRng } from '@gradlab/core-tensor';
import { checkBackend } from '@gradlab/core-tensor/testing';
import { checkLoss } from '@gradlab/losses/testing';
import { layerFromConfig, manualSeed } from '@gradlab/models-nn';
import type { LayerConfig, LayerFactory, Module } from '@gradlab/models-nn';
import { checkLayer } from '@gradlab/models-nn/testing';
import { checkOptimizer } from '@gradlab/optim/testing';
import { checkDistribution } from '@gradlab/prob/testing';
import { isPluginManifest } from '../is-plugin-manifest.ts';
import { PluginError } from '../plugin-error.ts';
import type { LayerExample, PieceKind, PluginManifest } from '../plugin-manifest.ts';
import { PIECE_FIELDS, PIECE_KINDS } from '../plugin-manifest.ts';
import { checkDataset } from './check-dataset.ts';
import { checkSchedule } from './check-schedule.ts';

/** One row of {@link checkPlugin}: a piece, the checks it passed, and the first failure. */
export interface PluginCheckRow {
  readonly kind: PieceKind;
  readonly id: string;
  /** The checks that passed, in order. */
  readonly checks: string[];
  readonly passed: boolean;
  /** The first failure, with its numbers (absent when `passed`). */
  readonly error?: string;
}

/** Options of {@link checkPlugin}. */
export interface CheckPluginOptions {
  /** Check only these kinds (default: all). */
  kinds?: readonly PieceKind[];
  /** Check only these ids (default: all). */
  ids?: readonly string[];
  /** Samples drawn per distribution example (default 20 000; the bands scale with it). */
  distributionSamples?: number;
}

type Check = () => string[];

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** The layer maker `checkLayer` needs: reseeds the models-nn default generator from `rng`, then calls the factory. */
function layerMaker(factory: LayerFactory, example: LayerExample, layers: Readonly<Record<string, LayerFactory>>) {
  return ({ rng, dtype }: { rng: { integer(n: number): number }; dtype: 'float32' | 'float64' }): Module => {
    manualSeed(rng.integer(2 ** 31));
    const build = (c: LayerConfig): Module => layerFromConfig(c, { layers, dtype });
    return factory(example.config, { dtype, build });
  };
}

/** The checker of each kind, as a list of passed checks (it throws on the first failure). */
function checkerOf(plugin: PluginManifest, kind: PieceKind, id: string, options: CheckPluginOptions): Check {
  switch (kind) {
    case 'loss': {
      const { factory, example } = plugin.losses[id]!;
      return () => {
        const loss = factory(example);
        const checks = checkLoss(loss).checks;
        if (loss.id !== id) throw new Error(`loss '${id}': its id is '${loss.id}', so lossFromSpec cannot find it again`);
        if (factory(loss.config).id !== id) throw new Error(`loss '${id}': rebuilt from its config it has another id`);
        return [...checks, 'id is its key', 'rebuilds from its config'];
      };
    }
    case 'optimizer': {
      const { factory, example } = plugin.optimizers[id]!;
      return () => {
        const opt = factory(example);
        const report = checkOptimizer(opt);
        if (opt.id !== id) throw new Error(`optimizer '${id}': its id is '${opt.id}', so optimizerFromSpec cannot find it again`);
        if (JSON.stringify(factory(opt.config).config) !== JSON.stringify(opt.config)) throw new Error(`optimizer '${id}': rebuilt from its config it has config ${JSON.stringify(factory(opt.config).config)}, not ${JSON.stringify(opt.config)}`);
        return [...report.checks, `descends (${report.descent.before.toPrecision(4)} → ${report.descent.after.toPrecision(4)})`, 'id is its key', 'rebuilds from its config'];
      };
    }
    case 'schedule': {
      const { factory, example } = plugin.schedules[id]!;
      return () => checkSchedule(factory(example)).checks;
    }
    case 'layer': {
      const { factory, example } = plugin.layers[id]!;
      const layers = Object.fromEntries(Object.entries(plugin.layers).map(([k, p]) => [k, p.factory]));
      return () => {
        const report = checkLayer(layerMaker(factory, example, layers), {
          inputShape: example.inputShape,
          ...(example.outputShape !== undefined ? { outputShape: example.outputShape } : {}),
          ...(example.vocabSize !== undefined ? { vocabSize: example.vocabSize } : {}),
        });
        if (report.kind !== id) throw new Error(`layer '${id}': the module's kind is '${report.kind}', so layerFromConfig cannot rebuild it`);
        return [...report.checks, 'kind is its key'];
      };
    }
    case 'dataset': {
      const { factory } = plugin.datasets[id]!;
      return () => checkDataset(id, factory()).checks;
    }
    case 'backend': {
      const { factory } = plugin.backends[id]!;
      return () => {
        const report = checkBackend(factory());
        if (!report.passed) throw new Error(`backend '${id}' fails ${report.failures.length} of ${report.cases} kernel cases; first: ${report.failures[0] ?? '?'}`);
        return [`${report.cases} kernel cases`];
      };
    }
    case 'distribution': {
      const { factory, example } = plugin.distributions[id]!;
      return () => {
        const checks: string[] = [];
        example.forEach((params, k) => {
          const d = (factory as (...p: readonly unknown[]) => Parameters<typeof checkDistribution>[0])(...params);
          const report = checkDistribution(d, { rng: makeRng(k), n: options.distributionSamples ?? 20_000 });
          const at = `${String(d)}`;
          if (!report.passed) throw new Error(`distribution '${id}' at ${at} fails: ${report.failures[0] ?? '?'}`);
          checks.push(...report.checks.map((c) => `${at}: ${c.name}`));
        });
        return checks;
      };
    }
  }
}

/**
 * Runs the conformance checker of its contract on every piece of a plugin: `checkLoss`,
 * `checkOptimizer`, the schedule checks (`checkSchedule`, with `checkRobbinsMonro`'s verdict),
 * `checkLayer`, the data-set checks (`checkDataset`), `checkBackend`, and `checkDistribution` at
 * each example's parameters; plus that each piece's id is its key and that it rebuilds from its
 * config. A failing piece gives a row with `passed: false` and the first failure, never a throw.
 *
 * Layers are built from their example config with the models-nn default generator reseeded by
 * `manualSeed` (so a check run changes that generator's state).
 *
 * @param plugin a manifest from `definePlugin`
 * @param options `{ kinds, ids, distributionSamples = 20000 }`
 * @returns one row per piece, in kind order: `{ kind, id, checks, passed, error? }`
 * @throws PluginError (`not-a-manifest`) when `plugin` is not a manifest
 * @example
 * ```ts
 * import { checkPlugin } from '@gradlab/plugin/testing';
 * const rows = checkPlugin(myPlugin);
 * expect(rows.filter((r) => !r.passed)).toEqual([]);
 * ```
 */
export function checkPlugin(plugin: PluginManifest, options: CheckPluginOptions = {}): PluginCheckRow[] {
  if (!isPluginManifest(plugin)) {
    throw new PluginError('not a plugin manifest', { op: 'checkPlugin', reason: 'not-a-manifest', plugin: '?', arg: 'plugin', expected: 'the result of definePlugin', received: typeof plugin });
  }
  const rows: PluginCheckRow[] = [];
  for (const kind of options.kinds ?? PIECE_KINDS) {
    for (const id of Object.keys(plugin[PIECE_FIELDS[kind]])) {
      if (options.ids !== undefined && !options.ids.includes(id)) continue;
      try {
        rows.push({ kind, id, checks: checkerOf(plugin, kind, id, options)(), passed: true });
      } catch (e) {
        rows.push({ kind, id, checks: [], passed: false, error: message(e) });
      }
    }
  }
  return rows;
}
