import { describe, expect, it } from 'vitest';
import { createJsBackend } from '@gradlab/core-tensor';
import type { CompareOp, StridedArray } from '@gradlab/core-tensor';
import { compareWasm, contiguousWasm, whereWasm } from './select.ts';
import { WasmHeap } from './wasm-heap.ts';
import { compileKernelsSync, instantiateKernels } from './load-kernels.ts';
import { randomArray, view } from '../test/reference.ts';

const heap = new WasmHeap(instantiateKernels(compileKernelsSync()));
const js = createJsBackend();

function boolView(n: number, seed: number, shape: number[], strides?: number[], offset = 0): StridedArray {
  const data = new Uint8Array(n);
  let s = seed;
  for (let i = 0; i < n; i++) {
    s = (s * 1103515245 + 12345) >>> 0;
    data[i] = s >>> 30 > 1 ? 1 : 0;
  }
  const st = strides ?? shape.map((_, d) => shape.slice(d + 1).reduce((a, b) => a * b, 1));
  return { data, dtype: 'bool', shape, strides: st, offset };
}

// Every tail length (n mod 4), contiguous rows, broadcast (stride 0) operands, a transposed operand.
describe.each(['float32', 'float64'] as const)('select kernels %s', (dtype) => {
  const a = view(randomArray(dtype, 3 * 7 * 9, 1), [3, 7, 9]);
  const at = view(randomArray(dtype, 3 * 7 * 9, 2), [3, 7, 9], [63, 1, 7]);
  const b = view(randomArray(dtype, 9, 3), [3, 7, 9], [0, 0, 1]);
  const scalar = view(randomArray(dtype, 1, 4), [3, 7, 9], [0, 0, 0]);
  const cases: [string, StridedArray, StridedArray][] = [
    ['contiguous', a, at],
    ['broadcast row', a, b],
    ['broadcast scalar', scalar, a],
    ['transposed', at, scalar],
  ];

  it.each(cases)('where matches the js backend bit for bit (%s)', (_, x, y) => {
    for (const cond of [boolView(63 * 3, 5, [3, 7, 9]), boolView(63, 6, [3, 7, 9], [0, 9, 1]), boolView(9, 7, [3, 7, 9], [0, 0, 1]), boolView(1, 8, [3, 7, 9], [0, 0, 0])]) {
      expect(whereWasm(heap, undefined, cond, x, y, dtype)).toEqual(js.where(cond, x, y, dtype));
    }
  });

  it.each(cases)('compare matches the js backend (%s)', (_, x, y) => {
    for (const op of ['equal', 'notEqual', 'less', 'lessEqual', 'greater', 'greaterEqual'] as CompareOp[]) {
      expect(compareWasm(heap, op, x, y, dtype)).toEqual(js.compare(op, x, y));
      expect(compareWasm(heap, op, x, x, dtype)).toEqual(js.compare(op, x, x));
    }
  });

  it('compare treats NaN as unordered', () => {
    const data = dtype === 'float32' ? new Float32Array([NaN, 1, NaN, 2, 3]) : new Float64Array([NaN, 1, NaN, 2, 3]);
    const x = view(data, [5]);
    expect(Array.from(compareWasm(heap, 'equal', x, x, dtype))).toEqual([0, 1, 0, 1, 1]);
    expect(Array.from(compareWasm(heap, 'notEqual', x, x, dtype))).toEqual([1, 0, 1, 0, 0]);
  });

  it.each(cases)('contiguous matches the js backend (%s)', (_, x, y) => {
    expect(contiguousWasm(heap, undefined, x, dtype)).toEqual(js.contiguous(x));
    expect(contiguousWasm(heap, undefined, y, dtype)).toEqual(js.contiguous(y));
  });
});
