#!/usr/bin/env node
// `pnpm bench` [--quick] [--libs=gradlab-wasm,tfjs-wasm,...] [--suites=mlp,fit,...] [--rounds=2] [--no-rss] | --render (RESULTS.md from results.json)
// Runs every library in its own process on the same seeded data (gradlab js and wasm backends, the
// latter also with two threads for large matmuls,
// tfjs cpu and wasm, PyTorch when Debian's python3-torch imports), prints a table of medians with
// ratios to tfjs-wasm (and to tfjs-cpu for gradlab-js), checks the targets, and writes
// bench/results.json and bench/RESULTS.md.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeData } from './data.mjs';
import { suites } from './suites.mjs';
import { ensureBuilt } from './ensure-built.mjs';
import { describeMachine } from './machine.mjs';
import { renderMarkdown, renderTable, evaluateTargets } from './report.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const argv = process.argv.slice(2);
const quick = argv.includes('--quick');
const libsArg = argv.find((a) => a.startsWith('--libs='));
const suitesArg = argv.find((a) => a.startsWith('--suites='));
const wantedSuites = suitesArg ? suitesArg.slice('--suites='.length).split(',') : undefined;
const roundsArg = argv.find((a) => a.startsWith('--rounds='));
const rounds = roundsArg ? Number(roundsArg.slice('--rounds='.length)) : quick ? 1 : 2;
const JS_LIBS = ['gradlab-js', 'gradlab-wasm', 'gradlab-wasm-2t', 'tfjs-cpu', 'tfjs-wasm'];
const wanted = libsArg ? libsArg.slice('--libs='.length).split(',') : [...JS_LIBS, 'torch'];

if (argv.includes('--render')) {
  const report = JSON.parse(readFileSync(join(here, 'results.json'), 'utf8'));
  report.targets = evaluateTargets(report);
  writeFileSync(join(here, 'RESULTS.md'), renderMarkdown(report));
  console.log(renderTable(report));
  process.exit(0);
}

ensureBuilt();
const dataDir = mkdtempSync(join(tmpdir(), 'gradlab-bench-'));
const started = Date.now();
// How much a second thread can help on this host right now (see parallel-probe.mjs).
const probe = () => {
  const r = spawnSync(process.execPath, [join(here, 'parallel-probe.mjs')], { encoding: 'utf8' });
  return r.status === 0 ? JSON.parse(r.stdout.trim().split('\n').pop()).median : null;
};
try {
  await writeData(dataDir, quick);
  const probeBefore = probe();
  // Suite by suite, every library in turn (a fresh process each time): the measurements of one
  // suite lie close together in time, so the host's drifting load skews the ratios less.
  const byLib = new Map();
  const torchOk = wanted.includes('torch') && spawnSync('/usr/bin/python3', ['-c', 'import torch'], { encoding: 'utf8' }).status === 0;
  if (wanted.includes('torch') && !torchOk) console.error('torch: /usr/bin/python3 cannot import torch; skipped');
  // One thread everywhere: torch's OpenMP pool and OpenBLAS's pthreads both sized to 1.
  const env = { ...process.env, OMP_NUM_THREADS: '1', OPENBLAS_NUM_THREADS: '1', MKL_NUM_THREADS: '1' };
  for (const [i, suite] of suites.entries()) {
    if (wantedSuites !== undefined && !wantedSuites.includes(suite.id)) continue;
    console.error(`suite ${i}: ${suite.name}`);
    // Each round runs every library once, in reverse order on odd rounds (A B C, C B A); a row keeps
    // its best round, so a burst of load from other processes hits no library harder than another.
    const order = [];
    for (let round = 0; round < rounds; round++) order.push(...(round % 2 === 0 ? wanted : [...wanted].reverse()));
    for (const lib of order) {
      if (lib === 'torch' && !torchOk) continue;
      if (suite.onlyFor !== undefined && !suite.onlyFor.includes(lib)) continue;
      const [cmd, args] =
        lib === 'torch'
          ? ['/usr/bin/python3', [join(here, 'libs', 'torch_bench.py'), dataDir]]
          : [process.execPath, [join(here, 'child.mjs'), lib, dataDir]];
      const r = spawnSync(cmd, [...args, `--suite=${i}`, `--suite-id=${suite.id}`, ...(quick ? ['--quick'] : [])], { encoding: 'utf8', env, stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 26 });
      const line = r.stdout.trim().split('\n').pop();
      if (r.status !== 0 || !line) {
        console.error(`${lib} failed on suite ${i} (exit ${r.status})`);
        continue;
      }
      const part = JSON.parse(line);
      const acc = byLib.get(lib) ?? { lib, describe: part.describe, rows: [], peakRssMB: 0 };
      for (const r of part.rows) {
        const k = acc.rows.findIndex((x) => x.suite === r.suite && String(x.size) === String(r.size));
        if (k < 0) acc.rows.push({ ...r, rounds: [r.value] });
        else {
          const prev = acc.rows[k];
          const values = [...prev.rounds, r.value];
          acc.rows[k] = { ...(r.value > prev.value ? r : prev), checksum: prev.checksum ?? r.checksum, rounds: values };
        }
      }
      acc.peakRssMB = Math.max(acc.peakRssMB, part.peakRssMB);
      byLib.set(lib, acc);
    }
  }
  const results = wanted.filter((l) => byLib.has(l)).map((l) => byLib.get(l));
  const rss = [];
  if (!argv.includes('--no-rss')) {
    for (const [script, ...extra] of [['rss-valueandgrad.mjs'], ['rss-mlp.mjs'], ['rss-mlp.mjs', '--tidy'], ['rss-fit.mjs', '--backend=wasm'], ['rss-fit.mjs', '--backend=js']]) {
      console.error(`running ${[script, ...extra].join(' ')}...`);
      const r = spawnSync(process.execPath, [join(here, script), ...extra, '--json', ...(quick ? ['--quick'] : [])], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
      const line = r.stdout.trim().split('\n').pop();
      if (line) rss.push({ ...JSON.parse(line), exitCode: r.status });
    }
  }
  const parallelHeadroom = [probeBefore, probe()];
  const report = {
    generated: new Date().toISOString(),
    quick,
    rounds,
    wallSeconds: (Date.now() - started) / 1000,
    machine: { ...describeMachine(), parallelHeadroom },
    libs: results.map((r) => ({ lib: r.lib, describe: r.describe, peakRssMB: r.peakRssMB })),
    results,
    rss,
  };
  report.targets = evaluateTargets(report);
  console.log(renderTable(report));
  writeFileSync(join(here, 'results.json'), JSON.stringify(report, null, 2) + '\n');
  writeFileSync(join(here, 'RESULTS.md'), renderMarkdown(report));
  console.error(`wrote bench/results.json and bench/RESULTS.md (${report.wallSeconds.toFixed(0)} s)`);
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
