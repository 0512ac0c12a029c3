#!/usr/bin/env node
// Release check, run by `npm test`: copies every workspace package.json, the root manifest and
// .changeset/ into a scratch git repository in os.tmpdir(), runs `changeset version` there (offline,
// with this repo's node_modules) and checks what a release would do:
//   - no package leaves 0.x (the peerDependency on core-tensor must not force a major bump),
//   - the bumps are the ones the changesets ask for (the fixed library group moves together),
//   - every bumped package gets a CHANGELOG.md.
// Prints `N passed, N failed` and exits 1 on a failure.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;
const scratch = mkdtempSync(join(tmpdir(), 'gradlab-release-'));
const results = [];
const check = (name, ok, detail = '') => {
  results.push(ok);
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${detail === '' ? '' : `: ${detail}`}`);
};

function sh(cmd, args, cwd = scratch) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

try {
  const started = Date.now();
  const workspaces = [];
  for (const group of ['packages', 'apps', 'tooling', 'bench']) {
    const dir = join(root, group);
    if (!existsSync(dir)) continue;
    const names = existsSync(join(dir, 'package.json')) ? [''] : readdirSync(dir);
    for (const name of names) {
      const rel = name === '' ? group : `${group}/${name}`;
      if (!existsSync(join(root, rel, 'package.json'))) continue;
      mkdirSync(join(scratch, rel), { recursive: true });
      cpSync(join(root, rel, 'package.json'), join(scratch, rel, 'package.json'));
      workspaces.push(rel);
    }
  }
  for (const f of ['package.json', 'pnpm-workspace.yaml']) cpSync(join(root, f), join(scratch, f));
  cpSync(join(root, '.changeset'), join(scratch, '.changeset'), { recursive: true });
  symlinkSync(join(root, 'node_modules'), join(scratch, 'node_modules'), 'dir');
  writeFileSync(join(scratch, '.gitignore'), 'node_modules\n');
  sh('git', ['init', '-q', '-b', 'main']);
  sh('git', ['-c', 'user.name=check', '-c', 'user.email=check@example.invalid', 'add', '-A']);
  sh('git', ['-c', 'user.name=check', '-c', 'user.email=check@example.invalid', 'commit', '-q', '-m', 'scratch']);

  const before = new Map(workspaces.map((w) => [w, JSON.parse(readFileSync(join(scratch, w, 'package.json'), 'utf8'))]));
  const pending = readdirSync(join(scratch, '.changeset')).filter((f) => f.endsWith('.md') && f !== 'README.md');
  sh(process.execPath, [join(root, 'node_modules/@changesets/cli/bin.js'), 'version']);

  const config = JSON.parse(readFileSync(join(root, '.changeset/config.json'), 'utf8'));
  const fixed = new Set(config.fixed.flat());
  const bumped = [];
  for (const w of workspaces) {
    const old = before.get(w);
    const now = JSON.parse(readFileSync(join(scratch, w, 'package.json'), 'utf8'));
    if (old.private === true) continue;
    const major = (v) => Number(v.split('.')[0]);
    check(`${now.name} stays on 0.x`, major(now.version) === major(old.version), `${old.version} -> ${now.version}`);
    if (now.version !== old.version) {
      bumped.push(now.name);
      check(`${now.name} has a CHANGELOG.md`, existsSync(join(scratch, w, 'CHANGELOG.md')));
    }
  }
  const fixedVersions = new Set(workspaces.map((w) => JSON.parse(readFileSync(join(scratch, w, 'package.json'), 'utf8'))).filter((p) => fixed.has(p.name)).map((p) => p.version));
  check('the fixed library group shares one version', fixedVersions.size === 1, [...fixedVersions].join(', '));
  if (pending.length > 0) check('the pending changesets bump something', bumped.length > 0, `${pending.length} changesets`);
  check('the changesets are consumed', readdirSync(join(scratch, '.changeset')).filter((f) => f.endsWith('.md') && f !== 'README.md').length === 0);
  console.log(`release check took ${((Date.now() - started) / 1000).toFixed(1)} s`);
} catch (error) {
  check('changeset version runs in a scratch clone', false, error instanceof Error ? error.message : String(error));
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
const failed = results.filter((r) => !r).length;
console.log(`${results.length - failed} passed, ${failed} failed, 0 skipped`);
process.exit(failed === 0 ? 0 : 1);
