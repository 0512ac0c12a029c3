import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lossFromSpec } from '@gradlab/losses';
import { CORE_PLUGIN_NAME, PluginError } from '@gradlab/plugin';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { RunError, UsageError } from '../src/cli-error.ts';
import { pieceRows, pluginsCommand } from '../src/commands/plugins.ts';
import { findPluginRequests, loadPlugins, pluginRegistry, resolvePlugin } from '../src/plugins/load-plugins.ts';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'gradlab-plugins-'));

/** A plugin module offering the given losses (each |p − t|^k), importing @gradlab/plugin as a user's would. */
const pluginSource = (name: string, losses: Record<string, number>): string => `
import { abs, pow, sub } from '@gradlab/core-tensor';
import { defineLoss } from '@gradlab/losses';
import { definePlugin } from '@gradlab/plugin';
export default definePlugin({
  name: ${JSON.stringify(name)},
  version: '1.0.0',
  losses: {
${Object.entries(losses).map(([id, k]) => `    ${JSON.stringify(id)}: (c) => defineLoss({ id: ${JSON.stringify(id)}, ...(c?.reduction ? { reduction: c.reduction } : {}), prediction: 'value', target: 'real', elementwise: (p, t) => pow(abs(sub(p, t)), ${k}) }),`).join('\n')}
  },
});
`;

