import type { DType, TypedArray } from '../../dtype.ts';
import { allocate } from '../../dtype.ts';

/**
 * Storage for a js kernel's output: `size` elements of `dtype`, or undefined for a plain typed
 * array. See `createJsBackend({ allocate })`.
 */
export type OutputAllocator = (size: number, dtype: DType) => TypedArray | undefined;

/** The allocator of the kernel call in progress (set only around calls of a backend that has one). */
let current: OutputAllocator | undefined;

/** A zeroed output array: from the current allocator when it gives one, else a fresh typed array. */
export function allocOut(dtype: DType, size: number): TypedArray {
  if (current !== undefined && size > 0) {
    const out = current(size, dtype);
    if (out !== undefined) {
      // Reused storage holds old values; kernels such as scatterAdd and fill(0) count on zeros.
      out.fill(0);
      return out;
    }
  }
  return allocate(dtype, size);
}

/** `kernel` with `alloc` in force for the duration of each call (nesting restores the outer one). */
export function withOutputAllocator<A extends unknown[], R>(alloc: OutputAllocator, kernel: (...args: A) => R): (...args: A) => R {
  return (...args: A): R => {
    const outer = current;
    current = alloc;
    try {
      return kernel(...args);
    } finally {
      current = outer;
    }
  };
}
