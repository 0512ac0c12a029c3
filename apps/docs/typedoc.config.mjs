// @ts-check
// The API reference covers every public entry point of every library: read from each package's
// `exports` map (its `source` condition), so a new package or subpath shows up without editing this.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';

const packagesDir = new URL('../../packages/', import.meta.url).pathname;

/**
 * The module name TypeDoc gives an entry file (its path from packages/, without `.ts` and
 * `/index`), mapped to the specifier users import (`@gradlab/core-tensor/testing`).
 * @type {Map<string, string>}
 */
export const moduleNames = new Map();

/** @returns {string[]} */
function entryPoints() {
  const out = [];
  for (const name of readdirSync(packagesDir).sort()) {
    const file = join(packagesDir, name, 'package.json');
    if (!existsSync(file)) continue;
    const pkg = JSON.parse(readFileSync(file, 'utf8'));
    if (pkg.private) continue;
    for (const [subpath, target] of Object.entries(pkg.exports ?? {})) {
      if (target && typeof target === 'object' && typeof target.source === 'string') {
        const file = join(packagesDir, name, target.source);
        out.push(file);
        const typedocName = relative(packagesDir, file).replace(/\.ts$/, '').replace(/\/index$/, '');
        moduleNames.set(typedocName, pkg.name + subpath.slice(1));
      }
    }
  }
  return out;
}

/** @type {Partial<import('typedoc').TypeDocOptions> & Record<string, unknown>} */
const config = {
  plugin: ['typedoc-plugin-markdown', 'typedoc-vitepress-theme', './typedoc-module-names.mjs'],
  // typedoc-vitepress-theme: links without `.md`, and docs/api/typedoc-sidebar.json for config.mts.
  docsRoot: './docs',
  sidebar: { pretty: true, collapsed: true },
  entryPoints: entryPoints(),
  tsconfig: './tsconfig.typedoc.json',
  out: 'docs/api',
  readme: 'none',
  entryFileName: 'index.md',
  name: 'API reference',
  hidePageHeader: true,
  hideBreadcrumbs: true,
  excludePrivate: true,
  excludeInternal: true,
  logLevel: 'Warn',
  disableSources: true,
  githubPages: false,
};

export default config;
