import { describe, expect, it } from 'vitest';
import { createJsBackend, randNormal, rng, setBackend, softmax, sum, mul, tidy, keep, transpose, valueAndGrad } from '@gradlab/core-tensor';
import type { Tensor } from '@gradlab/core-tensor';
import { gradCheck } from '@gradlab/core-tensor/testing';
import { createWasmBackend } from './index.ts';
import { maxRelError } from '../test/reference.ts';

// minElements 0: the composed ops run in wasm too (below the threshold they run on the js fallback).
const wasm = createWasmBackend({ minElements: 0 });
const { softmax: _s, softmaxGrad: _g, ...composed } = wasm;

describe('fused softmax kernels', () => {
  it.each([[4, 7], [3, 64], [2, 65], [5, 1]])('float32 forward has the composed ops\' bits on this backend ([%i, %i], transposed too)', (r, n) => {
    const x = tidy(() => keep(randNormal(rng(r * n), [r, n], { dtype: 'float32' })));
    for (const v of [x, transpose(tidy(() => keep(randNormal(rng(n), [n, r], { dtype: 'float32' }))))]) {
      setBackend(wasm);
      const fused = tidy(() => softmax(v, -1).toArray());
      setBackend(composed);
      expect(tidy(() => softmax(v, -1).toArray())).toEqual(fused);
    }
  });

  it.each(['float32', 'float64'] as const)('%s forward and gradient agree with the js backend within tolerance', (dtype) => {
    const x = randNormal(rng(9), [6, 4, 33], { dtype });
    const w = randNormal(rng(10), [6, 4, 33], { dtype });
    const f = valueAndGrad((t: Tensor) => sum(mul(softmax(t, -1), w)));
    setBackend(wasm);
    const [va, ga] = f(x);
    setBackend(createJsBackend());
    const [vb, gb] = f(x);
    const tol = dtype === 'float32' ? 1e-5 : 1e-13;
    expect(Math.abs(va.item() - vb.item())).toBeLessThan(tol);
    expect(maxRelError(ga.data, gb.data)).toBeLessThan(tol);
  });

  it('is gradient-checked in float64 on the wasm backend, masked rows included', () => {
    setBackend(wasm);
    const w = randNormal(rng(3), [2, 3, 8]);
    gradCheck((x) => sum(mul(softmax(x, -1), w)), [randNormal(rng(4), [2, 3, 8])]);
    gradCheck((x) => sum(mul(softmax(transpose(x, [0, 2, 1]), -1), w)), [randNormal(rng(5), [2, 8, 3])]);
  });
});
