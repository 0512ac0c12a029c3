import { describe, expect, it } from 'vitest';
import { arange, eye, full, linspace, ones, onesLike, scalar, tensor, zeros, zerosLike, randUniform, randNormal, randBernoulli } from './creation.ts';
import { rng } from './random.ts';
import { Tensor } from './tensor.ts';
import { matmul } from './ops/matmul.ts';
import { sum } from './ops/reduce.ts';

describe('Tensor basics', () => {
  it('has shape, dtype, size, rank', () => {
    const t = tensor([[1, 2, 3], [4, 5, 6]]);
    expect(t.shape).toEqual([2, 3]);
    expect(t.dtype).toBe('float64');
    expect(t.size).toBe(6);
    expect(t.rank).toBe(2);
    expect(t).toBeInstanceOf(Tensor);
  });

  it('toArray, item, data and toString', () => {
    expect(scalar(4).toArray()).toBe(4);
    expect(scalar(4).item()).toBe(4);
    expect(tensor([[1, 2], [3, 4]]).transpose().toArray()).toEqual([[1, 3], [2, 4]]);
    expect(tensor([[1, 2], [3, 4]]).transpose().data).toEqual(new Float64Array([1, 3, 2, 4]));
    expect(tensor([1.5, 2], { dtype: 'float32' }).data).toBeInstanceOf(Float32Array);
    expect(tensor([true, false]).data).toEqual(new Uint8Array([1, 0]));
    expect(tensor([[1, 2], [3, 4]]).toString()).toBe('tensor([[1, 2], [3, 4]], shape=[2, 2], dtype=float64)');
  });

  it('creates from typed arrays with a shape, copying the data', () => {
    const src = new Float32Array([1, 2, 3, 4, 5, 6]);
    const t = tensor(src, { shape: [3, 2] });
    src[0] = 100;
    expect(t.dtype).toBe('float32');
    expect(t.toArray()).toEqual([[1, 2], [3, 4], [5, 6]]);
  });

  it('fills, ranges and identity', () => {
    expect(zeros([2]).toArray()).toEqual([0, 0]);
    expect(ones([1, 2], { dtype: 'int32' }).toArray()).toEqual([[1, 1]]);
    expect(full([2], 7).toArray()).toEqual([7, 7]);
    expect(zerosLike(ones([2], { dtype: 'float32' })).dtype).toBe('float32');
    expect(onesLike(zeros([3])).toArray()).toEqual([1, 1, 1]);
    expect(eye(2, 3).toArray()).toEqual([[1, 0, 0], [0, 1, 0]]);
    expect(arange(4).toArray()).toEqual([0, 1, 2, 3]);
    expect(arange(4).dtype).toBe('int32');
    expect(arange(1, 2, 0.25).toArray()).toEqual([1, 1.25, 1.5, 1.75]);
    expect(linspace(0, 1, 5).toArray()).toEqual([0, 0.25, 0.5, 0.75, 1]);
  });

  it('views share storage and never copy on transpose/slice/broadcast', () => {
    const t = arange(6).reshape([2, 3]);
    expect(t.transpose()._buf).toBe(t._buf);
    expect(t.slice([0, 1])._buf).toBe(t._buf);
    expect(t.broadcastTo([4, 2, 3])._buf).toBe(t._buf);
    expect(t.slice([0, 1]).toArray()).toEqual([[1, 2], [4, 5]]);
  });
});

describe('seeded random tensors', () => {
  it('are bit-for-bit reproducible', () => {
    const a = randNormal(rng(42), [3, 4], { dtype: 'float32' });
    const b = randNormal(rng(42), [3, 4], { dtype: 'float32' });
    expect(Buffer.from(a.data.buffer).equals(Buffer.from(b.data.buffer))).toBe(true);
    expect(randUniform(rng(7), [5]).data).toEqual(randUniform(rng(7), [5]).data);
    expect(randBernoulli(rng(1), [8], 0.5).data).toEqual(randBernoulli(rng(1), [8], 0.5).data);
    expect(randNormal(rng(42), [4]).data).not.toEqual(randNormal(rng(43), [4]).data);
  });

  it('respect their parameters', () => {
    const u = randUniform(rng(0), [1000], { low: -2, high: -1 });
    expect(u.data.every((v) => v >= -2 && v < -1)).toBe(true);
    const n = randNormal(rng(0), [4000], { mean: 3, std: 0.5 });
    expect(Math.abs(n.mean().item() - 3)).toBeLessThan(0.05);
    expect(Math.abs(n.variance().sqrt().item() - 0.5)).toBeLessThan(0.05);
  });
});

describe('determinism', () => {
  it('the same inputs give the same bits', () => {
    const a = randNormal(rng(5), [67, 129]);
    const b = randNormal(rng(6), [129, 71]);
    const x1 = sum(matmul(a, b).exp().log1p(), 1);
    const x2 = sum(matmul(a, b).exp().log1p(), 1);
    expect(Buffer.from(x1.data.buffer).equals(Buffer.from(x2.data.buffer))).toBe(true);
  });
});
