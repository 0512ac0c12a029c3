// The backend inside a demo's Web Worker. A worker has its own copy of core-tensor, so it selects
// its backend itself; it follows the page (which read `?backend=js` from its own address, which a
// worker cannot see), so the page's badge is true of the worker's numbers too.
import { ready } from './backend.ts';

/**
 * Selects the worker's backend: js when the page runs on js, else the wasm backend (with the js
 * fallback when WebAssembly SIMD is missing).
 * @param pageBackend the page's backend, as `ready()` gave it there
 * @returns the worker's backend name
 */
export function workerReady(pageBackend: string): Promise<string> {
  return pageBackend === 'js' ? Promise.resolve('js') : ready();
}
