import { BackendError } from '@gradlab/core-tensor';
import type { WasmHeap } from './wasm-heap.ts';

/**
 * The worker's whole program (run with `eval`, so it needs no file next to the bundle): it
 * instantiates the threads build over the shared memory it was given, then sleeps on its control
 * block (Atomics.wait) until the main thread posts a job, runs the matmul rows it was handed with
 * its own packing workspace, and reports back.
 * Control block (Int32Array): [0] job number (-1 = exit), [1] finished job, [2] element bytes,
 * [3..14] the twelve arguments of matmulF32/matmulF64.
 */
const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const { module, memory, control } = workerData;
const k = new WebAssembly.Instance(module, { env: { memory } }).exports;
const ctl = new Int32Array(memory.buffer, control, 16);
let seen = 0;
for (;;) {
  Atomics.wait(ctl, 0, seen);
  seen = Atomics.load(ctl, 0);
  if (seen < 0) break;
  const f = ctl[2] === 4 ? k.matmulF32 : k.matmulF64;
  f(ctl[3], ctl[4], ctl[5], ctl[6], ctl[7], ctl[8], ctl[9], ctl[10], ctl[11], ctl[12], ctl[13], ctl[14]);
  Atomics.store(ctl, 1, seen);
  Atomics.notify(ctl, 1);
}
`;

/** Products with fewer multiply-adds than this stay on the calling thread (waking a worker costs ~10 µs). */
const MIN_PARALLEL_WORK = 1 << 21;

interface WorkerLike {
  unref(): void;
  terminate(): Promise<number>;
}

type WorkerCtor = new (code: string, options: { eval: true; workerData: unknown }) => WorkerLike;

function nodeWorkerCtor(): WorkerCtor {
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  const mod = proc?.getBuiltinModule?.('node:worker_threads') as { Worker?: WorkerCtor } | undefined;
  if (mod?.Worker === undefined) {
    throw new BackendError('threads > 1 needs Node (worker_threads and Atomics.wait on the main thread)', {
      pkg: 'backend-wasm',
      op: 'createWasmBackend',
      arg: 'options.threads',
      expected: 1,
      hint: 'in browsers, use the default single-threaded backend (or run gradlab inside a worker with threads: 1)',
    });
  }
  return mod.Worker;
}

/**
 * Splits a matmul's rows between the calling thread and `workers` worker threads that share the
 * kernels' linear memory. Each thread packs its own rows of A (and all of B) in its own workspace,
 * so the threads never write the same bytes, and every element of C is summed in the same order as
 * single-threaded (the results are bit-identical).
 */
export class MatmulPool {
  private readonly heap: WasmHeap;
  private readonly controls: Int32Array[] = [];
  private readonly workspaces: number[] = [];
  private readonly workers: WorkerLike[] = [];
  private job = 0;

  constructor(heap: WasmHeap, module: WebAssembly.Module, memory: WebAssembly.Memory, workers: number) {
    this.heap = heap;
    const Worker = nodeWorkerCtor();
    const wsBytes = Math.max(heap.kernels.matmulF32Workspace(), heap.kernels.matmulF64Workspace());
    for (let w = 0; w < workers; w++) {
      const control = heap.allocBlock(64);
      this.workspaces.push(heap.allocBlock(wsBytes));
      this.controls.push(new Int32Array(memory.buffer, control, 16));
      const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { module, memory, control } });
      // A worker parked in Atomics.wait must not keep the process alive.
      worker.unref();
      this.workers.push(worker);
    }
  }

  /** Threads in use, the caller included. */
  get threads(): number {
    return this.workers.length + 1;
  }

  /** C = op(A)·op(B), rows split across the threads (same arguments as the kernel, minus the workspace). */
  matmul(bytes: 4 | 8, a: number, b: number, c: number, m: number, k: number, n: number, rsa: number, csa: number, rsb: number, csb: number): void {
    const kern = bytes === 4 ? this.heap.kernels.matmulF32 : this.heap.kernels.matmulF64;
    const parts = Math.min(this.threads, Math.floor(m / 4));
    if (parts < 2 || m * n * k < MIN_PARALLEL_WORK) {
      kern(a, b, c, m, k, n, rsa, csa, rsb, csb, 0, this.heap.workspace);
      return;
    }
    // Row blocks of whole micro-panels (4 rows), the remainder to the caller.
    const rows = Math.ceil(m / parts / 4) * 4;
    const job = ++this.job;
    const posted: Int32Array[] = [];
    for (let w = 0; w < parts - 1; w++) {
      const i0 = rows * (w + 1);
      const mw = Math.min(rows, m - i0);
      if (mw <= 0) break;
      const ctl = this.controls[w] as Int32Array;
      ctl.set([bytes, a + i0 * rsa * bytes, b, c + i0 * n * bytes, mw, k, n, rsa, csa, rsb, csb, 0, this.workspaces[w] as number], 2);
      Atomics.store(ctl, 0, job);
      Atomics.notify(ctl, 0);
      posted.push(ctl);
    }
    kern(a, b, c, Math.min(rows, m), k, n, rsa, csa, rsb, csb, 0, this.heap.workspace);
    for (const ctl of posted) {
      // Sleep only on the value just checked: re-reading it for the wait could see the worker's
      // final store after the check, and then wait for a notify that was already sent (a deadlock).
      let done = Atomics.load(ctl, 1);
      while (done !== job) {
        Atomics.wait(ctl, 1, done);
        done = Atomics.load(ctl, 1);
      }
    }
  }

  /** Stops the workers (the backend keeps working, single-threaded). */
  async close(): Promise<void> {
    for (const ctl of this.controls) {
      Atomics.store(ctl, 0, -1);
      Atomics.notify(ctl, 0);
    }
    await Promise.all(this.workers.map((w) => w.terminate()));
    this.workers.length = 0;
  }
}
