/**
 * softmax through a backend's optional fused kernels (contract version 3): dispatch, the gradient
 * rule (first and second order, float64 finite differences) and checkBackend's checks of the kernels.
 * The kernels here are a plain-JS float64 reference added to the js backend, as a third-party
 * backend would add its own.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backend, StridedArray } from '../backend/backend.ts';
import { createJsBackend } from '../backend/js/index.ts';
import { getBackend, setBackend } from '../backend/registry.ts';
import { randNormal } from '../creation.ts';
import { rng } from '../random.ts';
import { checkBackend, gradCheck } from '../testing/index.ts';
import { grad } from '../autodiff/grad.ts';
import * as T from '../index.ts';

function rows(x: StridedArray): { data: Float64Array; n: number } {
  const js = createJsBackend();
  return { data: Float64Array.from(js.contiguous(x)), n: x.shape[x.shape.length - 1] as number };
}

let calls = { softmax: 0, softmaxGrad: 0 };
const withKernels: Backend = {
  ...createJsBackend(),
  name: 'js+softmax',
  softmax(x, dtype) {
    calls.softmax++;
    const { data, n } = rows(x);
    for (let r = 0; r < data.length; r += n) {
      const row = data.subarray(r, r + n);
      const m = row.some(Number.isNaN) ? Number.NaN : Math.max(...row);
      let z = 0;
      for (let j = 0; j < n; j++) z += row[j] = Math.exp((row[j] as number) - m);
      for (let j = 0; j < n; j++) row[j] = (row[j] as number) / z;
    }
    return dtype === 'float32' ? Float32Array.from(data) : data;
  },
  softmaxGrad(y, g, dtype) {
    calls.softmaxGrad++;
    const { data: Y, n } = rows(y);
    const G = rows(g).data;
    const out = new Float64Array(Y.length);
    for (let r = 0; r < Y.length; r += n) {
      let s = 0;
      for (let j = r; j < r + n; j++) s += (G[j] as number) * (Y[j] as number);
      for (let j = r; j < r + n; j++) out[j] = (Y[j] as number) * ((G[j] as number) - s);
    }
    return dtype === 'float32' ? Float32Array.from(out) : out;
  },
};

describe('softmax with a backend that has the fused kernels', () => {
  let previous: Backend;
  beforeEach(() => {
    previous = setBackend(withKernels);
    calls = { softmax: 0, softmaxGrad: 0 };
  });
  afterEach(() => {
    setBackend(previous);
  });

  it('uses the kernel for the last axis only, with the composed values', () => {
    const x = randNormal(rng(1), [3, 4, 5]);
    const fused = T.softmax(x, -1);
    expect(calls.softmax).toBe(1);
    T.softmax(x, 1);
    expect(calls.softmax).toBe(1);
    setBackend(createJsBackend());
    const composed = T.softmax(x, -1);
    expect(Array.from(fused.data).every((v, i) => Math.abs(v - (composed.data[i] as number)) < 1e-15)).toBe(true);
  });

  it('is gradient-checked in float64 through softmaxGrad, over a transposed input', () => {
    const w = randNormal(rng(2), [4, 3]);
    gradCheck((x) => T.sum(T.mul(T.softmax(T.transpose(x), -1), w)), [randNormal(rng(3), [3, 4])]);
    expect(calls.softmaxGrad).toBeGreaterThan(0);
  });

  it('has second derivatives (softmaxGrad is differentiable in y and g)', () => {
    const w = randNormal(rng(4), [2, 5]);
    const f = (x: T.Tensor): T.Tensor => T.sum(T.mul(T.square(T.softmax(x, -1)), w));
    const gradSum = (x: T.Tensor): T.Tensor => T.sum(T.mul(grad(f)(x), w));
    gradCheck(gradSum, [randNormal(rng(5), [2, 5])]);
  });

  it('passes checkBackend, which checks the optional kernels when present', () => {
    const report = checkBackend(withKernels);
    expect(report.failures).toEqual([]);
    const bad = checkBackend({ ...withKernels, softmaxGrad: (y, g, d) => withKernels.softmax!(g, d) });
    expect(bad.failures.some((f) => f.startsWith('softmaxGrad'))).toBe(true);
  });
});

it('a backend without the kernels still composes softmax (and setBackend accepts it)', () => {
  expect(getBackend().softmax).toBeUndefined();
  const y = T.softmax(T.tensor([0, Math.log(3)]));
  expect(y.data[0]).toBeCloseTo(0.25, 15);
  expect(y.data[1]).toBeCloseTo(0.75, 15);
});
