#!/usr/bin/env node
// The commands of the README. On a machine with only Node 20 and npm:
//   npm start            -> pinned pnpm, frozen install, build, `gradlab tour` on built-in data
//   npm test             -> the same set-up, then lint, typecheck, every package's tests, the CLI tests,
//                           the docs site's browser test, the release check and the consumer check
//                           (scripts/checks/); ends with one `N passed, N failed` line.
//   npm run pack         -> build, then one tarball per public package into packs/
//   npm run gradlab -- … -> the CLI from this checkout (installs and builds first when needed)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const PNPM_VERSION = '12.4.2';
const root = new URL('..', import.meta.url).pathname;
const env = {
  ...process.env,
  TURBO_TELEMETRY_DISABLED: '1',
  DO_NOT_TRACK: '1',
  NO_COLOR: '1',
  FORCE_COLOR: '0',
  NO_UPDATE_NOTIFIER: '1',
};

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: root, env, stdio: 'inherit', ...opts });
  if (r.error) throw r.error;
  return r.status ?? 1;
}

function must(cmd, args, what) {
  const status = run(cmd, args);
  if (status !== 0) {
    console.error(`\n[gradlab] ${what} failed (exit ${status}): ${cmd} ${args.join(' ')}`);
    process.exit(status);
  }
}

/** The pinned pnpm: the one on PATH when it is exactly the pinned version, else fetched through npm. */
function pnpm() {
  const found = spawnSync('pnpm', ['--version'], { encoding: 'utf8', env });
  if (found.status === 0 && found.stdout.trim() === PNPM_VERSION) return ['pnpm', []];
  return ['npm', ['exec', '--yes', `--package=pnpm@${PNPM_VERSION}`, '--', 'pnpm']];
}

function ensureChromium() {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (existsSync(path)) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (process.platform === 'linux' && isRoot && spawnSync('which', ['apt-get']).status === 0) {
    console.log('[gradlab] installing Debian chromium for the browser test');
    must('apt-get', ['update', '-qq'], 'apt-get update');
    must('apt-get', ['install', '-y', '-qq', 'chromium'], 'apt-get install chromium');
    return;
  }
  console.error(`[gradlab] the docs browser test needs Chromium at ${path}: install Debian's chromium or set CHROMIUM_PATH.`);
  process.exit(1);
}

/** The packages that are published (not private): their folders and names. */
function publicPackages() {
  const found = [];
  for (const group of ['packages', 'apps']) {
    for (const name of readdirSync(join(root, group))) {
      const file = join(root, group, name, 'package.json');
      if (!existsSync(file)) continue;
      const pkg = JSON.parse(readFileSync(file, 'utf8'));
      if (pkg.private !== true) found.push({ dir: join(group, name), name: pkg.name });
    }
  }
  return found.sort((a, b) => a.dir.localeCompare(b.dir));
}

/** Writes one tarball per public package into packs/ (the packages must be built), in one pnpm call. */
function pack(pm, pmArgs) {
  const dest = join(root, 'packs');
  rmSync(dest, { recursive: true, force: true });
  mkdirSync(dest, { recursive: true });
  const filters = publicPackages().flatMap((p) => ['--filter', p.name]);
  const r = spawnSync(pm, [...pmArgs, '-r', ...filters, 'pack', '--pack-destination', dest], { cwd: root, env, encoding: 'utf8' });
  if (r.status !== 0) {
    process.stderr.write(r.stdout + r.stderr);
    console.error(`\n[gradlab] pack failed (exit ${r.status})`);
    process.exit(r.status ?? 1);
  }
  return dest;
}

function summarize() {
  const totals = { passed: 0, failed: 0, skipped: 0 };
  const rows = [];
  for (const group of ['packages', 'apps', 'tooling', 'examples']) {
    for (const name of readdirSync(join(root, group))) {
      const file = join(root, group, name, '.vitest-summary.json');
      if (!existsSync(file)) continue;
      const s = JSON.parse(readFileSync(file, 'utf8'));
      rows.push(`  ${`${group}/${name}`.padEnd(28)} ${s.passed} passed, ${s.failed} failed, ${s.skipped} skipped`);
      totals.passed += s.passed;
      totals.failed += s.failed;
      totals.skipped += s.skipped;
    }
  }
  for (const check of checks) {
    rows.push(`  ${check.name.padEnd(28)} ${check.passed} passed, ${check.failed} failed, 0 skipped`);
    totals.passed += check.passed;
    totals.failed += check.failed;
  }
  console.log('\n[gradlab] test summary');
  for (const row of rows) console.log(row);
  return totals;
}

