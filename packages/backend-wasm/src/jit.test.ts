import { describe, expect, it } from 'vitest';
import type { FusedStep, StridedArray } from '@gradlab/core-tensor';
import { createWasmBackend } from './create-wasm-backend.ts';
import { fusedByKernels } from './fused.ts';
import { emitFusedModule } from './jit.ts';
import { randomArray, view } from '../test/reference.ts';

const backend = createWasmBackend({ minElements: 0 });

/** Every fusable op, over inputs: 0 a row operand, 1 a row broadcast over rows, 2 a splat, 3 positive values. */
const PROGRAM: FusedStep[] = [
  { op: 'mul', args: [0, 1] },
  { op: 'add', args: [4, 2] },
  { op: 'relu', args: [5] },
  { op: 'sqrt', args: [3] },
  { op: 'div', args: [6, 7] },
  { op: 'neg', args: [8] },
  { op: 'abs', args: [9] },
  { op: 'square', args: [10] },
  { op: 'maximum', args: [11, 0] },
  { op: 'minimum', args: [12, 1] },
  { op: 'sub', args: [13, 2] },
];

function inputsFor(dtype: 'float32' | 'float64', rows: number, n: number, seed: number): StridedArray[] {
  const x = randomArray(dtype, rows * n, seed);
  x[3 % x.length] = Number.NaN;
  x[4 % x.length] = -0;
  const pos = randomArray(dtype, rows * n, seed + 1).map((v) => Math.abs(v) + 0.1);
  const shape = rows === 1 ? [n] : [rows, n];
  const row = randomArray(dtype, n, seed + 2);
  return [
    view(x, shape),
    rows === 1 ? view(row, [n]) : view(row, shape, [0, 1]),
    rows === 1 ? view(randomArray(dtype, 1, seed + 3), shape, [0]) : view(randomArray(dtype, rows, seed + 3), shape, [1, 0]),
    view(pos, shape),
  ];
}

describe('generated fused loops', () => {
  it.each(['float32', 'float64'] as const)('are bit-identical to the unfused kernels (%s), for every row length and tail', (dtype) => {
    const before = backend.fusedPrograms;
    for (const [rows, n] of [[1, 1], [1, 3], [1, 17], [1, 64], [3, 5], [5, 33], [7, 130], [2, 1000]] as const) {
      const inputs = inputsFor(dtype, rows, n, rows * 100 + n);
      const got = backend.fused?.(PROGRAM, inputs, dtype) as Float32Array | Float64Array;
      const want = fusedByKernels(backend, PROGRAM, inputs, dtype);
      expect(got.length).toBe(want.length);
      for (let i = 0; i < want.length; i++) expect(Object.is(got[i], want[i]), `${dtype} [${rows}, ${n}] at ${i}: ${got[i]} vs ${want[i]}`).toBe(true);
    }
    // The generated loops ran (not the chunked kernel): one program per input-kind pattern.
    expect(backend.fusedPrograms).toBeGreaterThan(before);
  });

  it('emit valid modules for both memories and dtypes', () => {
    for (const dtype of ['float32', 'float64'] as const) {
      for (const shared of [false, true]) {
        expect(WebAssembly.validate(emitFusedModule(PROGRAM, ['row', 'row', 'splat', 'row'], dtype, shared))).toBe(true);
      }
    }
  });
});
