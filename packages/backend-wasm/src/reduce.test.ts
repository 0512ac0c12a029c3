import { describe, expect, it } from 'vitest';
import type { ReduceOp, StridedArray } from '@gradlab/core-tensor';
import { reduceWasm } from './reduce.ts';
import { WasmHeap } from './wasm-heap.ts';
import { compileKernelsSync, instantiateKernels } from './load-kernels.ts';
import { at, indices, maxRelError, randomArray, view } from '../test/reference.ts';

const heap = new WasmHeap(instantiateKernels(compileKernelsSync()));

function reduceReference(op: ReduceOp, x: StridedArray, axes: readonly number[]): number[] {
  const kept = x.shape.map((_, d) => d).filter((d) => !axes.includes(d));
  const out: number[] = [];
  for (const k of indices(kept.map((d) => x.shape[d] as number))) {
    let acc = op === 'sum' ? 0 : op === 'max' ? -Infinity : Infinity;
    for (const r of indices(axes.map((d) => x.shape[d] as number))) {
      const idx = new Array<number>(x.shape.length);
      kept.forEach((d, i) => (idx[d] = k[i] as number));
      axes.forEach((d, i) => (idx[d] = r[i] as number));
      const v = at(x, idx);
      if (op === 'sum') acc += v;
      else if (Number.isNaN(v) || Number.isNaN(acc)) acc = NaN;
      else acc = op === 'max' ? Math.max(acc, v) : Math.min(acc, v);
    }
    out.push(acc);
  }
  return out;
}

const AXES: number[][] = [[0], [1], [2], [0, 1], [1, 2], [0, 2], [0, 1, 2]];

describe.each(['float32', 'float64'] as const)('reduceWasm %s', (dtype) => {
  // One rounding of the float64 sum to float32 at the end: half an ulp.
  const tol = dtype === 'float32' ? 1.2e-7 : 1e-12;

  it.each(['sum', 'max', 'min'] as const)('%s over every axis set of a [6, 37, 5] tensor', (op) => {
    const x = view(randomArray(dtype, 6 * 37 * 5, 41), [6, 37, 5]);
    for (const axes of AXES) {
      const got = reduceWasm(heap, undefined, op, x, axes, dtype);
      expect(maxRelError(got, reduceReference(op, x, axes)), `axes ${axes.join(',')}`).toBeLessThan(tol);
    }
  });

  it.each(['sum', 'max', 'min'] as const)('%s of a transposed view, NaN propagating through max/min', (op) => {
    const data = randomArray(dtype, 40 * 9, 42);
    data[17] = NaN;
    const x = view(data, [9, 40], [1, 9]);
    for (const axes of [[0], [1]]) {
      const got = reduceWasm(heap, undefined, op, x, axes, dtype);
      expect(maxRelError(got, reduceReference(op, x, axes))).toBeLessThan(tol);
    }
  });
});

it('float32 sums accumulate in float64 (no loss from adding many small terms to a large one)', () => {
  const n = 1 << 16;
  const data = new Float32Array(n).fill(1e-4);
  data[0] = 1e4;
  const got = reduceWasm(heap, undefined, 'sum', view(data, [n]), [0], 'float32');
  expect(got[0]).toBe(Math.fround(1e4 + (n - 1) * Math.fround(1e-4)));
});
