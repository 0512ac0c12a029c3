import { describe, expect, it } from 'vitest';
import { DTypeError, matmul, tensor, ValueError } from '@gradlab/core-tensor';
import { expectClose } from '@gradlab/core-tensor/testing';
import { sinusoidalPositions } from './sinusoidal-positions.ts';

describe('sinusoidalPositions', () => {
  it('gives the known values of the paper', () => {
    const pe = sinusoidalPositions(3, 4);
    expect(pe.shape).toEqual([3, 4]);
    expect(pe.dtype).toBe('float64');
    // d = 4: frequencies 1 and 10000^(-2/4) = 0.01
    expectClose(pe, [
      [0, 1, 0, 1],
      [Math.sin(1), Math.cos(1), Math.sin(0.01), Math.cos(0.01)],
      [Math.sin(2), Math.cos(2), Math.sin(0.02), Math.cos(0.02)],
    ], { rtol: 1e-15, atol: 1e-16 });
    // d = 6, position 5, column 2: sin(5 / 10000^(2/6)); column 5: cos(5 / 10000^(4/6))
    const p = sinusoidalPositions(6, 6).toArray() as number[][];
    expect(p[5]?.[2]).toBeCloseTo(Math.sin(5 / 10000 ** (2 / 6)), 15);
    expect(p[5]?.[5]).toBeCloseTo(Math.cos(5 / 10000 ** (4 / 6)), 15);
  });

  it('ends on a sine for odd d, and takes base and dtype', () => {
    const p = sinusoidalPositions(2, 3, { base: 100, dtype: 'float32' });
    expect(p.dtype).toBe('float32');
    expectClose(p, [[0, 1, 0], [Math.sin(1), Math.cos(1), Math.sin(100 ** (-2 / 3))]], { rtol: 1e-6 });
  });

  it('encodes a shift by k as a rotation of each (sin, cos) pair: PE[pos + k] = PE[pos] M_k', () => {
    const d = 8;
    const k = 3;
    const pe = sinusoidalPositions(10, d);
    const m = new Float64Array(d * d);
    for (let j = 0; j < d; j += 2) {
      const a = k * 10000 ** (-j / d);
      m[j * d + j] = Math.cos(a);
      m[j * d + j + 1] = -Math.sin(a);
      m[(j + 1) * d + j] = Math.sin(a);
      m[(j + 1) * d + j + 1] = Math.cos(a);
    }
    const shifted = matmul(pe.slice([0, 0], [7, d]), tensor(m, { shape: [d, d] }));
    expectClose(shifted, pe.slice([k, 0], [7, d]), { rtol: 1e-12, atol: 1e-12 });
  });

  it('rejects bad sizes with typed errors', () => {
    expect(() => sinusoidalPositions(-1, 4)).toThrow(ValueError);
    // No positions: an empty table at once, however wide (found by the fuzzer, which waited on it).
    expect(sinusoidalPositions(0, 1e12).shape).toEqual([0, 1e12]);
    expect(() => sinusoidalPositions(2, 1.5)).toThrow(/argument d/);
    expect(() => sinusoidalPositions(2, 4, { base: 0 })).toThrow(ValueError);
    expect(() => sinusoidalPositions(2, 4, { dtype: 'int32' as 'float32' })).toThrow(DTypeError);
    expect(sinusoidalPositions(0, 4).shape).toEqual([0, 4]);
  });
});
