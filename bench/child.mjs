#!/usr/bin/env node
// One library's benchmarks, in a process of its own:
// `node child.mjs <lib> <dataDir> [--quick] [--suite=i]` (only suite i of suites.mjs when given)
// with lib one of gradlab-js, gradlab-wasm, gradlab-wasm-2t (two threads for large matmuls),
// tfjs-cpu, tfjs-wasm. Prints one JSON line of results.
import { readData } from './data.mjs';
import { suites } from './suites.mjs';

const [lib, dir] = process.argv.slice(2);
const quick = process.argv.includes('--quick');
const [family, ...rest] = lib.split('-');
const backend = rest.join('-');
const { createAdapter } = await import(family === 'gradlab' ? './libs/gradlab.mjs' : './libs/tfjs.mjs');
const adapter = await createAdapter(backend);
const data = readData(dir);
const results = { lib, describe: adapter.describe(), rows: [] };
const row = (suite, size, unit, value, extra = {}) => {
  results.rows.push({ suite, size, unit, value, ...extra });
  process.stderr.write(`  ${lib} ${suite} ${size}: ${value.toPrecision(4)} ${unit}\n`);
};
const only = process.argv.find((a) => a.startsWith('--suite='));
const selected = only === undefined ? suites : [suites[Number(only.slice('--suite='.length))]];
for (const suite of selected) await suite.run(adapter, data, row, quick);
results.peakRssMB = process.resourceUsage().maxRSS / 1024;
process.stdout.write(JSON.stringify(results) + '\n');
