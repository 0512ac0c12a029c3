// Finds, imports and composes the plugins a command runs with: `--plugin` flags, then the first of
// gradlab.config.mjs, gradlab.config.json and package.json's "gradlab" field in the working folder.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { composePlugins, corePlugin, isPluginManifest, PluginError } from '@gradlab/plugin';
import type { ComposePluginsOptions, PluginManifest, PluginRegistry } from '@gradlab/plugin';
import { RunError, UsageError } from '../cli-error.ts';

/** Where a plugin was named. */
export type PluginOrigin = '--plugin' | 'gradlab.config.mjs' | 'gradlab.config.json' | 'package.json';

/** A plugin to load: what the user wrote, where, and the folder it resolves from. */
export interface PluginRequest {
  readonly specifier: string;
  readonly origin: PluginOrigin;
  readonly baseDir: string;
}

/** A loaded plugin: its manifest and where it came from. */
export interface LoadedPlugin {
  readonly manifest: PluginManifest;
  readonly specifier: string;
  readonly origin: PluginOrigin;
  /** The file that was imported. */
  readonly file: string;
}

/** The flags of a command that takes plugins (commander gives a repeatable option as an array). */
export interface PluginFlags {
  plugin?: string | readonly string[];
}

const OP = 'loadPlugins';
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isPath = (s: string): boolean => s.startsWith('./') || s.startsWith('../') || s === '.' || s === '..' || isAbsolute(s) || /^[A-Za-z]:[\\/]/.test(s) || s.startsWith('file:');

function pluginList(value: unknown, origin: PluginOrigin, baseDir: string): PluginRequest[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string' && v !== '')) {
    throw new PluginError(`the plugins of ${origin} must be a list of module names or paths`, { op: OP, reason: 'invalid-manifest', plugin: origin, arg: 'plugins', expected: '["gradlab-plugin-x", "./my-plugin.mjs"]', received: JSON.stringify(value) });
  }
  return value.map((specifier: string) => ({ specifier, origin, baseDir }));
}

/**
 * The plugins a command should load, in order: each `--plugin`, then those of the first config
 * found in `cwd`: `gradlab.config.mjs` (default export `{ plugins }`), `gradlab.config.json`
 * (`{ plugins }`), or package.json's `"gradlab": { "plugins" }`.
 * @param flags the command's flags (`plugin`: one or more specifiers)
 * @param cwd the working folder
 * @returns the requests
 * @throws PluginError when a config file is malformed
 */
export async function findPluginRequests(flags: PluginFlags, cwd: string = process.cwd()): Promise<PluginRequest[]> {
  const given = flags.plugin === undefined ? [] : typeof flags.plugin === 'string' ? [flags.plugin] : [...flags.plugin];
  const requests: PluginRequest[] = given.map((specifier) => ({ specifier, origin: '--plugin' as const, baseDir: cwd }));
  const mjs = join(cwd, 'gradlab.config.mjs');
  const json = join(cwd, 'gradlab.config.json');
  const pkg = join(cwd, 'package.json');
  if (existsSync(mjs)) {
    let config: unknown;
    try {
      config = ((await import(pathToFileURL(mjs).href)) as { default?: unknown }).default;
    } catch (e) {
      throw new PluginError(`gradlab.config.mjs could not be imported: ${firstLine(e)}`, { op: OP, reason: 'import-failed', plugin: 'gradlab.config.mjs', cause: e });
    }
    requests.push(...pluginList(isRecord(config) ? config.plugins : config, 'gradlab.config.mjs', cwd));
  } else if (existsSync(json)) {
    let config: unknown;
    try {
      config = JSON.parse(readFileSync(json, 'utf8'));
    } catch (e) {
      throw new PluginError(`gradlab.config.json is not JSON: ${firstLine(e)}`, { op: OP, reason: 'invalid-manifest', plugin: 'gradlab.config.json', cause: e });
    }
    requests.push(...pluginList(isRecord(config) ? config.plugins : config, 'gradlab.config.json', cwd));
  } else if (existsSync(pkg)) {
    let config: unknown;
    try {
      config = (JSON.parse(readFileSync(pkg, 'utf8')) as { gradlab?: unknown }).gradlab;
    } catch {
      config = undefined; // a broken package.json is not ours to report
    }
    if (isRecord(config)) requests.push(...pluginList(config.plugins, 'package.json', cwd));
  }
  return requests;
}

function firstLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n')[0] ?? '';
}

/** The file a package folder's `exports['.']` (import condition), `module` or `main` names. */
function packageEntry(dir: string, subpath = '.'): string | undefined {
  const file = join(dir, 'package.json');
  if (!existsSync(file)) return subpath === '.' && existsSync(join(dir, 'index.js')) ? join(dir, 'index.js') : undefined;
  const pkg = JSON.parse(readFileSync(file, 'utf8')) as { exports?: unknown; module?: unknown; main?: unknown };
  const pick = (target: unknown): string | undefined => {
    if (typeof target === 'string') return target;
    if (Array.isArray(target)) return target.map(pick).find((t) => t !== undefined);
    if (isRecord(target)) {
      for (const condition of ['import', 'node', 'default']) {
        const t = pick(target[condition]);
        if (t !== undefined) return t;
      }
    }
    return undefined;
  };
  let target: string | undefined;
  if (pkg.exports !== undefined) {
    const exp = pkg.exports;
    const map = isRecord(exp) && Object.keys(exp).some((k) => k.startsWith('.')) ? exp : { '.': exp };
    target = pick(map[subpath]);
  } else if (subpath === '.') {
    target = typeof pkg.module === 'string' ? pkg.module : typeof pkg.main === 'string' ? pkg.main : 'index.js';
  } else {
    target = subpath;
  }
  return target === undefined ? undefined : join(dir, target);
}

/**
 * Resolves a plugin specifier the way `import()` from `baseDir` would: a path (`./x.mjs`, `../pkg`,
 * absolute, `file:`) against `baseDir` (a folder by its package.json), a bare name (`pkg`,
 * `@scope/pkg`, `pkg/sub`) through the `node_modules` folders above `baseDir`, its `exports` honoured.
 * @returns the absolute file to import
 * @throws PluginError `not-found`
 */
export function resolvePlugin(specifier: string, baseDir: string): string {
  const notFound = (hint: string, received?: string): never => {
    throw new PluginError(`cannot find the module '${specifier}' from ${baseDir}`, { op: OP, reason: 'not-found', plugin: specifier, ...(received !== undefined ? { received } : {}), hint });
  };
  if (isPath(specifier)) {
    const path = specifier.startsWith('file:') ? new URL(specifier).pathname : resolve(baseDir, specifier);
    if (!existsSync(path)) notFound('check the path; relative paths are resolved against the working folder');
    if (statSync(path).isDirectory()) return packageEntry(path) ?? notFound('the folder has no package.json entry (exports, module or main) and no index.js', path);
    return path;
  }
  const m = /^((?:@[^/]+\/)?[^/]+)(\/.*)?$/.exec(specifier);
  if (m !== null) {
    const name = m[1] as string;
    const subpath = m[2] === undefined ? '.' : `.${m[2]}`;
    for (let dir = baseDir; ; dir = dirname(dir)) {
      const candidate = join(dir, 'node_modules', name);
      if (existsSync(join(candidate, 'package.json'))) {
        return packageEntry(candidate, subpath) ?? notFound(`the package does not export '${subpath}'`, candidate);
      }
      if (dirname(dir) === dir) break;
    }
  }
  try {
    return createRequire(join(baseDir, 'noop.js')).resolve(specifier);
  } catch {
    return notFound(`install it (npm install ${specifier}), or pass a path starting with ./`);
  }
}

/**
 * Imports one plugin module and checks that its default export is a manifest.
 * @param request what to load and from where
 * @returns the loaded plugin
 * @throws PluginError `not-found`, `import-failed`, `no-default-export` or `not-a-manifest`, naming the module
 */
