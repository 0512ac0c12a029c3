/**
 * The driver of the fuzz run (main thread): bundles the fuzzed packages with the worker, runs the
 * cases in a worker thread, and enforces the per-case time guard: a case that does not finish
 * within `caseMs` is a hang; the worker is terminated and a fresh one goes on after that case.
 * A worker that dies (out of memory, a crash) fails its current case the same way.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { build } from 'esbuild';
import { FUZZED_PACKAGES } from './fuzzed-packages.ts';
import type { WorkerInput, WorkerMessage } from './fuzz-worker.ts';

/** Settings of a fuzz run. */
export interface FuzzOptions {
  /** The fast-check seed. */
  seed: number;
  /** How many cases. */
  runs: number;
  /** The time guard of one case, in ms. */
  caseMs: number;
  /** The element cap inside the worker (keeps "huge but allowed" shapes cheap). */
  cap: number;
}

/** One failing case. */
export interface FuzzFailure {
  index: number;
  target: string;
  args: string;
  reason: string;
}

/** The counts of a fuzz run. */
export interface FuzzReport {
  cases: number;
  results: number;
  typedErrors: number;
  exports: number;
  failures: FuzzFailure[];
  errorsByClass: Record<string, number>;
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Bundles the worker with the barrels of FUZZED_PACKAGES (read from source); returns the file. */
async function bundleWorker(): Promise<string> {
  // Inside node_modules: ignored by git and eslint, and the fuzzed packages resolve from there.
  const dir = join(root, 'node_modules', '.fuzz-build');
  mkdirSync(dir, { recursive: true });
  const entry = join(dir, 'entry.ts');
  const imports = FUZZED_PACKAGES.map((p, i) => `import * as m${i} from '${p}';`).join('\n');
  const map = FUZZED_PACKAGES.map((p, i) => `  '${p}': m${i},`).join('\n');
  writeFileSync(entry, `${imports}\nimport { startWorker } from '../../src/fuzz-worker.ts';\nvoid startWorker({\n${map}\n});\n`);
  const outfile = join(dir, 'worker.mjs');
  await build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile, conditions: ['source'], logLevel: 'error', absWorkingDir: root });
  return outfile;
}

/**
 * Runs the fuzz suite.
 * @param options seed, runs, time guard and cap
 * @returns the counts and the failures
 */
export async function runFuzz(options: FuzzOptions): Promise<FuzzReport> {
  const file = await bundleWorker();
  const report: FuzzReport = { cases: 0, results: 0, typedErrors: 0, exports: 0, failures: [], errorsByClass: {} };
  const progress = new SharedArrayBuffer(4);
  const current = new Int32Array(progress);
  let start = 0;
  let names: { targets: string[] } = { targets: [] };
  while (start < options.runs) {
    const input: WorkerInput = { seed: options.seed, runs: options.runs, start, cap: options.cap, progress };
    Atomics.store(current, 0, start);
    const worker = new Worker(file, { workerData: input, resourceLimits: { maxOldGenerationSizeMb: 1024 }, stdout: true, stderr: true });
    const ended = await new Promise<{ kind: 'done' } | { kind: 'stuck'; index: number; reason: string }>((resolve) => {
      let last = -1;
      let since = Date.now();
      let settled = false;
      const finish = (v: { kind: 'done' } | { kind: 'stuck'; index: number; reason: string }): void => {
        if (settled) return;
        settled = true;
        clearInterval(timer);
        resolve(v);
      };
      worker.on('message', (m: WorkerMessage) => {
        if (m.type === 'ready') {
          names = { targets: m.targets };
          report.exports = m.targets.length;
        } else if (m.type === 'case') {
          report.cases++;
          if (m.outcome.kind === 'result') report.results++;
          else if (m.outcome.kind === 'typed') {
            report.typedErrors++;
            report.errorsByClass[m.outcome.error] = (report.errorsByClass[m.outcome.error] ?? 0) + 1;
          } else report.failures.push({ index: m.index, target: m.target, args: m.args, reason: m.outcome.reason });
        } else finish({ kind: 'done' });
      });
      worker.on('error', (e) => finish({ kind: 'stuck', index: Atomics.load(current, 0), reason: `worker died: ${String(e).slice(0, 200)}` }));
      worker.on('exit', () => finish({ kind: 'stuck', index: Atomics.load(current, 0), reason: 'worker exited' }));
      const timer = setInterval(() => {
        const now = Atomics.load(current, 0);
        if (now !== last) {
          last = now;
          since = Date.now();
        } else if (Date.now() - since > options.caseMs) {
          finish({ kind: 'stuck', index: now, reason: `hang: no answer within ${options.caseMs} ms` });
        }
      }, 20);
    });
    await worker.terminate();
    if (ended.kind === 'done') break;
    // The stuck case gets no 'case' message: count it here as a failure.
    report.cases++;
    report.failures.push({ index: ended.index, target: names.targets[ended.index % names.targets.length] ?? `case ${ended.index}`, args: `(case ${ended.index} of seed ${options.seed})`, reason: ended.reason });
    start = ended.index + 1;
  }
  return report;
}
