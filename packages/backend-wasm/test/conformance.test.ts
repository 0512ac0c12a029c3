import { describe, expect, it } from 'vitest';
import { BACKEND_CONTRACT_VERSION, createJsBackend, getBackend, matmul, setBackend, tensor, transpose } from '@gradlab/core-tensor';
import { checkBackend } from '@gradlab/core-tensor/testing';
import { createWasmBackend, initWasmBackend } from '../src/index.ts';

describe('createWasmBackend', () => {
  it('passes checkBackend with the default small-size fallback', () => {
    const report = checkBackend(createWasmBackend());
    expect(report.failures).toEqual([]);
    expect(report.passed).toBe(true);
    expect(report.cases).toBeGreaterThan(20);
  });

  it('passes checkBackend with every float kernel forced through wasm (minElements 0)', () => {
    const report = checkBackend(createWasmBackend({ minElements: 0 }));
    expect(report.failures).toEqual([]);
    expect(report.passed).toBe(true);
  });

  it('is accepted by setBackend and computes through the tensor layer', () => {
    const previous = setBackend(createWasmBackend({ minElements: 0 }));
    try {
      expect(getBackend().name).toBe('wasm');
      const a = tensor([[1, 2, 3], [4, 5, 6]], { dtype: 'float32' });
      expect(matmul(a, transpose(a)).toArray()).toEqual([[14, 32], [32, 77]]);
      expect(a.add(1).relu().sum().item()).toBe(27);
    } finally {
      setBackend(previous);
    }
  });

  it('agrees with the js backend on a large transposed float32 product', () => {
    const wasm = createWasmBackend();
    const js = createJsBackend();
    const n = 96;
    const data = Float32Array.from({ length: n * n }, (_, i) => Math.sin(i));
    const a = { data, dtype: 'float32' as const, shape: [n, n], strides: [1, n], offset: 0 };
    const b = { data, dtype: 'float32' as const, shape: [n, n], strides: [n, 1], offset: 0 };
    const got = wasm.matmul(a, b, 'float32');
    const want = js.matmul(a, b, 'float32');
    let worst = 0;
    for (let i = 0; i < want.length; i++) worst = Math.max(worst, Math.abs((got[i] as number) - (want[i] as number)));
    expect(worst).toBeLessThan(1e-4);
  });

  it('delegates int32 and bool work to the fallback backend', () => {
    const calls: string[] = [];
    const js = createJsBackend();
    const spy = { ...js, binary: (...args: Parameters<typeof js.binary>) => (calls.push('binary'), js.binary(...args)) };
    const wasm = createWasmBackend({ fallback: spy, minElements: 0 });
    const ints = { data: Int32Array.from([1, 2, 3]), dtype: 'int32' as const, shape: [3], strides: [1], offset: 0 };
    expect(Array.from(wasm.binary('add', ints, ints, 'int32'))).toEqual([2, 4, 6]);
    expect(calls).toEqual(['binary']);
  });

  it('initWasmBackend resolves to an equivalent backend', async () => {
    const b = await initWasmBackend({ minElements: 0 });
    expect(b.name).toBe('wasm');
    expect(checkBackend(b).passed).toBe(true);
    expect(b.memoryBytes).toBeGreaterThan(0);
    expect(BACKEND_CONTRACT_VERSION).toBe(3);
  });
});
