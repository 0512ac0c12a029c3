import { resolve } from 'node:path';
import { Command } from 'commander';
import { PIECE_FIELDS, PIECE_KINDS } from '@gradlab/plugin';
import type { PieceKind, PluginRegistry } from '@gradlab/plugin';
import { pluginFolderName, writePluginTemplate } from '@gradlab/plugin/template';
import { checkPlugin } from '@gradlab/plugin/testing';
import type { PluginCheckRow } from '@gradlab/plugin/testing';
import { RunError, UsageError } from '../cli-error.ts';
import { collect, loadPlugin, loadPlugins, toCliError } from '../plugins/load-plugins.ts';
import { guard } from '../report-error.ts';

const printOut = (text: string): void => {
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
};

/** One row of `gradlab plugins list`. */
export interface PieceRow {
  kind: PieceKind;
  id: string;
  plugin: string;
  version: string;
  overrides?: string;
}

/**
 * Every piece of a registry, in kind order: its kind, id and the plugin it came from.
 * @param registry from `loadPlugins` or `composePlugins`
 * @returns the rows
 */
export function pieceRows(registry: PluginRegistry): PieceRow[] {
  return PIECE_KINDS.flatMap((kind) =>
    Object.keys(registry[PIECE_FIELDS[kind]]).map((id) => {
      const s = registry.sources[kind][id];
      return { kind, id, plugin: s?.plugin ?? '?', version: s?.version ?? '?', ...(s?.overrides !== undefined ? { overrides: s.overrides } : {}) };
    }),
  );
}

function table(rows: readonly (readonly string[])[]): string {
  const widths = rows.reduce<number[]>((w, r) => r.map((c, i) => Math.max(w[i] ?? 0, c.length)), []);
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i] ?? 0))).join('  ').trimEnd()).join('\n');
}

/**
 * The text of `gradlab plugins list`: one line per piece.
 * @param rows from {@link pieceRows}
 * @returns the table
 */
export function formatPieces(rows: readonly PieceRow[]): string {
  return table([['KIND', 'ID', 'PLUGIN'], ...rows.map((r) => [r.kind, r.id, `${r.plugin}@${r.version}${r.overrides !== undefined ? ` (replaces ${r.overrides})` : ''}`])]);
}

/**
 * The text of `gradlab plugins check`: one line per piece, ✓ with its number of checks or ✗ with
 * the first failure, and a summary line.
 * @param name the plugin's name
 * @param rows from `checkPlugin`
 * @returns the report
 */
export function formatCheck(name: string, rows: readonly PluginCheckRow[]): string {
  const lines = table(rows.map((r) => [r.passed ? '✓' : '✗', r.kind, r.id, r.passed ? `${r.checks.length} checks passed` : (r.error ?? 'failed')]));
  const failed = rows.filter((r) => !r.passed).length;
  return `${lines}\n${name}: ${rows.length - failed} of ${rows.length} pieces pass${failed > 0 ? `, ${failed} fail` : ''}`;
}

interface ListFlags {
  plugin?: string[];
  json?: boolean;
}

async function list(flags: ListFlags): Promise<void> {
  let registry: PluginRegistry;
  try {
    ({ registry } = await loadPlugins(flags));
  } catch (e) {
    throw toCliError(e);
  }
  const rows = pieceRows(registry);
  printOut(flags.json === true ? JSON.stringify(rows, null, 2) : formatPieces(rows));
}

async function check(specifier: string, flags: { json?: boolean }): Promise<void> {
  let loaded;
  try {
    loaded = await loadPlugin({ specifier, origin: '--plugin', baseDir: process.cwd() });
  } catch (e) {
    throw toCliError(e);
  }
  const rows = checkPlugin(loaded.manifest);
  printOut(flags.json === true ? JSON.stringify({ plugin: loaded.manifest.name, version: loaded.manifest.version, rows }, null, 2) : formatCheck(loaded.manifest.name, rows));
  if (rows.some((r) => !r.passed)) process.exitCode = 1;
}

function init(name: string, flags: { dir?: string }): void {
  let folder: string;
  try {
    folder = pluginFolderName(name);
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e), 'a plugin name is an npm package name, e.g. gradlab-plugin-focal');
  }
  const dir = resolve(process.cwd(), flags.dir ?? folder);
  let files: string[];
  try {
    files = writePluginTemplate(dir, { name });
  } catch (e) {
    throw new RunError(e instanceof Error ? e.message : String(e));
  }
  printOut(`created ${dir}\n${files.map((f) => `  ${f}`).join('\n')}\nnext: cd ${dir} && npm install && npm test`);
}

/**
 * `gradlab plugins`: list the pieces the CLI knows and where they came from, check a plugin
 * against every contract, or lay out a new one.
 * @returns the command
 */
export function pluginsCommand(): Command {
  const plugins = new Command('plugins').description('list, check and create plugins: losses, optimizers, schedules, layers, data sets, backends and distributions');
  plugins
    .command('list')
    .description('every piece (built-in or from a plugin), its kind and the plugin it came from')
    .option('--plugin <module>', 'load this plugin too (a package name or a path; repeatable)', collect, [])
    .option('--json', 'print JSON')
    .action(guard('plugins list', list));
  plugins
    .command('check')
    .description("run every piece's conformance checker; exit code 1 when one fails")
    .argument('<module>', 'the plugin: a package name or a path (./my-plugin.mjs, ./packages/my-plugin)')
    .option('--json', 'print JSON')
    .action(guard('plugins check', check));
  plugins
    .command('init')
    .description('lay out a new plugin package with a loss, an optimizer, a layer and their tests')
    .argument('<name>', 'its npm package name, e.g. gradlab-plugin-focal')
    .option('--dir <path>', 'the folder to create (default: ./<name without scope>)')
    .action(guard('plugins init', init));
  return plugins;
}
