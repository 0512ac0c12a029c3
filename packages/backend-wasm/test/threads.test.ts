import { afterAll, describe, expect, it } from 'vitest';
import { checkBackend } from '@gradlab/core-tensor/testing';
import { createWasmBackend } from '../src/index.ts';
import { matmulReference, maxRelError, randomArray, view } from './reference.ts';

describe('createWasmBackend({ threads: 2 })', () => {
  const threaded = createWasmBackend({ threads: 2, minElements: 0 });
  const single = createWasmBackend({ minElements: 0 });
  afterAll(() => threaded.close());

  it('reports its threads and passes checkBackend on shared memory', () => {
    expect(threaded.threads).toBe(2);
    const report = checkBackend(threaded);
    expect(report.failures).toEqual([]);
  });

  it.each(['float32', 'float64'] as const)('splits large %s products across threads with bit-identical results', (dtype) => {
    // 2²¹ multiply-adds and more are split; these shapes also cover odd rows and transposed views.
    for (const [m, k, n] of [[130, 140, 150], [257, 100, 90]] as const) {
      const A = randomArray(dtype, m * k, m + k);
      const B = randomArray(dtype, k * n, k + n);
      const a = view(A, [m, k]);
      const bT = view(B, [k, n], [1, k]);
      const got = threaded.matmul(a, bT, dtype);
      expect(got).toEqual(single.matmul(a, bT, dtype));
      expect(maxRelError(got, matmulReference(a, bT))).toBeLessThan(dtype === 'float32' ? 2e-5 : 1e-12);
    }
  });

  it('keeps working on one thread after close()', async () => {
    const b = createWasmBackend({ threads: 3 });
    expect(b.threads).toBe(3);
    await b.close();
    expect(b.threads).toBe(1);
    const A = randomArray('float32', 200 * 200, 5);
    const a = view(A, [200, 200]);
    expect(maxRelError(b.matmul(a, a, 'float32'), matmulReference(a, a))).toBeLessThan(2e-5);
  });

  it('rejects a thread count that is not a positive integer', () => {
    expect(() => createWasmBackend({ threads: 0 })).toThrow(/threads must be a positive integer/);
    expect(() => createWasmBackend({ threads: 1.5 })).toThrow(/received 1.5/);
    expect(() => createWasmBackend({ minElements: -1 })).toThrow(/minElements must be a number ≥ 0/);
    expect(() => createWasmBackend({ minElements: NaN })).toThrow(/options.minElements/);
  });
});