function folder(name: string, files: Record<string, string>): string {
  const dir = join(scratch, name);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

beforeAll(() => {
  // The scratch folder is outside the workspace: link the @gradlab packages in as if installed.
  mkdirSync(join(scratch, 'node_modules/@gradlab'), { recursive: true });
  for (const p of ['core-tensor', 'losses', 'optim', 'models-nn', 'plugin', 'data', 'prob']) symlinkSync(join(repo, 'packages', p), join(scratch, 'node_modules/@gradlab', p), 'dir');
  folder('node_modules/gradlab-plugin-quartic', {
    'package.json': JSON.stringify({ name: 'gradlab-plugin-quartic', version: '1.0.0', type: 'module', exports: { '.': { import: './src/index.js' } } }),
    // Written out by hand: vitest leaves node_modules to Node itself, which cannot import the
    // workspace's TypeScript sources; the manifest format is plain data, so this is a valid plugin.
    'src/index.js': `const empty = Object.freeze({});
export default Object.freeze({
  format: 'gradlab-plugin@1', name: 'gradlab-plugin-quartic', version: '1.0.0', description: '',
  losses: Object.freeze({ quartic: Object.freeze({ factory: () => { throw new Error('not called'); }, example: {} }) }),
  optimizers: empty, schedules: empty, layers: empty, datasets: empty, backends: empty, distributions: empty,
});
`,
  });
  folder('project', {
    'cubic.mjs': pluginSource('gradlab-plugin-cubic', { cubic: 3 }),
    'cubic-too.mjs': pluginSource('gradlab-plugin-cubic-too', { cubic: 3 }),
    'hinge.mjs': pluginSource('gradlab-plugin-hinge', { hinge: 2 }),
    'named-only.mjs': 'export const plugin = {};\n',
    'not-a-manifest.mjs': "export default { name: 'x', losses: {} };\n",
    'broken.mjs': 'export default definePlugin({ name: ;\n',
  });
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function refusal(p: Promise<unknown>): Promise<PluginError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(PluginError);
  return e as PluginError;
}

describe('loadPlugins', () => {
  it('loads a --plugin path from a folder outside the workspace and composes it after the built-ins', async () => {
    const cwd = join(scratch, 'project');
    const { plugins, registry } = await loadPlugins({ plugin: ['./cubic.mjs'] }, { cwd });
    expect(plugins.map((p) => [p.manifest.name, p.origin])).toEqual([['gradlab-plugin-cubic', '--plugin']]);
    expect(lossFromSpec('cubic', registry.losses).id).toBe('cubic');
    const rows = pieceRows(registry);
    expect(rows).toContainEqual({ kind: 'loss', id: 'cubic', plugin: 'gradlab-plugin-cubic', version: '1.0.0' });
    expect(rows.find((r) => r.id === 'hinge')?.plugin).toBe(CORE_PLUGIN_NAME);
  });

  it('finds plugins in gradlab.config.json, gradlab.config.mjs and package.json, bare names through node_modules', async () => {
    const json = folder('with-json', { 'gradlab.config.json': JSON.stringify({ plugins: ['gradlab-plugin-quartic', '../project/cubic.mjs'] }) });
    const a = await loadPlugins({}, { cwd: json });
    expect(a.plugins.map((p) => [p.manifest.name, p.origin])).toEqual([
      ['gradlab-plugin-quartic', 'gradlab.config.json'],
      ['gradlab-plugin-cubic', 'gradlab.config.json'],
    ]);
    expect(a.registry.sources.loss.quartic?.plugin).toBe('gradlab-plugin-quartic');
    const mjs = folder('with-mjs', { 'gradlab.config.mjs': "export default { plugins: ['gradlab-plugin-quartic'] };\n" });
    expect((await loadPlugins({}, { cwd: mjs })).plugins[0]?.origin).toBe('gradlab.config.mjs');
    const pkg = folder('with-pkg', { 'package.json': JSON.stringify({ name: 'x', gradlab: { plugins: ['gradlab-plugin-quartic'] } }) });
    expect(await findPluginRequests({ plugin: './a.mjs' }, pkg)).toEqual([
      { specifier: './a.mjs', origin: '--plugin', baseDir: pkg },
      { specifier: 'gradlab-plugin-quartic', origin: 'package.json', baseDir: pkg },
    ]);
    // Named by a flag and by the config: loaded once.
    expect((await loadPlugins({ plugin: ['gradlab-plugin-quartic'] }, { cwd: pkg })).plugins).toHaveLength(1);
    expect(resolvePlugin('gradlab-plugin-quartic', pkg)).toBe(join(scratch, 'node_modules/gradlab-plugin-quartic/src/index.js'));
  });

  it('names the module when it is missing, has no default export, is not a manifest, or fails to import', async () => {
    const cwd = join(scratch, 'project');
    const missing = await refusal(loadPlugins({ plugin: ['gradlab-plugin-nowhere'] }, { cwd }));
    expect(missing).toMatchObject({ reason: 'not-found', plugin: 'gradlab-plugin-nowhere' });
    expect(missing.message).toContain("plugin 'gradlab-plugin-nowhere': cannot find the module 'gradlab-plugin-nowhere'");
    expect(missing.message).toContain('npm install gradlab-plugin-nowhere');
    expect((await refusal(loadPlugins({ plugin: ['./nope.mjs'] }, { cwd }))).reason).toBe('not-found');
    const named = await refusal(loadPlugins({ plugin: ['./named-only.mjs'] }, { cwd }));
    expect(named.reason).toBe('no-default-export');
    expect(named.message).toContain('exports plugin');
    expect((await refusal(loadPlugins({ plugin: ['./not-a-manifest.mjs'] }, { cwd }))).message).toContain("plugin './not-a-manifest.mjs': its default export is not a plugin manifest");
    expect((await refusal(loadPlugins({ plugin: ['./broken.mjs'] }, { cwd }))).reason).toBe('import-failed');
    const badConfig = folder('bad-config', { 'gradlab.config.json': JSON.stringify({ plugins: 'gradlab-plugin-quartic' }) });
    expect((await refusal(loadPlugins({}, { cwd: badConfig }))).message).toContain('must be a list of module names or paths');
  });

  it('refuses a clash between two plugins, or with a built-in, naming both plugins and the piece', async () => {
    const cwd = join(scratch, 'project');
    const clash = await refusal(loadPlugins({ plugin: ['./cubic.mjs', './cubic-too.mjs'] }, { cwd }));
    expect(clash).toMatchObject({ reason: 'clash', plugin: 'gradlab-plugin-cubic-too', otherPlugin: 'gradlab-plugin-cubic', kind: 'loss', piece: 'cubic' });
    const shadow = await refusal(loadPlugins({ plugin: ['./hinge.mjs'] }, { cwd }));
    expect(shadow.message).toContain(`both '${CORE_PLUGIN_NAME}' and 'gradlab-plugin-hinge' offer the loss 'hinge'`);
    const allowed = await loadPlugins({ plugin: ['./hinge.mjs'] }, { cwd, overrides: { loss: ['hinge'] } });
    expect(allowed.registry.sources.loss.hinge).toMatchObject({ plugin: 'gradlab-plugin-hinge', overrides: CORE_PLUGIN_NAME });
  });

  it('pluginRegistry, for fit/train/cv, turns the errors into the CLI errors', async () => {
    const cwd = join(scratch, 'project');
    expect(Object.keys((await pluginRegistry({}, cwd)).losses)).toContain('hinge');
    await expect(pluginRegistry({ plugin: ['./nope.mjs'] }, cwd)).rejects.toBeInstanceOf(UsageError);
    await expect(pluginRegistry({ plugin: ['./broken.mjs'] }, cwd)).rejects.toBeInstanceOf(RunError);
    const e = (await pluginRegistry({ plugin: ['./cubic.mjs', './cubic-too.mjs'] }, cwd).catch((err: unknown) => err)) as UsageError;
    expect(e.message).not.toContain('\n');
    expect(e.hint).toContain("overrides: { loss: ['cubic'] }");
  });
});

describe('gradlab plugins', () => {
  let out = '';
  let err = '';
  beforeAll(() => {
    vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
    vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
  });
  afterEach(() => {
    out = '';
    err = '';
    process.exitCode = undefined;
  });
  afterAll(() => vi.restoreAllMocks());
  const run = (...args: string[]) => pluginsCommand().exitOverride().parseAsync(args, { from: 'user' });

  it('list --json: every piece, its kind and its plugin', async () => {
    await run('list', '--plugin', join(scratch, 'project/cubic.mjs'), '--json');
    const rows = JSON.parse(out) as { kind: string; id: string; plugin: string }[];
    expect(rows).toContainEqual({ kind: 'loss', id: 'cubic', plugin: 'gradlab-plugin-cubic', version: '1.0.0' });
    expect(rows.filter((r) => r.kind === 'backend')).toEqual([{ kind: 'backend', id: 'js', plugin: CORE_PLUGIN_NAME, version: '0.1.0' }]);
    expect(process.exitCode).toBeUndefined();
  });

  it('check: the table of the example plugin, exit code 0; a failing piece gives exit code 1', async () => {
    await run('check', join(repo, 'examples/plugin-focal-loss-lion'));
    expect(out).toMatch(/✓\s+loss\s+focal\s+\d+ checks passed/);
    expect(out).toMatch(/✓\s+optimizer\s+lion/);
    expect(out).toContain('gradlab-plugin-focal-loss-lion: 3 of 3 pieces pass');
    expect(process.exitCode).toBeUndefined();
    out = '';
    const bad = folder('bad-plugin', {
      'index.mjs': `import { definePlugin } from '@gradlab/plugin';
import { gd } from '@gradlab/optim';
export default definePlugin({ name: 'bad', version: '1.0.0', optimizers: { ascent: { factory: (c) => ({ ...gd({ lr: c.lr }), id: 'ascent', step: (p, g, s) => gd({ lr: c.lr }).step(p, g, s) }), example: { lr: 0.5 } } } });
`,
    });
    await run('check', join(bad, 'index.mjs'), '--json');
    const report = JSON.parse(out) as { plugin: string; rows: { passed: boolean }[] };
    expect(report.plugin).toBe('bad');
    expect(process.exitCode).toBe(report.rows.every((r) => r.passed) ? undefined : 1);
  });

  it('check: a module that is not a plugin is one line on stderr and exit code 2', async () => {
    await run('check', join(scratch, 'project/named-only.mjs'));
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).toContain('gradlab plugins check:');
    expect(err).toContain('the module has no default export');
    expect(process.exitCode).toBe(2);
  });

  it('init: lays out a plugin package', async () => {
    const dir = join(scratch, 'made');
    await run('init', 'gradlab-plugin-made', '--dir', dir);
    expect(readdirSync(join(dir, 'src')).sort()).toEqual(['cubic.js', 'feature-bias.js', 'index.js', 'sign-sgd.js']);
    expect(out).toContain(`created ${dir}`);
    await run('init', 'Bad Name', '--dir', join(scratch, 'x'));
    expect(process.exitCode).toBe(2);
  });
});
