import { ValueError } from '@gradlab/core-tensor';

/**
 * Runs a step generator (a training loop that yields after each step) to its end, synchronously.
 * @param steps the generator
 * @returns what it returns
 */
export function drive<T>(steps: Generator<void, T, undefined>): T {
  checkSteps('drive', steps);
  for (;;) {
    const r = steps.next();
    if (r.done === true) return r.value;
  }
}

/**
 * Runs a step generator to its end, handing the event loop a turn every `yieldEveryMs`, so a page
 * stays responsive and a Node process sees signals (Ctrl-C) while a loop trains. `fitAsync` and the
 * transformer's `trainLanguageModelAsync` are this over their loops.
 * @param steps the generator
 * @param yieldEveryMs the longest stretch without a turn for the event loop (default 30 ms)
 * @returns a promise of what it returns
 */
export async function driveAsync<T>(steps: Generator<void, T, undefined>, yieldEveryMs = 30): Promise<T> {
  checkSteps('driveAsync', steps);
  if (typeof yieldEveryMs !== 'number' || !(yieldEveryMs >= 0)) throw new ValueError('yieldEveryMs must be a number >= 0', { pkg: 'models-nn', op: 'driveAsync', arg: 'yieldEveryMs', expected: 'milliseconds >= 0', received: yieldEveryMs });
  let last = Date.now();
  for (;;) {
    const r = steps.next();
    if (r.done === true) return r.value;
    if (Date.now() - last >= yieldEveryMs) {
      await new Promise<void>((resolve) => setTimeout(resolve, 0));
      last = Date.now();
    }
  }
}

function checkSteps(op: string, steps: unknown): void {
  if (typeof steps !== 'object' || steps === null || typeof (steps as { next?: unknown }).next !== 'function') {
    throw new ValueError('expected a generator of steps', { pkg: 'models-nn', op, arg: 'steps', expected: 'a generator (function* that yields after each step)', received: steps === null ? 'null' : typeof steps });
  }
}