export async function loadPlugin(request: PluginRequest): Promise<LoadedPlugin> {
  const { specifier } = request;
  const file = resolvePlugin(specifier, request.baseDir);
  let mod: Record<string, unknown>;
  try {
    mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  } catch (e) {
    throw new PluginError(`importing ${file} failed: ${firstLine(e)}`, { op: OP, reason: 'import-failed', plugin: specifier, cause: e });
  }
  if (!('default' in mod) || mod.default === undefined) {
    throw new PluginError('the module has no default export', { op: OP, reason: 'no-default-export', plugin: specifier, received: `exports ${Object.keys(mod).join(', ') || 'nothing'}`, hint: 'export default definePlugin({ name, version, ... })' });
  }
  if (!isPluginManifest(mod.default)) {
    throw new PluginError('its default export is not a plugin manifest', { op: OP, reason: 'not-a-manifest', plugin: specifier, expected: 'the result of definePlugin from @gradlab/plugin', received: typeof mod.default, hint: 'export default definePlugin({ name, version, ... })' });
  }
  return { manifest: mod.default, specifier, origin: request.origin, file };
}

/** Options of {@link loadPlugins}. */
export interface LoadPluginsOptions extends ComposePluginsOptions {
  /** The working folder (default `process.cwd()`). */
  cwd?: string;
}

/**
 * Finds the plugins (flags and config), imports each once, and composes them after the core
 * plugin: the registry a command resolves losses, optimizers, layers and data sets in.
 * @param flags the command's flags
 * @param options `{ cwd, overrides }`
 * @returns the loaded plugins and the composed registry
 * @throws PluginError naming the plugin (and the piece, for a clash)
 */
export async function loadPlugins(flags: PluginFlags, options: LoadPluginsOptions = {}): Promise<{ plugins: LoadedPlugin[]; registry: PluginRegistry }> {
  const cwd = options.cwd ?? process.cwd();
  const requests = await findPluginRequests(flags, cwd);
  const plugins: LoadedPlugin[] = [];
  const files = new Set<string>();
  for (const request of requests) {
    const file = resolvePlugin(request.specifier, request.baseDir);
    if (files.has(file)) continue; // named twice (a flag and the config): load it once
    files.add(file);
    plugins.push(await loadPlugin(request));
  }
  const registry = composePlugins([corePlugin, ...plugins.map((p) => p.manifest)], options.overrides === undefined ? {} : { overrides: options.overrides });
  return { plugins, registry };
}

/**
 * A {@link PluginError} as the CLI's error: a mistake in the user's set-up (a module not found, not
 * a plugin, a clash) is a UsageError (exit 2); a piece that breaks its contract, or a module that
 * throws, is a RunError (exit 1). Other errors pass through.
 * @param e the error
 * @returns the error to throw
 */
export function toCliError(e: unknown): unknown {
  if (!(e instanceof PluginError)) return e;
  const message = e.message.replace(/\. Hint: .*$/, '');
  const hint = e.hint;
  return e.reason === 'contract' || e.reason === 'import-failed' ? new RunError(message, hint) : new UsageError(message, hint);
}

/**
 * The registry for `gradlab fit`/`train`/`cv`: call it with the command's flags
 * (`{ plugin: ['./my-plugin.mjs'] }`, from a repeatable `--plugin <module>` option) and resolve
 * names in it: `lossFromSpec(name, registry.losses)`, `registry.datasets[name]`, ...
 * @param flags the command's flags
 * @param cwd the working folder (default `process.cwd()`)
 * @returns the composed registry (the built-ins alone when no plugin is named)
 * @throws UsageError or RunError with one line naming the plugin and the piece
 */
export async function pluginRegistry(flags: PluginFlags, cwd: string = process.cwd()): Promise<PluginRegistry> {
  try {
    return (await loadPlugins(flags, { cwd })).registry;
  } catch (e) {
    throw toCliError(e);
  }
}

/**
 * Commander's collector for a repeatable option: `.option('--plugin <module>', '...', collect, [])`.
 * @returns the list with `value` appended
 */
export function collect(value: string, previous: readonly string[] = []): string[] {
  return [...previous, value];
}
