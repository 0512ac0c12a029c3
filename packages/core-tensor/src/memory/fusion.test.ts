import { describe, expect, it } from 'vitest';
import { use } from '../../test/use-backend.ts';
import type { Backend, FusedStep, StridedArray, UnaryOp, BinaryOp } from '../backend/backend.ts';
import { createJsBackend } from '../backend/js/index.ts';
import type { DType, TypedArray } from '../dtype.ts';
import { randNormal, tensor } from '../creation.ts';
import { rng } from '../random.ts';
import { rowMajorStrides } from '../shape.ts';
import { valueAndGrad } from '../autodiff/grad.ts';
import { add, maximum, mul, sub } from '../ops/binary.ts';
import { relu, sqrt, square } from '../ops/unary.ts';
import { sum } from '../ops/reduce.ts';
import { checkBackend } from '../testing/index.ts';
import type { Tensor } from '../tensor.ts';
import { dispose, keep, tidy } from './scope.ts';

/**
 * The js backend plus a reference `fused` (the steps run one after another with the unfused
 * kernels, so results are bit-identical by construction), counting what runs.
 */
function fusingBackend(): Backend & { programs: FusedStep[][]; eager: string[]; released: TypedArray[] } {
  const js = createJsBackend();
  const programs: FusedStep[][] = [];
  const eager: string[] = [];
  const released: TypedArray[] = [];
  return {
    ...js,
    name: 'fusing',
    programs,
    eager,
    released,
    unary: (op, x, dtype) => (eager.push(op), js.unary(op, x, dtype)),
    binary: (op, a, b, dtype) => (eager.push(op), js.binary(op, a, b, dtype)),
    release: (data) => void released.push(data),
    fused(steps: readonly FusedStep[], inputs: readonly StridedArray[], dtype: DType): TypedArray {
      programs.push(steps.slice());
      const shape = (inputs[0] as StridedArray).shape;
      const regs = [...inputs];
      for (const s of steps) {
        const [a, b] = s.args.map((r) => regs[r] as StridedArray);
        const data = b === undefined ? js.unary(s.op as UnaryOp, a as StridedArray, dtype) : js.binary(s.op as BinaryOp, a as StridedArray, b, dtype);
        regs.push({ data, dtype, shape, strides: rowMajorStrides(shape), offset: 0 });
      }
      return (regs[regs.length - 1] as StridedArray).data;
    },
  };
}


const r = rng(11);
const X = randNormal(r, [40, 50], { dtype: 'float32' });
const W = randNormal(r, [50], { dtype: 'float32' });
const B = randNormal(r, [50], { dtype: 'float32' });

