// Long computations run in a Web Worker so the page never freezes. A worker module calls
// `expose({ name: async (args, progress) => result })`; the page calls `connect(worker)` and then
// `call('name', args, onProgress)`. Each call has an id; progress messages stream back before the
// result. A call can be cancelled: the worker sees `signal.aborted` and the promise rejects.

/** What a worker offers: named functions of one structured-clonable argument. */
export type WorkerApi = Record<string, (args: never, progress: (value: unknown) => void, signal: AbortSignal) => unknown>;

type Request = { id: number; name: string; args: unknown } | { id: number; cancel: true };
type Reply = { id: number; progress: unknown } | { id: number; result: unknown } | { id: number; error: string };

/** Serves `api` from inside a worker. */
export function expose(api: WorkerApi): void {
  const scope = globalThis as unknown as { onmessage: ((e: MessageEvent<Request>) => void) | null; postMessage(m: Reply): void };
  const running = new Map<number, AbortController>();
  scope.onmessage = (e) => {
    const req = e.data;
    if ('cancel' in req) {
      running.get(req.id)?.abort();
      return;
    }
    const fn = api[req.name];
    const controller = new AbortController();
    running.set(req.id, controller);
    void (async () => {
      try {
        if (fn === undefined) throw new Error(`worker has no function '${req.name}'`);
        const result = await fn(req.args as never, (progress) => scope.postMessage({ id: req.id, progress }), controller.signal);
        scope.postMessage({ id: req.id, result });
      } catch (err) {
        scope.postMessage({ id: req.id, error: err instanceof Error ? err.message : String(err) });
      } finally {
        running.delete(req.id);
      }
    })();
  };
}

/** The page's side of a worker made with {@link expose}. */
export interface WorkerClient {
  /**
   * Calls `name` in the worker.
   * @param onProgress receives each progress value the worker sends
   * @param signal cancels the call (the promise rejects with an AbortError)
   */
  call<R>(name: string, args: unknown, onProgress?: (value: never) => void, signal?: AbortSignal): Promise<R>;
  terminate(): void;
}

/** Connects to a worker that serves an API with {@link expose}. */
export function connect(worker: Worker): WorkerClient {
  let next = 0;
  const pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void; progress: ((v: never) => void) | undefined }>();
  worker.onmessage = (e: MessageEvent<Reply>) => {
    const reply = e.data;
    const p = pending.get(reply.id);
    if (p === undefined) return;
    if ('progress' in reply) p.progress?.(reply.progress as never);
    else {
      pending.delete(reply.id);
      if ('error' in reply) p.reject(new Error(reply.error));
      else p.resolve(reply.result);
    }
  };
  worker.onerror = (e) => {
    for (const p of pending.values()) p.reject(new Error(`worker failed: ${e.message}`));
    pending.clear();
  };
  return {
    call<R>(name: string, args: unknown, onProgress?: (value: never) => void, signal?: AbortSignal): Promise<R> {
      const id = next++;
      return new Promise<R>((resolve, reject) => {
        if (signal?.aborted) {
          reject(new DOMException('cancelled', 'AbortError'));
          return;
        }
        pending.set(id, { resolve: resolve, reject, progress: onProgress });
        signal?.addEventListener('abort', () => {
          if (!pending.has(id)) return;
          pending.delete(id);
          worker.postMessage({ id, cancel: true } satisfies Request);
          reject(new DOMException('cancelled', 'AbortError'));
        }, { once: true });
        worker.postMessage({ id, name, args } satisfies Request);
      });
    },
    terminate: () => worker.terminate(),
  };
}
