import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { GRADLAB_VERSION, pluginTemplate } from '../template/index.js';
import { isPluginManifest } from '../src/is-plugin-manifest.ts';
import type { PluginManifest } from '../src/plugin-manifest.ts';
import { checkPlugin } from '../src/testing/check-plugin.ts';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'gradlab-new-plugin-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function newPlugin(...args: string[]) {
  return spawnSync(process.execPath, [join(repo, 'scripts/new-plugin.mjs'), ...args], { cwd: scratch, encoding: 'utf8', env: { ...process.env, INIT_CWD: scratch } });
}

const walk = (dir: string, prefix = ''): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`]));

describe('npm run new-plugin', () => {
  it('scaffolds a package outside the repository: a loss, an optimizer, a layer, their tests and checkPlugin under npm test', () => {
    const r = newPlugin('@me/gradlab-plugin-demo', '--dir', 'demo');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const dir = join(scratch, 'demo');
    expect(walk(dir).sort()).toEqual(
      ['.gitignore', 'README.md', 'package.json', 'src/cubic.js', 'src/feature-bias.js', 'src/index.js', 'src/sign-sgd.js', 'test/cubic.test.js', 'test/feature-bias.test.js', 'test/plugin.test.js', 'test/sign-sgd.test.js'].sort(),
    );
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name: string; type: string; scripts: { test: string }; peerDependencies: Record<string, string>; devDependencies: Record<string, string> };
    expect(pkg.name).toBe('@me/gradlab-plugin-demo');
    expect(pkg.type).toBe('module');
    expect(pkg.scripts.test).toBe('vitest run');
    expect(pkg.peerDependencies['@gradlab/plugin']).toBe(`^${GRADLAB_VERSION}`);
    expect(Object.values(pkg.devDependencies).some((v) => v.startsWith('workspace:'))).toBe(false);
    expect(readFileSync(join(dir, 'test/plugin.test.js'), 'utf8')).toContain('checkPlugin(plugin)');
    for (const file of walk(dir).filter((f) => f.endsWith('.js'))) {
      const check = spawnSync(process.execPath, ['--check', join(dir, file)], { encoding: 'utf8' });
      expect(check.stderr, file).toBe('');
      expect(check.status, file).toBe(0);
    }
  });

  it('defaults the folder to the name without its scope, and refuses a bad name or a folder with files', () => {
    expect(newPlugin('gradlab-plugin-other').status).toBe(0);
    expect(readdirSync(join(scratch, 'gradlab-plugin-other'))).toContain('package.json');
    const again = newPlugin('gradlab-plugin-other');
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('already exists and is not empty');
    const usage = newPlugin('--dir', 'x');
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('usage: npm run new-plugin -- <name> [--dir <path>]');
    const upper = newPlugin('Not A Name');
    expect(upper.status).toBe(1);
    expect(upper.stderr).toContain('is not a valid npm package name');
  });

  it("asks for this package's own version of the @gradlab packages", () => {
    const own = JSON.parse(readFileSync(join(repo, 'packages/plugin/package.json'), 'utf8')) as { version: string };
    expect(GRADLAB_VERSION).toBe(own.version);
  });

  it('generates a plugin whose every piece passes checkPlugin', async () => {
    // Link the workspace packages in as if installed, then import the generated module.
    const dir = join(scratch, 'linked');
    for (const [path, content] of Object.entries(pluginTemplate({ name: 'gradlab-plugin-linked' }))) {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), content);
    }
    mkdirSync(join(dir, 'node_modules/@gradlab'), { recursive: true });
    for (const p of ['core-tensor', 'losses', 'optim', 'models-nn', 'plugin', 'data', 'prob']) symlinkSync(join(repo, 'packages', p), join(dir, 'node_modules/@gradlab', p), 'dir');
    const mod = (await import(pathToFileURL(join(dir, 'src/index.js')).href)) as { default: PluginManifest };
    expect(isPluginManifest(mod.default)).toBe(true);
    const rows = checkPlugin(mod.default);
    expect(rows.map((r) => [`${r.kind}:${r.id}`, r.passed, r.error])).toEqual([
      ['loss:cubic', true, undefined],
      ['optimizer:sign-sgd', true, undefined],
      ['layer:feature-bias', true, undefined],
    ]);
  });
});
