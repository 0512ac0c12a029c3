import { describe, expect, it } from 'vitest';
import { matmulWasm } from './matmul.ts';
import { WasmHeap } from './wasm-heap.ts';
import { compileKernelsSync, instantiateKernels } from './load-kernels.ts';
import { matmulReference, maxRelError, randomArray, view } from '../test/reference.ts';

const heap = new WasmHeap(instantiateKernels(compileKernelsSync()));

// Sizes straddle the micro-kernel (4×8 f32, 4×4 f64) and the cache blocks (KC = 256, MC = 128/64).
const SHAPES: [number, number, number][] = [
  [1, 1, 1],
  [3, 5, 7],
  [4, 8, 8],
  [17, 33, 9],
  [64, 64, 64],
  [130, 300, 70],
  [5, 513, 3],
];

describe.each(['float32', 'float64'] as const)('matmulWasm %s', (dtype) => {
  const tol = dtype === 'float32' ? 2e-5 : 1e-12;

  it.each(SHAPES)('matches the reference for m=%i k=%i n=%i, all four transpositions', (m, k, n) => {
    const A = randomArray(dtype, m * k, m * 1000 + k);
    const B = randomArray(dtype, k * n, k * 1000 + n);
    const aViews = [view(A, [m, k]), view(A, [m, k], [1, m])];
    const bViews = [view(B, [k, n]), view(B, [k, n], [1, k])];
    for (const a of aViews) {
      for (const b of bViews) {
        const got = matmulWasm(heap, undefined, a, b, dtype);
        expect(got).toBeInstanceOf(dtype === 'float32' ? Float32Array : Float64Array);
        expect(maxRelError(got, matmulReference(a, b))).toBeLessThan(tol);
      }
    }
  });

  it('handles batches with a broadcast (stride 0) batch dim, offsets and negative strides', () => {
    const A = randomArray(dtype, 2 + 3 * 6 * 5, 11);
    const B = randomArray(dtype, 5 * 4, 12);
    const a = view(A, [3, 6, 5], [30, 5, 1], 2);
    // b is reversed along k (negative stride) and shared by every batch entry.
    const b = view(B, [3, 5, 4], [0, -4, 1], 16);
    const got = matmulWasm(heap, undefined, a, b, dtype);
    expect(got.length).toBe(3 * 6 * 4);
    expect(maxRelError(got, matmulReference(a, b))).toBeLessThan(tol);
  });

  it('gives zeros when the inner dimension is empty', () => {
    const a = view(randomArray(dtype, 0, 1), [2, 0]);
    const b = view(randomArray(dtype, 0, 2), [0, 3]);
    expect(Array.from(matmulWasm(heap, undefined, a, b, dtype))).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('is deterministic: the same inputs give the same bits', () => {
    const a = view(randomArray(dtype, 70 * 90, 3), [70, 90]);
    const b = view(randomArray(dtype, 90 * 50, 4), [90, 50]);
    expect(matmulWasm(heap, undefined, a, b, dtype)).toEqual(matmulWasm(heap, undefined, a, b, dtype));
  });
});
