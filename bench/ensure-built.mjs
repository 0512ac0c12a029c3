// The benchmarks import the packages' built output (dist/), as users do; rebuild what is stale.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function newest(dir) {
  if (!existsSync(dir)) return 0;
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/** Builds the gradlab packages the benchmarks import when their sources are newer than dist/. */
export function ensureBuilt() {
  for (const [pkg, dir, sources] of [
    ['@gradlab/core-tensor', 'packages/core-tensor', ['src']],
    ['@gradlab/backend-wasm', 'packages/backend-wasm', ['src', 'assembly']],
    // The fit suite's: models-nn imports the other three built, so they come first.
    ['@gradlab/data', 'packages/data', ['src']],
    ['@gradlab/losses', 'packages/losses', ['src']],
    ['@gradlab/optim', 'packages/optim', ['src']],
    ['@gradlab/models-nn', 'packages/models-nn', ['src']],
  ]) {
    const built = join(root, dir, 'dist', 'index.js');
    const src = Math.max(...sources.map((s) => newest(join(root, dir, s))));
    if (existsSync(built) && statSync(built).mtimeMs >= src) continue;
    console.error(`building ${pkg} (dist/ is missing or older than its sources)...`);
    // The package's own build script through npm (which ships with Node), so `node bench/run.mjs`
    // works without pnpm on PATH; npm puts the package's node_modules/.bin (tsup) on PATH.
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const r = spawnSync(npm, ['run', '--silent', 'build'], { cwd: join(root, dir), stdio: ['ignore', 2, 'inherit'], shell: process.platform === 'win32' });
    if (r.status !== 0) throw new Error(`building ${pkg} failed (${r.error?.message ?? `exit ${r.status}`})`);
  }
}
