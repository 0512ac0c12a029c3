// Setup file: every test file of this run starts with the wasm backend selected, every float
// kernel forced through wasm (minElements 0), so core-tensor's gradient checks exercise it. After
// each file, it checks that the backend stayed selected and that its wasm kernels were called.
import { afterAll, expect } from 'vitest';
import { getBackend, setBackend } from '@gradlab/core-tensor';
import type { Backend } from '@gradlab/core-tensor';
import { createWasmBackend } from '../src/index.ts';

const wasm = createWasmBackend({ minElements: 0 });
let floatCalls = 0;
const isFloat = (d: string): boolean => d === 'float32' || d === 'float64';
const counted: Backend = {
  ...wasm,
  unary: (op, x, dtype) => (isFloat(dtype) && (floatCalls += 1), wasm.unary(op, x, dtype)),
  binary: (op, a, b, dtype) => (isFloat(dtype) && (floatCalls += 1), wasm.binary(op, a, b, dtype)),
  reduce: (op, x, axes) => (isFloat(x.dtype) && (floatCalls += 1), wasm.reduce(op, x, axes)),
  matmul: (a, b, dtype) => (isFloat(dtype) && (floatCalls += 1), wasm.matmul(a, b, dtype)),
};
setBackend(counted);

afterAll(() => {
  const gradientFile = expect.getState().testPath?.endsWith('gradients.test.ts') === true;
  if (gradientFile) {
    expect(getBackend()).toBe(counted);
    expect(floatCalls).toBeGreaterThan(1000);
  }
});
