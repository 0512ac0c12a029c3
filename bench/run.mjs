#!/usr/bin/env node
// `pnpm bench` [--quick] [--libs=gradlab-wasm,tfjs-wasm,...] [--no-rss]
// Runs every library in its own process on the same seeded data (gradlab js and wasm backends, the
// latter also with two threads for large matmuls,
// tfjs cpu and wasm, PyTorch when Debian's python3-torch imports), prints a table of medians with
// ratios to tfjs-wasm (and to tfjs-cpu for gradlab-js), checks the targets, and writes
// bench/results.json and bench/RESULTS.md.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeData } from './data.mjs';
import { ensureBuilt } from './ensure-built.mjs';
import { describeMachine } from './machine.mjs';
import { renderMarkdown, renderTable, evaluateTargets } from './report.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const argv = process.argv.slice(2);
const quick = argv.includes('--quick');
const libsArg = argv.find((a) => a.startsWith('--libs='));
const JS_LIBS = ['gradlab-js', 'gradlab-wasm', 'gradlab-wasm-2t', 'tfjs-cpu', 'tfjs-wasm'];
const wanted = libsArg ? libsArg.slice('--libs='.length).split(',') : [...JS_LIBS, 'torch'];

ensureBuilt();
const dataDir = mkdtempSync(join(tmpdir(), 'gradlab-bench-'));
const started = Date.now();
try {
  writeData(dataDir, quick);
  const results = [];
  for (const lib of wanted) {
    if (lib === 'torch') {
      const probe = spawnSync('/usr/bin/python3', ['-c', 'import torch'], { encoding: 'utf8' });
      if (probe.status !== 0) {
        console.error('torch: /usr/bin/python3 cannot import torch; skipped');
        continue;
      }
    }
    console.error(`running ${lib}...`);
    const [cmd, args] =
      lib === 'torch'
        ? ['/usr/bin/python3', [join(here, 'libs', 'torch_bench.py'), dataDir]]
        : [process.execPath, [join(here, 'child.mjs'), lib, dataDir]];
    // One thread everywhere: torch's OpenMP pool and OpenBLAS's pthreads both sized to 1.
    const env = { ...process.env, OMP_NUM_THREADS: '1', OPENBLAS_NUM_THREADS: '1', MKL_NUM_THREADS: '1' };
    const r = spawnSync(cmd, [...args, ...(quick ? ['--quick'] : [])], { encoding: 'utf8', env, stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 26 });
    const line = r.stdout.trim().split('\n').pop();
    if (r.status !== 0 || !line) {
      console.error(`${lib} failed (exit ${r.status})`);
      continue;
    }
    results.push(JSON.parse(line));
  }
  const rss = [];
  if (!argv.includes('--no-rss')) {
    for (const script of ['rss-valueandgrad.mjs', 'rss-mlp.mjs']) {
      console.error(`running ${script}...`);
      const r = spawnSync(process.execPath, [join(here, script), '--json', ...(quick ? ['--quick'] : [])], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
      const line = r.stdout.trim().split('\n').pop();
      if (line) rss.push({ ...JSON.parse(line), exitCode: r.status });
    }
  }
  const report = {
    generated: new Date().toISOString(),
    quick,
    wallSeconds: (Date.now() - started) / 1000,
    machine: describeMachine(),
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
