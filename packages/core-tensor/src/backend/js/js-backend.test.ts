import { describe, expect, it } from 'vitest';
import { createJsBackend } from './index.ts';
import { setBackend, getBackend } from '../registry.ts';
import { checkBackend } from '../../testing/index.ts';
import { BackendError } from '../../errors.ts';
import type { Backend } from '../backend.ts';
import { tensor } from '../../creation.ts';

describe('js backend', () => {
  it('passes the backend conformance suite', () => {
    const report = checkBackend(createJsBackend());
    expect(report.failures).toEqual([]);
    expect(report.passed).toBe(true);
    expect(report.cases).toBeGreaterThan(100);
  });

  it('is the lazy default when no backend was set', () => {
    expect(getBackend().name).toBe('js');
    expect(tensor([1, 2]).add(1).toArray()).toEqual([2, 3]);
  });

  it('setBackend names a missing kernel with a BackendError', () => {
    const { matmul: _m, ...partial } = createJsBackend();
    expect(() => setBackend(partial as unknown as Backend)).toThrow(BackendError);
    expect(() => setBackend(partial as unknown as Backend)).toThrow(/lacks the kernel matmul/);
  });

  it('a backend missing a kernel does not type-check', () => {
    const { gather: _g, ...partial } = createJsBackend();
    // @ts-expect-error: gather is a required kernel
    const incomplete: Backend = partial;
    expect(() => setBackend(incomplete)).toThrow(/lacks the kernel gather/);
  });

  it('setBackend switches backends and returns the previous one', () => {
    const calls: string[] = [];
    const js = createJsBackend();
    const spy: Backend = { ...js, name: 'spy', matmul: (a, b, d) => (calls.push('matmul'), js.matmul(a, b, d)) };
    const previous = setBackend(spy);
    try {
      expect(tensor([[1, 2]]).matmul(tensor([[3], [4]])).toArray()).toEqual([[11]]);
      expect(calls).toEqual(['matmul']);
    } finally {
      setBackend(previous);
    }
    expect(getBackend()).toBe(previous);
  });

  it('checkBackend reports a wrong kernel', () => {
    const js = createJsBackend();
    const broken: Backend = { ...js, unary: (op, x, d) => (op === 'exp' ? js.unary('exp', x, d).map((v) => v + 1) : js.unary(op, x, d)) };
    const report = checkBackend(broken);
    expect(report.passed).toBe(false);
    expect(report.failures.some((f) => f.startsWith('unary exp'))).toBe(true);
  });
});
