#!/usr/bin/env node
// How much a second thread can help on this host right now: the speed-up of two busy loops run at
// once (main thread + one worker, started beforehand) over the same two run one after the other.
// 2.0 is an idle two-core machine; 1.0 means the second core is taken by someone else.
// Prints one JSON line: { speedups: [...], median }.
import { Worker } from 'node:worker_threads';

const LOOP = 'let s = 0; for (let i = 0; i < 2e8; i++) s += i & 7;';
const spin = new Function(`${LOOP} return s;`);
const worker = new Worker(
  `const { parentPort } = require('node:worker_threads'); parentPort.postMessage('ready');
   parentPort.on('message', () => { ${LOOP} parentPort.postMessage(s); });`,
  { eval: true },
);
await new Promise((resolve) => worker.once('message', resolve));
spin();
const speedups = [];
for (let round = 0; round < 5; round++) {
  let t0 = performance.now();
  spin();
  const one = performance.now() - t0;
  t0 = performance.now();
  const done = new Promise((resolve) => worker.once('message', resolve));
  worker.postMessage('go');
  spin();
  await done;
  speedups.push((2 * one) / (performance.now() - t0));
}
await worker.terminate();
const sorted = [...speedups].sort((a, b) => a - b);
console.log(JSON.stringify({ speedups, median: sorted[Math.floor(sorted.length / 2)] }));
