import { describe, expect, it } from 'vitest';
import { use } from '../../test/use-backend.ts';
import fc from 'fast-check';
import type { Backend } from '../backend/backend.ts';
import { createJsBackend } from '../backend/js/index.ts';
import { setBackend } from '../backend/registry.ts';
import type { TypedArray } from '../dtype.ts';
import { BackendError, DisposedError, ValueError } from '../errors.ts';
import { scalar, tensor } from '../creation.ts';
import { valueAndGrad } from '../autodiff/grad.ts';
import type { Tensor } from '../tensor.ts';
import { dispose, keep, memoryInfo, tidy } from './scope.ts';

/** The js backend plus memory hooks that record what core-tensor tells it. */
function recordingBackend(): Backend & { released: TypedArray[]; allocated: TypedArray[]; events: string[] } {
  const js = createJsBackend();
  const released: TypedArray[] = [];
  const allocated: TypedArray[] = [];
  const events: string[] = [];
  return {
    ...js,
    name: 'recording',
    released,
    allocated,
    events,
    beginScope: () => events.push('begin'),
    endScope: () => events.push('end'),
    alloc(size, dtype) {
      const buf = dtype === 'float32' ? new Float32Array(size) : dtype === 'float64' ? new Float64Array(size) : undefined;
      if (buf !== undefined) allocated.push(buf);
      return buf;
    },
    release(data) {
      released.push(data);
    },
  };
}


