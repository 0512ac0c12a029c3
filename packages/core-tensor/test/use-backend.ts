// For tests that switch backends: `use(b)` selects b, and the backend that was active before the
// test comes back after it (an afterEach registered by importing this module).
import { afterEach } from 'vitest';
import type { Backend } from '../src/backend/backend.ts';
import { getBackend, setBackend } from '../src/backend/registry.ts';

let previous: Backend | undefined;

/** Selects `b` for the rest of the current test; returns it. */
export function use<B extends Backend>(b: B): B {
  previous ??= getBackend();
  setBackend(b);
  return b;
}

afterEach(() => {
  if (previous !== undefined) setBackend(previous);
  previous = undefined;
});
