#!/usr/bin/env node
// Consumer check, run by `npm test` after `npm run pack`: installs the tarballs of packs/ with npm
// into a scratch project in os.tmpdir(), outside the workspace, the way a user would; compiles a
// strict TypeScript file against their published types (NodeNext resolution, this repo's
// TypeScript), runs it (fit and score a model on a shipped data set), and runs the CLI from there
// (`npx gradlab --version`, `npx gradlab tour --list`). Their own dependencies (commander, papaparse,
// cli-progress) come from the npm registry, through the local npm cache when it has them.
// Usage: node scripts/checks/consumer-check.mjs [packs folder]   (default: packs/)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;
const packs = resolve(process.argv[2] ?? join(root, 'packs'));
const results = [];
const check = (name, ok, detail = '') => {
  results.push(ok);
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${detail === '' ? '' : `: ${detail}`}`);
  return ok;
};
const started = Date.now();
const scratch = mkdtempSync(join(tmpdir(), 'gradlab-consumer-'));
const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };
// npm run sets npm_config_* of the repository (and pnpm sets its own); the scratch project must not inherit them.
for (const k of Object.keys(env)) if (/^npm_(config|package|lifecycle)_/i.test(k) && !['npm_config_audit', 'npm_config_fund', 'npm_config_update_notifier', 'npm_config_cache', 'npm_config_registry'].includes(k)) delete env[k];

function sh(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: scratch, env, encoding: 'utf8', ...opts });
  return { status: r.status ?? 1, stdout: r.stdout ?? '', stderr: r.stderr ?? '', error: r.error };
}

const MAIN = `import { loadBreastCancer, trainTestSplit, withStandardization, crossValidate } from '@gradlab/data';
import type { Dataset } from '@gradlab/data';
import { logisticRegression } from '@gradlab/models-linear';
import { tensor, grad, sum, mul } from '@gradlab/core-tensor';
import type { Tensor } from '@gradlab/core-tensor';

const data: Dataset = loadBreastCancer();
const { train, validation } = trainTestSplit(data, { train: 0.7, validation: 0.3, test: 0, seed: 0, stratify: true });
const model = logisticRegression({ lambda: 1, onWarning: () => undefined }).fit(train.x, train.t);
const accuracy: number = model.score(validation.x, validation.t);
const cv = crossValidate(withStandardization(() => logisticRegression({ lambda: 1 })), data, { k: 3, loss: 'zeroOne', stratify: true });
const x = tensor([1, 2, 3]);
const g = grad((v: Tensor) => sum(mul(v, v)))(x);
console.log(JSON.stringify({ accuracy, cvError: cv.meanValidationLoss, grad: Array.from(g.data) }));
`;

try {
  const tarballs = existsSync(packs) ? readdirSync(packs).filter((f) => f.endsWith('.tgz')).map((f) => join(packs, f)) : [];
  if (check('packs/ holds the tarballs', tarballs.length >= 2, `${tarballs.length} in ${packs}`)) {
    writeFileSync(join(scratch, 'package.json'), JSON.stringify({ name: 'gradlab-consumer', private: true, type: 'module' }, null, 2));
    const install = sh('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', ...tarballs]);
    check('npm install of the tarballs', install.status === 0, install.status === 0 ? '' : (install.stderr || install.stdout).slice(-2000));

    writeFileSync(join(scratch, 'main.ts'), MAIN);
    writeFileSync(
      join(scratch, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noUncheckedIndexedAccess: true, exactOptionalPropertyTypes: true, outDir: 'out', types: [], skipLibCheck: false, ignoreDeprecations: '6.0' }, files: ['main.ts'] }, null, 2),
    );
    const tsc = sh(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json']);
    check('a strict TypeScript file compiles against the published types', tsc.status === 0, tsc.status === 0 ? '' : (tsc.stdout + tsc.stderr).slice(-2000));

    const main = sh(process.execPath, ['out/main.js']);
    let out;
    try {
      out = JSON.parse(main.stdout);
    } catch {
      out = undefined;
    }
    check('it runs: fits and scores a model on a shipped data set', main.status === 0 && out !== undefined && out.accuracy > 0.9 && out.cvError < 0.1 && out.grad.join(',') === '2,4,6', main.status === 0 ? main.stdout.trim() : main.stderr.slice(-1500));

    const pkg = JSON.parse(readFileSync(join(root, 'apps/cli/package.json'), 'utf8'));
    const version = sh('npx', ['--no-install', 'gradlab', '--version']);
    check('npx gradlab --version', version.status === 0 && version.stdout.trim() === pkg.version, `${version.stdout.trim()}${version.stderr.trim()}`);
    const list = sh('npx', ['--no-install', 'gradlab', 'tour', '--list']);
    check('npx gradlab tour --list', list.status === 0 && /^welcome\s+Overview/m.test(list.stdout), list.status === 0 ? '' : list.stderr.slice(-500));
    const tour = sh('npx', ['--no-install', 'gradlab', 'tour', '--section', 'probability']);
    check('the tour tells an installed user to run npx gradlab', tour.status === 0 && tour.stdout.includes('Try: npx gradlab prob joint'), tour.stdout.split('\n').filter((l) => l.startsWith('Try:')).join(' | '));
    const bad = sh('npx', ['--no-install', 'gradlab', 'fit', 'poly', '--data', 'sinusoid', '--degree', 'abc']);
    check('a usage error exits 2 with one line', bad.status === 2 && bad.stderr.trim().split('\n').length === 1, `${bad.status} ${bad.stderr.trim()}`);
  }
} catch (error) {
  check('consumer check ran', false, error instanceof Error ? error.message : String(error));
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
console.log(`consumer check took ${((Date.now() - started) / 1000).toFixed(1)} s`);
const failed = results.filter((r) => !r).length;
console.log(`${results.length - failed} passed, ${failed} failed, 0 skipped`);
process.exit(failed === 0 ? 0 : 1);