describe('lazy elementwise fusion inside tidy', () => {
  it('runs relu(x·w + b) as one program and never computes the intermediates', () => {
    const b = use(fusingBackend());
    const eagerResult = relu(add(mul(X, W), B));
    b.eager.length = 0;
    const y = tidy(() => relu(add(mul(X, W), B)));
    expect(b.eager).toEqual([]);
    expect(b.programs).toEqual([
      [
        { op: 'mul', args: [0, 1] },
        { op: 'add', args: [3, 2] },
        { op: 'relu', args: [4] },
      ],
    ]);
    expect(Array.from(y.data)).toEqual(Array.from(eagerResult.data));
  });

  it('reading a pending tensor runs it; its result is the eager one', () => {
    const b = use(fusingBackend());
    const out = tidy(() => {
      const z = add(mul(X, W), B);
      const first = z.data[0];
      return [z, first] as const;
    });
    expect(out[1]).toBe(add(mul(X, W), B).data[0]);
    expect(b.programs).toHaveLength(1);
  });

  it('shares a pending operand with one consumer only; the second reads it', () => {
    const b = use(fusingBackend());
    const [p, q] = tidy(() => {
      const z = mul(X, W);
      return [add(z, 1), sub(z, 1)];
    });
    // z folded into p's program; q read z, which ran on its own then; p and q ran as the scope returned them.
    expect(b.programs.map((s) => s.map((x) => x.op))).toEqual([['mul'], ['mul', 'add'], ['sub']]);
    expect(Array.from(p.data)).toEqual(Array.from(add(mul(X, W), 1).data));
    expect(Array.from(q.data)).toEqual(Array.from(sub(mul(X, W), 1).data));
  });

  it('repeated leaves are loaded once', () => {
    const b = use(fusingBackend());
    tidy(() => sub(mul(X, X), square(X)));
    expect(b.programs[0]).toEqual([
      { op: 'mul', args: [0, 0] },
      { op: 'square', args: [0] },
      { op: 'sub', args: [1, 2] },
    ]);
  });

  it('a leaf disposed before its consumer ran keeps its storage until then', () => {
    const b = use(fusingBackend());
    let leaf: Tensor | undefined;
    let y: Tensor | undefined;
    tidy(() => {
      leaf = keep(tidy(() => mul(X, 2)));
      y = keep(relu(sub(leaf, 1)));
      dispose(leaf);
      expect(b.released).not.toContain(leaf._storage);
    });
    expect(leaf?.isDisposed).toBe(true);
    expect(Array.from((y as Tensor).data)).toEqual(Array.from(relu(sub(mul(X, 2), 1)).data));
    expect(b.released).toContain(leaf?._storage);
    dispose(y);
  });

  it('intermediates that are disposed unread are never computed', () => {
    const b = use(fusingBackend());
    const s = tidy(() => {
      add(mul(X, W), B); // dead
      return sum(sqrt(square(X)));
    });
    expect(b.programs.map((p) => p.map((x) => x.op))).toEqual([['square', 'sqrt']]);
    expect(s.item()).toBeCloseTo(sum(sqrt(square(X))).item(), 10);
  });

  it('gradients inside tidy match the eager ones bit for bit', () => {
    use(fusingBackend());
    const loss = (w: Tensor, bias: Tensor) => sum(square(relu(add(mul(X, w), bias))));
    const [v0, g0] = valueAndGrad(loss)(W, B);
    const [v1, g1] = tidy(() => valueAndGrad(loss)(W, B));
    expect(v1.item()).toBe(v0.item());
    expect(Array.from(g1[0].data)).toEqual(Array.from(g0[0].data));
    expect(Array.from(g1[1].data)).toEqual(Array.from(g0[1].data));
  });

  it('long chains fall back to shorter programs and stay correct', () => {
    const b = use(fusingBackend());
    const y = tidy(() => {
      let t = X;
      for (let i = 0; i < 40; i++) t = maximum(sub(t, 0.01 * i), -1);
      return t;
    });
    let e = X;
    for (let i = 0; i < 40; i++) e = maximum(sub(e, 0.01 * i), -1);
    expect(Array.from(y.data)).toEqual(Array.from(e.data));
    expect(b.programs.length).toBeGreaterThan(1);
    for (const p of b.programs) expect(p.length).toBeLessThanOrEqual(24);
  });

  it('does not fuse outside tidy, for small tensors, other dtypes or backends without fused', () => {
    const b = use(fusingBackend());
    relu(add(mul(X, W), B));
    tidy(() => relu(add(tensor([1, 2, 3], { dtype: 'float32' }), 1)));
    tidy(() => relu(add(tensor(new Int32Array(2000)), 1)));
    expect(b.programs).toEqual([]);
    use(createJsBackend());
    expect(tidy(() => relu(add(mul(X, W), B))).isDisposed).toBe(false);
  });

  it('a fused result returned from tidy is counted: disposing it hands its storage back', () => {
    const b = use(fusingBackend());
    const y = tidy(() => relu(add(mul(X, W), B)));
    const storage = y._storage;
    y.dispose();
    expect(b.released).toContain(storage);
  });

  it('the reference fused kernel passes checkBackend', () => {
    expect(checkBackend(fusingBackend()).failures).toEqual([]);
  });
});
