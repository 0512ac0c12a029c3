import v8 from 'node:v8';
import vm from 'node:vm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { add, dispose, getBackend, keep, matmul, mul, randNormal, relu, rng, setBackend, sum, tensor, tidy, valueAndGrad } from '@gradlab/core-tensor';
import type { Backend, Tensor } from '@gradlab/core-tensor';
import { createWasmBackend } from '../src/index.ts';
import type { WasmBackend } from '../src/index.ts';

let previous: Backend;
let wasm: WasmBackend;
beforeEach(() => {
  previous = getBackend();
  wasm = createWasmBackend({ minElements: 16 });
  setBackend(wasm);
});
afterEach(() => {
  setBackend(previous);
});

const isShared = (t: Tensor): boolean => t._storage.buffer instanceof SharedArrayBuffer;

function affine(x: Tensor, w: Tensor, b: Tensor): Tensor {
  return relu(add(mul(x, w), b));
}

describe('resident storage inside tidy', () => {
  it('is on in Node (shared memory)', () => {
    expect(wasm.residentEnabled).toBe(true);
  });

  it('keeps results in linear memory inside tidy, and only there', () => {
    const r = rng(1);
    const x = randNormal(r, [64, 64], { dtype: 'float32' });
    const w = randNormal(r, [64], { dtype: 'float32' });
    const b = randNormal(r, [64], { dtype: 'float32' });
    const outside = affine(x, w, b);
    expect(isShared(outside)).toBe(false);
    const inside = tidy(() => affine(x, w, b));
    expect(isShared(inside)).toBe(true);
    expect(Array.from(inside.data)).toEqual(Array.from(outside.data));
    expect(wasm.residentBlocks).toBe(1); // the two intermediates went back already
    inside.dispose();
    expect(wasm.residentBlocks).toBe(0);
    expect(wasm.residentBytes).toBe(0);
  });

  it('reuses the same memory step after step: linear memory stops growing', () => {
    const r = rng(2);
    const x = tidy(() => keep(randNormal(r, [128, 256], { dtype: 'float32' }).mul(1)));
    const w = tidy(() => keep(randNormal(r, [256, 64], { dtype: 'float32' }).mul(1)));
    let bytesAfterFirst = 0;
    for (let step = 0; step < 50; step++) {
      tidy(() => {
        const y = relu(matmul(x, w));
        return sum(y.mul(y)).item();
      });
      if (step === 0) bytesAfterFirst = wasm.memoryBytes;
    }
    expect(wasm.memoryBytes).toBe(bytesAfterFirst);
    expect(wasm.residentBlocks).toBe(2); // x and w
    dispose([x, w]);
    expect(wasm.residentBlocks).toBe(0);
  });

  it('a returned tensor is not overwritten when later scopes reuse memory', () => {
    const x = tensor(Float32Array.from({ length: 1000 }, (_, i) => i));
    const kept = tidy(() => x.mul(2));
    const expected = Array.from(kept.data);
    for (let i = 0; i < 5; i++) tidy(() => x.mul(3).add(1).neg());
    expect(Array.from(kept.data)).toEqual(expected);
    expect(isShared(kept)).toBe(true);
  });

  it('views made before memory grows stay valid after it grows', () => {
    const small = tidy(() => tensor(Float32Array.from({ length: 64 }, (_, i) => i)).mul(1));
    const before = wasm.memoryBytes;
    // Big enough to force linear memory to grow.
    const big = tidy(() => tensor(new Float32Array(Math.max(before, 1 << 22) / 2)).add(1));
    expect(wasm.memoryBytes).toBeGreaterThan(before);
    expect(Array.from(small.data)).toEqual(Array.from({ length: 64 }, (_, i) => i));
    expect(big.data[0]).toBe(1);
    dispose([small, big]);
  });

  it('tensor() inside tidy takes resident storage; a window into it is copied out by .data', () => {
    const t = tidy(() => tensor(new Float64Array(100).fill(2.5)));
    expect(isShared(t)).toBe(true);
    const window = t.reshape([10, 10]).slice([2, 0], [1, 10]);
    const d = window.data;
    expect(d.buffer instanceof SharedArrayBuffer).toBe(false);
    expect(Array.from(d)).toEqual(new Array(10).fill(2.5));
    t.dispose();
  });

  it('gradients computed inside tidy equal those outside, and nothing stays resident', () => {
    const r = rng(3);
    const x = randNormal(r, [32, 20], { dtype: 'float64' });
    const w = randNormal(r, [20, 8], { dtype: 'float64' });
    const loss = (v: Tensor) => sum(relu(matmul(x, v)).square());
    const [v0, g0] = valueAndGrad(loss)(w);
    const [v1, g1] = tidy(() => valueAndGrad(loss)(w));
    expect(v1.item()).toBe(v0.item());
    expect(Array.from(g1.data)).toEqual(Array.from(g0.data));
    dispose([v1, g1]);
    expect(wasm.residentBlocks).toBe(0);
  });

  it('an MLP trained step by step inside tidy gives the same bits as without tidy', () => {
    // Resident storage, fused elementwise chains and generated loops together, on a real workload.
    const r = rng(4);
    const X = randNormal(r, [64, 100], { dtype: 'float32' });
    const Y = randNormal(r, [64, 10], { dtype: 'float32' });
    const init = [randNormal(r, [100, 32], { dtype: 'float32', std: 0.1 }), randNormal(r, [32], { dtype: 'float32', std: 0.1 }), randNormal(r, [32, 10], { dtype: 'float32', std: 0.1 })];
    const loss = (w1: Tensor, b1: Tensor, w2: Tensor) => sum(matmul(relu(add(matmul(X, w1), b1)), w2).sub(Y).square()).mul(1 / 64);
    const vg = valueAndGrad(loss);
    const train = (scoped: boolean): number[] => {
      let params = init;
      const losses: number[] = [];
      for (let step = 0; step < 15; step++) {
        const update = (): [number, Tensor[]] => {
          const [value, grads] = vg(params[0] as Tensor, params[1] as Tensor, params[2] as Tensor);
          return [value.item(), params.map((p, i) => p.sub((grads[i] as Tensor).mul(0.05)).maximum(-10).minimum(10))];
        };
        const [value, next] = scoped ? tidy(update) : update();
        if (scoped && params !== init) dispose(params);
        params = next;
        losses.push(value);
      }
      return losses;
    };
    const eager = train(false);
    const blocksBefore = wasm.residentBlocks;
    const scoped = train(true);
    expect(scoped).toEqual(eager);
    expect(eager[14]).toBeLessThan(eager[0] as number);
    expect(wasm.fusedPrograms).toBeGreaterThan(0);
    expect(wasm.residentBlocks).toBeGreaterThan(blocksBefore); // the last parameters
  });

  it('past residentBytes, results are plain JS arrays (still correct)', () => {
    setBackend(createWasmBackend({ minElements: 16, residentBytes: 1000 * 4 }));
    const x = tensor(Float32Array.from({ length: 1000 }, (_, i) => i));
    const [a, b] = tidy(() => [x.mul(2), x.mul(3)]);
    expect(isShared(a)).toBe(true);
    expect(isShared(b)).toBe(false);
    expect((b).data[999]).toBe(2997);
  });

  it('residentBytes: 0 turns it off', () => {
    const off = createWasmBackend({ residentBytes: 0 });
    expect(off.residentEnabled).toBe(false);
    setBackend(off);
    const y = tidy(() => tensor(new Float32Array(1000).fill(1)).mul(2));
    expect(isShared(y)).toBe(false);
    expect(y.data[0]).toBe(2);
    expect(() => createWasmBackend({ residentBytes: -1 })).toThrow(/argument options.residentBytes/);
  });

  it('frees the block of a tensor that escaped every scope once the garbage collector takes it', async () => {
    // The safety net for tensors nobody disposes: a FinalizationRegistry, armed when the outermost scope closes.
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    const before = wasm.residentBlocks;
    (() => {
      tidy(() => tensor(new Float32Array(4096).fill(1)).mul(2));
    })();
    expect(wasm.residentBlocks).toBe(before + 1);
    for (let i = 0; i < 20 && wasm.residentBlocks > before; i++) {
      gc();
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(wasm.residentBlocks).toBe(before);
  });

  it('ignores storage it does not own', () => {
    expect(() => wasm.release?.(new Float32Array(4))).not.toThrow();
    expect(wasm.residentBlocks).toBe(0);
  });
});
