/** The examples of README.md and apps/docs/docs/guide/core-tensor.md, run as written. */
import { describe, expect, it } from 'vitest';
import { add, arange, createJsBackend, DisposedError, eye, getBackend, grad, hessian, randNormal, randUniform, rng, setBackend, slice, tensor, tidy, valueAndGrad, zeros } from '../src/index.ts';
import type { Tensor } from '../src/index.ts';
import { checkBackend, expectClose, gradCheck } from '../src/testing/index.ts';

describe('guide examples', () => {
  it('tensors', () => {
    const x = tensor([[1, 2, 3], [4, 5, 6]]);
    expect(x.shape).toEqual([2, 3]);
    expect(x.dtype).toBe('float64');
    expect(x.data).toEqual(new Float64Array([1, 2, 3, 4, 5, 6]));
    expect(x.sum().item()).toBe(21);
    expect(tensor(new Float32Array([1, 2, 3, 4]), { shape: [2, 2] }).dtype).toBe('float32');
    expect(zeros([2, 2], { dtype: 'int32' }).toArray()).toEqual([[0, 0], [0, 0]]);
    expect(arange(4).toArray()).toEqual([0, 1, 2, 3]);
    expect(eye(2).toArray()).toEqual([[1, 0], [0, 1]]);
    expect(slice(arange(12).reshape([3, 4]), [1, 1], [2, -1]).toArray()).toEqual([[5, 6, 7], [9, 10, 11]]);
  });

  it('memory scopes (README)', () => {
    const x = tensor([[1, 2, 3], [4, 5, 6]]);
    const w = randNormal(rng(42), [3, 2], { std: 0.1 });
    const h = tidy(() => x.matmul(w).mul(2).add(1).relu());
    expect(h.toArray()).toEqual(x.matmul(w).mul(2).add(1).relu().toArray());
    h.dispose();
    expect(h.isDisposed).toBe(true);
    expect(() => h.toArray()).toThrow(DisposedError);
  });

  it('broadcasting', () => {
    expect(add(tensor([[1, 2, 3], [4, 5, 6]]), tensor([10, 20, 30])).toArray()).toEqual([[11, 22, 33], [14, 25, 36]]);
    expect(tensor([[1], [2]]).mul(tensor([1, 10])).toArray()).toEqual([[1, 10], [2, 20]]);
    expect(tensor([1, 2]).mul(3).toArray()).toEqual([3, 6]);
    expect(() => add(zeros([2, 3]), zeros([4]))).toThrow('[gradlab/core-tensor] add: shapes [2, 3] and [4] cannot be broadcast together');
  });

  it('gradients', () => {
    const g = (t: Tensor) => t.square().mul(tensor([1, 2, -1])).sum();
    expect(grad(g)(tensor([1, -1, 1])).toArray()).toEqual([2, -4, -2]);
    expect(valueAndGrad(g)(tensor([1, -1, 1]))[0].item()).toBe(2);
    expect(grad(grad((x: Tensor) => x.pow(3)))(tensor(2)).item()).toBe(12);
    const A = tensor([[1, 2], [3, 4]]);
    expect(hessian((x: Tensor) => x.matmul(A.matmul(x)))(tensor([0.5, -1])).toArray()).toEqual([[2, 5], [5, 8]]);
    const params = { w: tensor([[0.5, -1], [2, 0]]), b: tensor([0.1, 0.2]) };
    const loss = (p: typeof params) => p.w.matmul(tensor([1, 1])).add(p.b).square().sum();
    const grads = grad(loss)(params);
    expect(grads.w.shape).toEqual([2, 2]);
    expectClose(grads.b, [-0.8, 4.4], { rtol: 1e-15 });
  });

  it('README example', () => {
    const x = tensor([[1, 2, 3], [4, 5, 6]]);
    expect(x.add(tensor([10, 20, 30])).mul(2).sum(1).toArray()).toEqual([132, 150]);
    const w = randNormal(rng(42), [3, 2], { std: 0.1 });
    expect(x.matmul(w).relu().shape).toEqual([2, 2]);
  });

  it('checking gradients, random numbers, backends', () => {
    expect(gradCheck((a, b) => a.mul(b).exp().sum(), [tensor([0.1, 0.2]), tensor([1, -1])]).passed).toBe(true);
    expect(randUniform(rng(7), [2]).toArray()).toEqual(randUniform(rng(7), [2]).toArray());
    expect(getBackend().name).toBe('js');
    expect(checkBackend(createJsBackend()).passed).toBe(true);
    const previous = setBackend(createJsBackend());
    setBackend(previous);
    expect(getBackend()).toBe(previous);
  });
});
