#!/usr/bin/env node
// The two commands of the README. On a machine with only Node 20 and npm:
//   npm start  -> pinned pnpm, frozen install, build, `gradlab tour` on built-in data
//   npm test   -> the same set-up, then lint, typecheck, every package's tests, the CLI tests
//                 and the docs site's browser test; ends with one `N passed, N failed` line.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
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
  console.log('\n[gradlab] test summary');
  for (const row of rows) console.log(row);
  return totals;
}

const mode = process.argv[2];
const [pm, pmArgs] = pnpm();
must(pm, [...pmArgs, 'install', '--frozen-lockfile', '--reporter=append-only'], 'install');

if (mode === 'start') {
  must(pm, [...pmArgs, 'exec', 'turbo', 'run', 'build', '--filter=@gradlab/cli...', '--output-logs=errors-only'], 'build');
  must('node', ['apps/cli/dist/index.js', 'tour'], 'gradlab tour');
} else if (mode === 'test') {
  ensureChromium();
  const status = run(pm, [...pmArgs, 'exec', 'turbo', 'run', 'build', 'lint', 'typecheck', 'test', '--concurrency=3', '--continue', '--output-logs=new-only']);
  const totals = summarize();
  const failed = totals.failed + (status === 0 ? 0 : 1);
  if (status !== 0) console.error(`[gradlab] turbo exited with ${status}`);
  console.log(`${totals.passed} passed, ${failed} failed, ${totals.skipped} skipped`);
  process.exit(status === 0 && failed === 0 ? 0 : 1);
} else {
  console.error('usage: node scripts/run.mjs <start|test>');
  process.exit(2);
}
