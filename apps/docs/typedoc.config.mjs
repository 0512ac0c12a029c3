// @ts-check
// The API reference covers every public entry point of every library: read from each package's
// `exports` map (its `source` condition), so a new package or subpath shows up without editing this.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const packagesDir = new URL('../../packages/', import.meta.url).pathname;

/** @returns {string[]} */
function entryPoints() {
  const out = [];
  for (const name of readdirSync(packagesDir).sort()) {
    const file = join(packagesDir, name, 'package.json');
    if (!existsSync(file)) continue;
    const pkg = JSON.parse(readFileSync(file, 'utf8'));
    if (pkg.private) continue;
    for (const target of Object.values(pkg.exports ?? {})) {
      if (target && typeof target === 'object' && typeof target.source === 'string') {
        out.push(join(packagesDir, name, target.source));
      }
    }
  }
  return out;
}

/** @type {Partial<import('typedoc').TypeDocOptions> & Record<string, unknown>} */
const config = {
  plugin: ['typedoc-plugin-markdown'],
  entryPoints: entryPoints(),
  tsconfig: './tsconfig.typedoc.json',
  out: 'docs/api',
  readme: 'none',
  entryFileName: 'index.md',
  hidePageHeader: true,
  hideBreadcrumbs: true,
  excludePrivate: true,
  excludeInternal: true,
  logLevel: 'Warn',
  disableSources: true,
  githubPages: false,
};

export default config;