/** The results of the scripts in scripts/checks/, for the summary. */
const checks = [];

/** Runs one script of scripts/checks/; it ends with an `N passed, N failed` line. */
function runCheck(file, args = []) {
  const r = spawnSync(process.execPath, [join(root, 'scripts/checks', file), ...args], { cwd: root, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  process.stdout.write(r.stdout ?? '');
  const m = /(\d+) passed, (\d+) failed/.exec(r.stdout ?? '');
  const passed = m === null ? 0 : Number(m[1]);
  const failed = m === null ? 1 : Number(m[2]) + (r.status === 0 ? 0 : Number(m[2]) === 0 ? 1 : 0);
  checks.push({ name: `scripts/checks/${file.replace(/\.mjs$/, '')}`, passed, failed });
  return r.status === 0;
}

const mode = process.argv[2];
const [pm, pmArgs] = pnpm();

if (mode === 'gradlab') {
  // Quick path for `npm run gradlab -- <args>`: install and build only what is missing.
  const bin = join(root, 'apps/cli/dist/index.js');
  if (!existsSync(join(root, 'node_modules/.modules.yaml'))) must(pm, [...pmArgs, 'install', '--frozen-lockfile', '--reporter=silent'], 'install');
  const built = existsSync(bin) && publicPackages().every((p) => existsSync(join(root, p.dir, 'dist')));
  if (!built) {
    console.error('[gradlab] building the CLI and the packages it uses (once)');
    const status = run(pm, [...pmArgs, 'exec', 'turbo', 'run', 'build', '--filter=@gradlab/cli...', '--output-logs=errors-only'], { stdio: ['ignore', 'ignore', 'inherit'] });
    if (status !== 0) process.exit(status);
  }
  process.exit(run('node', [bin, ...process.argv.slice(3)]));
}

must(pm, [...pmArgs, 'install', '--frozen-lockfile', '--reporter=append-only'], 'install');

if (mode === 'pack') {
  must(pm, [...pmArgs, 'exec', 'turbo', 'run', 'build', ...publicPackages().map((p) => `--filter=${p.name}`), '--output-logs=errors-only'], 'build');
  const dest = pack(pm, pmArgs);
  console.log(`[gradlab] wrote ${readdirSync(dest).length} tarballs to ${dest}`);
} else if (mode === 'start') {
  must(pm, [...pmArgs, 'exec', 'turbo', 'run', 'build', '--filter=@gradlab/cli...', '--output-logs=errors-only'], 'build');
  must('node', ['apps/cli/dist/index.js', 'tour'], 'gradlab tour');
} else if (mode === 'test') {
  ensureChromium();
  const status = run(pm, [...pmArgs, 'exec', 'turbo', 'run', 'build', 'lint', 'typecheck', 'test', '--concurrency=3', '--continue', '--output-logs=new-only']);
  runCheck('release-check.mjs');
  // The consumer check needs every public package built; a failing test elsewhere does not stop it.
  if (publicPackages().every((p) => existsSync(join(root, p.dir, 'dist')))) {
    const dest = pack(pm, pmArgs);
    runCheck('consumer-check.mjs', [dest]);
  } else checks.push({ name: 'scripts/checks/consumer-check', passed: 0, failed: 1 });
  const totals = summarize();
  const failed = totals.failed + (status === 0 ? 0 : 1);
  if (status !== 0) console.error(`[gradlab] turbo exited with ${status}`);
  console.log(`${totals.passed} passed, ${failed} failed, ${totals.skipped} skipped`);
  process.exit(status === 0 && failed === 0 ? 0 : 1);
} else {
  console.error('usage: node scripts/run.mjs <start|test|pack|gradlab> [gradlab arguments]');
  process.exit(2);
}
