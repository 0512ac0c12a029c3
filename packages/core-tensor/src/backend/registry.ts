import { BackendError } from '../errors.ts';
import { KERNEL_NAMES } from './backend.ts';
import type { Backend } from './backend.ts';
import { createJsBackend } from './js/index.ts';

let current: Backend | undefined;

/** The optional members of contract versions 2 and 3 (checked when present). */
const OPTIONAL_HOOKS = ['beginScope', 'endScope', 'alloc', 'release', 'fused', 'softmax', 'softmaxGrad'] as const;

/**
 * Selects the backend every op dispatches to from now on. Nothing registers itself on import;
 * when no backend was ever set, the first op lazily creates the js backend ({@link createJsBackend}),
 * so a fresh process works without calling this.
 * @param backend a complete {@link Backend}
 * @returns the previously active backend (to restore it later)
 * @throws BackendError when `backend` lacks a kernel (the message names it)
 * @example
 * const previous = setBackend(createJsBackend());
 * // ... run ops ...
 * setBackend(previous);
 */
export function setBackend(backend: Backend): Backend {
  const b = backend as Partial<Backend> | null | undefined;
  if (b === null || typeof b !== 'object') {
    throw new BackendError('a backend must be an object of kernels', { op: 'setBackend', arg: 'backend', received: b === null ? 'null' : typeof b });
  }
  for (const k of KERNEL_NAMES) {
    if (typeof b[k] !== 'function') {
      throw new BackendError(`backend ${String(b.name)} lacks the kernel ${k}`, {
        op: 'setBackend',
        arg: `backend.${k}`,
        expected: 'a function',
        received: typeof b[k],
        hint: 'every kernel listed in KERNEL_NAMES is required; checkBackend from @gradlab/core-tensor/testing tests them',
      });
    }
  }
  for (const k of OPTIONAL_HOOKS) {
    if (b[k] !== undefined && typeof b[k] !== 'function') {
      throw new BackendError(`backend ${String(b.name)} has a ${k} hook that is not a function`, { op: 'setBackend', arg: `backend.${k}`, expected: 'a function or undefined', received: typeof b[k] });
    }
  }
  const previous = getBackend();
  current = backend;
  return previous;
}

/**
 * The active backend; the js backend when none was set.
 * @returns the backend ops dispatch to
 * @example
 * getBackend().name; // 'js'
 */
export function getBackend(): Backend {
  if (current === undefined) current = createJsBackend();
  return current;
}
