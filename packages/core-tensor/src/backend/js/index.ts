import type { Backend } from '../backend.ts';
import { requireOptions } from '../../validate/require-options.ts';
import { cast, compare, contiguous, copy, fill, binary, unary, where } from './elementwise.ts';
import { argReduce, reduce } from './reduce.ts';
import { matmul } from './matmul.ts';
import { gather, scatterAdd } from './gather.ts';
import { withOutputAllocator } from './output.ts';
import type { OutputAllocator } from './output.ts';
import { ValueError } from '../../errors.ts';

/**
 * Creates the pure-JavaScript backend: typed arrays, contiguous fast paths, dims coalesced so
 * strided loops run over long rows, one loop per op (no per-element closures), and a packed,
 * cache-blocked, 4×4 register-tiled matmul. Single-threaded and deterministic.
 * @param options `allocate`: where kernel outputs live (default: fresh typed arrays)
 * @returns a {@link Backend} named `js`
 * @example
 * setBackend(createJsBackend());
 */
export function createJsBackend(options: JsBackendOptions = {}): Backend {
  const kernels = { fill, copy, contiguous, cast, unary, binary, compare, where, reduce, argReduce, matmul, gather, scatterAdd };
  const alloc = requireOptions(options, { op: 'createJsBackend' }, ['allocate']).allocate;
  if (alloc === undefined) return { name: 'js', ...kernels };
  if (typeof alloc !== 'function') {
    throw new ValueError('allocate must be a function', { op: 'createJsBackend', arg: 'options.allocate', expected: '(size, dtype) => TypedArray | undefined', received: typeof alloc });
  }
  const w = <A extends unknown[], R>(k: (...args: A) => R): ((...args: A) => R) => withOutputAllocator(alloc, k);
  return {
    name: 'js',
    fill: w(fill),
    copy,
    contiguous,
    cast: w(cast),
    unary: w(unary),
    binary: w(binary),
    compare: w(compare),
    where: w(where),
    reduce: w(reduce),
    argReduce: w(argReduce),
    matmul: w(matmul),
    gather: w(gather),
    scatterAdd: w(scatterAdd),
  };
}

/** Options of {@link createJsBackend}. */
export interface JsBackendOptions {
  /**
   * Where kernel outputs live: called with the element count and dtype of each output; return a
   * typed array of that dtype and length (it is zeroed before use), or undefined for a fresh one.
   * A backend built on top of the js backend (e.g. `@gradlab/backend-wasm`, which passes views into
   * its linear memory inside `tidy`) uses it; most users never need it.
   */
  allocate?: OutputAllocator;
}
