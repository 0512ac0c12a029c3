/**
 * One worker run at a time, the newest wins. `next()` aborts the run before (its signal fires, so its
 * worker stops and its late messages are dropped) and returns the new run's signal; `after(job)` starts
 * the job after a short pause, so that dragging a slider starts one run where the drag ends, not one
 * per step; `isLatest(signal)` tells a run's `finally` whether it may still touch the page.
 *
 * @example
 * ```ts
 * const runs = latestRun();
 * function run() {
 *   const signal = runs.next();
 *   runs.after(() => worker.call('fit', setup, onFrame, signal).finally(() => {
 *     if (runs.isLatest(signal)) running.value = false;
 *   }));
 * }
 * onBeforeUnmount(() => runs.stop());
 * ```
 */
export interface LatestRun {
  /** Aborts the run before (and its pending start) and returns the new run's signal. */
  next(): AbortSignal;
  /** Starts `job` after the pause, unless a newer run has begun by then. */
  after(job: () => unknown): void;
  /** Whether `signal` is the newest run's. */
  isLatest(signal: AbortSignal): boolean;
  /** Aborts the current run and its pending start (on unmount). */
  stop(): void;
}

/** @param pauseMs the pause before a run starts (default 120 ms) */
export function latestRun(pauseMs = 120): LatestRun {
  let controller: AbortController | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stop = (): void => {
    controller?.abort();
    clearTimeout(timer);
  };
  return {
    next() {
      stop();
      controller = new AbortController();
      return controller.signal;
    },
    after(job) {
      const signal = controller?.signal;
      timer = setTimeout(() => {
        if (signal !== undefined && !signal.aborted) job();
      }, pauseMs);
    },
    isLatest: (signal) => controller?.signal === signal,
    stop,
  };
}