describe('tidy', () => {
  it('disposes the intermediates and keeps what it returns', () => {
    const b = use(recordingBackend());
    const x = tensor([1, 2, 3]);
    let inner: Tensor | undefined;
    const y = tidy(() => {
      inner = x.mul(2);
      return inner.add(1);
    });
    expect(y.toArray()).toEqual([3, 5, 7]);
    expect(inner?.isDisposed).toBe(true);
    expect(() => inner?.toArray()).toThrow(DisposedError);
    expect(() => inner?.add(1)).toThrow(/disposed.*tidy/);
    expect(x.isDisposed).toBe(false);
    expect(b.events).toEqual(['begin', 'end']);
    // The product's storage went back to the backend; x's and y's did not.
    expect(b.released).toHaveLength(1);
    expect(b.released).not.toContain(x._storage);
    expect(b.released).not.toContain(y._storage);
  });

  it('keeps tensors returned in arrays, plain objects and Maps', () => {
    use(recordingBackend());
    const x = tensor([1, 2]);
    const out = tidy(() => ({ a: [x.mul(2), { b: x.add(1) }], m: new Map([['c', x.neg()]]) }));
    expect((out.a[0] as Tensor).toArray()).toEqual([2, 4]);
    expect((out.a[1] as { b: Tensor }).b.toArray()).toEqual([2, 3]);
    expect(out.m.get('c')?.toArray()).toEqual([-1, -2]);
  });

  it('hands returned tensors to the enclosing scope, which disposes them unless it returns them too', () => {
    use(recordingBackend());
    let fromInner: Tensor | undefined;
    const outer = tidy(() => {
      fromInner = tidy(() => tensor([1, 2]).mul(3));
      expect(fromInner.isDisposed).toBe(false);
      return fromInner.sum();
    });
    expect(outer.item()).toBe(9);
    expect(fromInner?.isDisposed).toBe(true);
  });

  it('never disposes kept tensors; dispose frees them explicitly', () => {
    const b = use(recordingBackend());
    let kept: Tensor | undefined;
    tidy(() => {
      kept = keep(tensor([1, 2]).mul(2));
    });
    expect(kept?.toArray()).toEqual([2, 4]);
    const storage = kept?._storage;
    dispose(kept);
    expect(kept?.isDisposed).toBe(true);
    expect(b.released).toContain(storage);
    dispose(kept); // twice is harmless
    expect(b.released.filter((r) => r === storage)).toHaveLength(1);
  });

  it('releases storage only when no view of it is alive', () => {
    const b = use(recordingBackend());
    const base = tidy(() => tensor([1, 2, 3, 4]).mul(1));
    const view = base.reshape([2, 2]);
    expect(view._storage).toBe(base._storage);
    base.dispose();
    expect(b.released).not.toContain(view._storage);
    expect(view.toArray()).toEqual([
      [1, 2],
      [3, 4],
    ]);
    view.dispose();
    expect(b.released).toContain(view._storage);
  });

  it('returning a view keeps the storage of the tensor it views', () => {
    const b = use(recordingBackend());
    const v = tidy(() => tensor([1, 2, 3, 4]).mul(2).reshape([2, 2]).transpose());
    expect(b.released).not.toContain(v._storage);
    expect(v.toArray()).toEqual([
      [2, 6],
      [4, 8],
    ]);
  });

  it('disposes everything when the function throws, and closes the scope', () => {
    const b = use(recordingBackend());
    let made: Tensor | undefined;
    expect(() =>
      tidy(() => {
        made = tensor([1]).mul(2);
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(made?.isDisposed).toBe(true);
    expect(b.events).toEqual(['begin', 'end']);
    expect(memoryInfo().scopes).toBe(0);
  });

  it('rejects async functions with a typed error', () => {
    use(recordingBackend());
    const asyncFn = (): Promise<Tensor> => Promise.resolve(tensor([1]));
    expect(() => tidy(asyncFn)).toThrow(ValueError);
    expect(() => tidy(asyncFn)).toThrow(/tidy: tidy cannot track an async function/);
    expect(() => tidy(42 as unknown as () => void)).toThrow(/argument fn; expected a function; received number/);
  });

  it('shared constants for bare numbers survive every scope', () => {
    use(recordingBackend());
    const x = tensor([1, 2]);
    tidy(() => x.add(12345.5));
    // The cached scalar 12345.5 was created inside the scope; it must still work.
    expect(x.add(12345.5).toArray()).toEqual([12346.5, 12347.5]);
  });

  it('disposes nothing while a gradient records, so the gradient is right', () => {
    const b = use(recordingBackend());
    const f = (w: Tensor) => tidy(() => w.mul(w).mul(3).sum());
    const [value, g] = valueAndGrad(f)(tensor([1, 2]));
    expect(value.item()).toBe(15);
    expect(g.toArray()).toEqual([6, 12]);
    // The backend was not told about that scope: its results are not scoped storage.
    expect(b.events).toEqual([]);
    expect(b.released).toEqual([]);
  });

  it('around valueAndGrad, keeps the value and gradients and disposes the rest', () => {
    const b = use(recordingBackend());
    const w = tensor([1, 2]);
    const [value, g] = tidy(() => valueAndGrad((v: Tensor) => v.mul(v).mul(3).sum())(w));
    expect(value.item()).toBe(15);
    expect(g.toArray()).toEqual([6, 12]);
    expect(b.released.length).toBeGreaterThan(0);
    expect(w.isDisposed).toBe(false);
  });

  it('tensor() inside a scope takes its storage from backend.alloc', () => {
    const b = use(recordingBackend());
    const t = tidy(() => tensor([1.5, 2.5], { dtype: 'float32' }));
    expect(b.allocated).toHaveLength(1);
    expect(t._storage).toBe(b.allocated[0]);
    expect(Array.from(t.data)).toEqual([1.5, 2.5]);
    const outside = tensor([1], { dtype: 'float32' });
    expect(b.allocated).toHaveLength(1);
    expect(outside.item()).toBe(1);
  });

  it('memoryInfo counts scopes and tracked tensors', () => {
    use(recordingBackend());
    expect(memoryInfo()).toEqual({ scopes: 0, trackedTensors: 0 });
    tidy(() => {
      scalar(1);
      scalar(2);
      expect(memoryInfo()).toEqual({ scopes: 1, trackedTensors: 2 });
    });
  });

  it('property: storage is released once, and only after its last view is disposed', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(5), fc.boolean()), { minLength: 1, maxLength: 25 }), (plan) => {
        const b = use(recordingBackend());
        // Views of one scoped storage, created and disposed in a random order.
        const base = tidy(() => tensor([1, 2, 3, 4, 5, 6]).mul(1));
        const live: Tensor[] = [base];
        for (const [pick, make] of plan) {
          const t = live[pick % live.length] as Tensor;
          if (make) live.push(t.reshape(t.rank === 1 ? [2, 3] : [6])); // always a new view
          else {
            t.dispose();
            live.splice(live.indexOf(t), 1);
          }
          const storage = base._storage;
          expect(b.released.filter((r) => r === storage)).toHaveLength(live.length === 0 ? 1 : 0);
          if (live.length === 0) break;
        }
        dispose(live);
        expect(b.released.filter((r) => r === base._storage)).toHaveLength(1);
      }),
    );
  });
});

describe('setBackend and the memory hooks', () => {
  it('rejects a hook that is not a function', () => {
    const bad = { ...createJsBackend(), release: 3 } as unknown as Backend;
    expect(() => setBackend(bad)).toThrow(BackendError);
    expect(() => setBackend(bad)).toThrow(/argument backend.release; expected a function or undefined; received number/);
  });
});
