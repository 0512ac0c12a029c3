import type { Backend } from '../backend.ts';
import { cast, compare, contiguous, copy, fill, binary, unary, where } from './elementwise.ts';
import { argReduce, reduce } from './reduce.ts';
import { matmul } from './matmul.ts';
import { gather, scatterAdd } from './gather.ts';

/**
 * Creates the pure-JavaScript backend: typed arrays, contiguous fast paths, dims coalesced so
 * strided loops run over long rows, one loop per op (no per-element closures), and a packed,
 * cache-blocked, 4×4 register-tiled matmul. Single-threaded and deterministic.
 * @returns a {@link Backend} named `js`
 * @example
 * setBackend(createJsBackend());
 */
export function createJsBackend(): Backend {
  return { name: 'js', fill, copy, contiguous, cast, unary, binary, compare, where, reduce, argReduce, matmul, gather, scatterAdd };
}
