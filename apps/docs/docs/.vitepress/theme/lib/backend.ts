// The demos compute on @gradlab/backend-wasm (WebAssembly SIMD) when the browser offers it, and on
// core-tensor's js backend otherwise. `ready()` is awaited once per page before a demo computes;
// `backendName` says which one runs, and each demo shows it.
import { ref, type Ref } from 'vue';
import { setBackend } from '@gradlab/core-tensor';
import { initWasmBackend } from '@gradlab/backend-wasm';

/** `'wasm'`, `'js'` (the fallback), or `'…'` until {@link ready} settles. */
export const backendName: Ref<string> = ref('…');
/** Why the wasm backend was not used, when it was not. */
export const fallbackReason: Ref<string | undefined> = ref(undefined);

let pending: Promise<string> | undefined;

/**
 * Selects the wasm backend, or leaves the js backend in place when WebAssembly SIMD is missing
 * (or the page asks for `?backend=js`).
 * @returns the backend's name
 */
export function ready(): Promise<string> {
  pending ??= (async () => {
    const wanted = typeof location === 'undefined' ? null : new URLSearchParams(location.search).get('backend');
    if (wanted === 'js') {
      fallbackReason.value = 'asked for with ?backend=js';
    } else {
      try {
        // One thread and no shared memory: the docs are served without cross-origin isolation.
        setBackend(await initWasmBackend({ threads: 1, residentBytes: 0 }));
        backendName.value = 'wasm';
        return 'wasm';
      } catch (err) {
        fallbackReason.value = err instanceof Error ? err.message : String(err);
      }
    }
    backendName.value = 'js';
    return 'js';
  })();
  return pending;
}
