/**
 * The worker side of the fuzz run (bundled with the fuzzed packages into one file by the driver):
 * lists the exports, generates the cases, runs them from `start` on, and reports each verdict.
 * Before each case it publishes the case's index in shared memory, so the driver can tell a hang
 * and terminate the worker.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { edgeValues } from './edge-values.ts';
import { describeArg, generateCases } from './fuzz-cases.ts';
import { materialize, runCase } from './run-case.ts';
import type { Outcome } from './run-case.ts';

type Mod = Record<string, unknown>;
type AnyFn = (...args: unknown[]) => unknown;

/** What the driver passes to a worker. */
export interface WorkerInput {
  seed: number;
  runs: number;
  start: number;
  cap: number;
  progress: SharedArrayBuffer;
}

/** A message from the worker. */
export type WorkerMessage =
  | { type: 'ready'; targets: string[]; poolNames: string[] }
  | { type: 'case'; index: number; target: string; args: string; outcome: Outcome }
  | { type: 'done' };

/** One fuzzed export. */
interface Target {
  name: string;
  fn: AnyFn;
  checkNaN: boolean;
}

function isClass(f: unknown): boolean {
  return typeof f === 'function' && /^class[\s{]/.test(Function.prototype.toString.call(f));
}

/** Every function exported by the barrels, in package order then name order (classes excluded). */
function listTargets(mods: Readonly<Record<string, Mod>>): Target[] {
  const out: Target[] = [];
  for (const [pkg, mod] of Object.entries(mods)) {
    for (const name of Object.keys(mod).sort()) {
      const v = mod[name];
      if (typeof v !== 'function' || isClass(v)) continue;
      // Tensor arithmetic follows IEEE (log(-1) is NaN, as in PyTorch): NaN is judged elsewhere.
      out.push({ name: `${pkg.replace('@gradlab/', '')}.${name}`, fn: v as AnyFn, checkNaN: pkg !== '@gradlab/core-tensor' });
    }
  }
  return out;
}

/** The pool, without entries a fuzzed package could not build (an export renamed, say). */
function usablePool(mods: Readonly<Record<string, Mod>>): Record<string, () => unknown> {
  const pool = edgeValues(mods);
  for (const [name, make] of Object.entries(pool)) {
    try {
      if (make() === undefined && name !== 'undefined') delete pool[name];
    } catch {
      delete pool[name];
    }
  }
  return pool;
}

/**
 * Runs the cases of this worker's slice and posts every verdict to the driver.
 * @param mods the fuzzed barrels by package name
 */
export async function startWorker(mods: Readonly<Record<string, Mod>>): Promise<void> {
  const input = workerData as WorkerInput;
  const port = parentPort;
  if (port === null) throw new Error('fuzz-worker must run in a worker thread');
  const post = (m: WorkerMessage): void => port.postMessage(m);
  const T = mods['@gradlab/core-tensor'] as Mod;
  const GradlabError = T['GradlabError'] as new (...a: never[]) => Error;
  const TensorClass = T['Tensor'] as new (...a: never[]) => object;
  const setMaxElements = T['setMaxElements'] as (n: number) => number;
  const getBackend = T['getBackend'] as () => unknown;
  const setBackend = T['setBackend'] as (b: unknown) => void;
  const backend = getBackend();
  const targets = listTargets(mods);
  const pool = usablePool(mods);
  const poolNames = Object.keys(pool).sort();
  post({ type: 'ready', targets: targets.map((t) => t.name), poolNames });
  const cases = generateCases(targets.length, poolNames, input.seed, input.runs);
  const progress = new Int32Array(input.progress);
  const isTensor = (x: unknown): boolean => x instanceof TensorClass;
  for (let i = input.start; i < cases.length; i++) {
    Atomics.store(progress, 0, i);
    // Undo what a previous case may have changed globally (the element cap, the backend).
    setMaxElements(input.cap);
    if (getBackend() !== backend) setBackend(backend);
    const c = cases[i] as (typeof cases)[number];
    const target = targets[c.target] as Target;
    let outcome: Outcome;
    try {
      const args = c.args.map((a) => materialize(a, pool));
      outcome = await runCase(target.fn, args, { GradlabError, isTensor, checkNaN: target.checkNaN });
    } catch (e) {
      outcome = { kind: 'fail', reason: `harness: ${String(e)}` };
    }
    post({ type: 'case', index: i, target: target.name, args: c.args.map(describeArg).join(', '), outcome });
  }
  Atomics.store(progress, 0, cases.length);
  post({ type: 'done' });
}
