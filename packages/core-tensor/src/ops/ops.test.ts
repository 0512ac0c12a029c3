import { describe, expect, it } from 'vitest';
import * as T from '../index.ts';
import { expectClose } from '../testing/index.ts';

const { tensor } = T;

describe('elementwise values and dtypes', () => {
  it('broadcasts like NumPy', () => {
    expect(T.add(tensor([[1], [2]]), tensor([10, 20, 30])).toArray()).toEqual([[11, 21, 31], [12, 22, 32]]);
    expect(T.mul(tensor([1, 2]), 3).toArray()).toEqual([3, 6]);
    expect(T.sub(1, tensor([1, 2])).toArray()).toEqual([0, -1]);
  });

  it('promotes bool < int32 < float32 < float64; numbers follow the tensor', () => {
    const i = tensor([1, 2], { dtype: 'int32' });
    const f = tensor([1, 2], { dtype: 'float32' });
    expect(T.add(i, f).dtype).toBe('float32');
    expect(T.add(f, tensor([1, 2])).dtype).toBe('float64');
    expect(T.mul(f, 2.5).dtype).toBe('float32');
    expect(T.add(i, 1).dtype).toBe('int32');
    expect(T.add(i, 0.5).dtype).toBe('float64');
    expect(T.div(i, 2).toArray()).toEqual([0.5, 1]);
    expect(T.add(tensor([true, false]), tensor([true, true])).toArray()).toEqual([2, 1]);
    expect(T.mul(tensor([65536], { dtype: 'int32' }), tensor([65536], { dtype: 'int32' })).toArray()).toEqual([0]);
  });

  it('comparisons and where', () => {
    const x = tensor([1, 2, 3]);
    expect(T.greater(x, 2).dtype).toBe('bool');
    expect(T.greater(x, 2).toArray()).toEqual([0, 0, 1]);
    expect(T.lessEqual(x, 2).toArray()).toEqual([1, 1, 0]);
    expect(T.equal(x, tensor([1, 0, 3])).toArray()).toEqual([1, 0, 1]);
    expect(T.notEqual(x, 2).toArray()).toEqual([1, 0, 1]);
    expect(T.where(T.less(x, 2), x, T.neg(x)).toArray()).toEqual([1, -2, -3]);
  });

  it('activations', () => {
    expectClose(T.sigmoid(tensor([-1000, 0, 1000])), [0, 0.5, 1]);
    expectClose(T.softplus(tensor([-1000, 0, 1000])), [0, Math.LN2, 1000]);
    expectClose(T.gelu(tensor([-1, 0, 1])), [-0.15865525393145707, 0, 0.8413447460685429], { rtol: 1e-14 });
    expectClose(T.gelu(tensor([1]), { approximate: 'tanh' }), [0.8411919906082768], { rtol: 1e-12 });
    expect(T.relu(tensor([-1, 0, 2])).toArray()).toEqual([0, 0, 2]);
    expectClose(T.leakyRelu(tensor([-1, 2])), [-0.01, 2]);
    expect(T.clip(tensor([-3, 0, 3]), -1, 2).toArray()).toEqual([-1, 0, 2]);
  });
});

describe('reductions', () => {
  const x = tensor([[1, 5, 3], [4, 2, 6]]);
  it('sum, mean, max, min over axes with keepDims', () => {
    expect(T.sum(x).item()).toBe(21);
    expect(T.sum(x, 0).toArray()).toEqual([5, 7, 9]);
    expect(T.sum(x, -1, { keepDims: true }).toArray()).toEqual([[9], [12]]);
    expect(T.mean(x, [0, 1]).item()).toBe(3.5);
    expect(T.max(x, 1).toArray()).toEqual([5, 6]);
    expect(T.min(x, 0).toArray()).toEqual([1, 2, 3]);
    expect(T.sum(tensor([true, true, false])).toArray()).toBe(2);
  });
  it('variance: population by default, unbiased with correction 1', () => {
    expect(T.variance(tensor([1, 2, 3, 4])).item()).toBe(1.25);
    expectClose(T.variance(tensor([1, 2, 3, 4]), 0, { correction: 1 }), 5 / 3);
  });
  it('argmax/argmin, first index on ties', () => {
    expect(T.argmax(x, 1).toArray()).toEqual([1, 2]);
    expect(T.argmin(x).item()).toBe(0);
    expect(T.argmax(tensor([2, 7, 7])).item()).toBe(1);
    expect(T.argmax(x, 0, { keepDims: true }).toArray()).toEqual([[1, 0, 1]]);
  });
  it('logSumExp, softmax and logSoftmax are stable', () => {
    expectClose(T.logSumExp(tensor([1000, 1000])), 1000 + Math.LN2);
    expectClose(T.softmax(tensor([[1000, 1000], [-1000, -1000]])), [[0.5, 0.5], [0.5, 0.5]]);
    expectClose(T.logSoftmax(tensor([1000, 0])), [0, -1000]);
    expect(T.logSumExp(tensor([-Infinity, -Infinity], { allowNonFinite: true })).item()).toBe(-Infinity);
  });
  it('norms', () => {
    expect(T.norm(tensor([3, -4])).item()).toBe(5);
    expect(T.norm(tensor([3, -4]), { ord: 1 }).item()).toBe(7);
    expect(T.norm(tensor([[1, 2], [3, 4]]), { ord: 'fro' }).item()).toBeCloseTo(Math.sqrt(30), 14);
    expect(T.norm(tensor([[3, 4], [6, 8]]), { axis: 1 }).toArray()).toEqual([5, 10]);
  });
});

describe('products', () => {
  it('matmul follows NumPy for 1-D and batched operands', () => {
    const a = T.arange(6).astype('float64').reshape([2, 3]);
    const v = tensor([1, 0, -1]);
    expect(T.matmul(a, v).toArray()).toEqual([-2, -2]);
    expect(T.matmul(tensor([1, 1]), a).toArray()).toEqual([3, 5, 7]);
    expect(T.matmul(v, v).toArray()).toBe(2);
    const batch = T.stack([a, a.mul(2)]);
    expect(T.matmul(batch, T.transpose(a)).shape).toEqual([2, 2, 2]);
    expect(T.matmul(batch, T.transpose(a)).toArray()).toEqual([[[5, 14], [14, 50]], [[10, 28], [28, 100]]]);
    expect(T.matmul(tensor([[1, 2]], { dtype: 'float32' }), tensor([[3], [4]], { dtype: 'float32' })).dtype).toBe('float32');
  });
  it('dot, outer, diag, trace', () => {
    expect(T.dot(tensor([1, 2, 3]), tensor([4, 5, 6])).item()).toBe(32);
    expect(T.outer(tensor([1, 2]), tensor([1, 10])).toArray()).toEqual([[1, 10], [2, 20]]);
    expect(T.diag(tensor([1, 2])).toArray()).toEqual([[1, 0], [0, 2]]);
    expect(T.diag(tensor([[1, 2, 3], [4, 5, 6]])).toArray()).toEqual([1, 5]);
    expect(T.trace(tensor([[1, 2], [3, 4]])).item()).toBe(5);
  });
  it('matches a naive product on larger, transposed operands (packed kernel)', () => {
    const r = T.rng(9);
    const a = T.randNormal(r, [150, 90]);
    const b = T.randNormal(r, [70, 90]);
    const c = T.matmul(a, T.transpose(b));
    const A = a.toArray() as number[][];
    const B = b.toArray() as number[][];
    const ref = A.map((row) => B.map((col) => row.reduce((s, v, k) => s + v * (col[k] as number), 0)));
    expectClose(c, ref, { rtol: 1e-12, atol: 1e-12 });
  });
});

describe('shape and indexing ops', () => {
  it('reshape with −1, squeeze, expandDims, permute', () => {
    const x = T.zeros([2, 3, 4]);
    expect(T.reshape(x, [4, -1]).shape).toEqual([4, 6]);
    expect(T.expandDims(x, 1).shape).toEqual([2, 1, 3, 4]);
    expect(T.squeeze(T.zeros([1, 3, 1]), 0).shape).toEqual([3, 1]);
    expect(T.permute(x, [2, 0, 1]).shape).toEqual([4, 2, 3]);
    expect(T.flatten(x).shape).toEqual([24]);
  });
  it('slice (begin/size form, −1 = to the end, negative begin) and pad', () => {
    const x = T.arange(12).reshape([3, 4]);
    expect(T.slice(x, [1, 1], [2, -1]).toArray()).toEqual([[5, 6, 7], [9, 10, 11]]);
    expect(T.slice(x, [-1]).toArray()).toEqual([[8, 9, 10, 11]]);
    expect(() => T.slice(x, [2], [2])).toThrow(T.ShapeError);
    expect(() => T.slice(x, [0, 0], [1, 1, 1])).toThrow(/more entries than the tensor has dims/);
    expect(T.pad(tensor([1, 2]), [1], [4]).toArray()).toEqual([0, 1, 2, 0]);
  });
  it('gather, take, oneHot', () => {
    const x = tensor([[1, 2], [3, 4], [5, 6]]);
    expect(T.gather(x, [2, 0]).toArray()).toEqual([[5, 6], [1, 2]]);
    expect(T.gather(x, [1], 1).toArray()).toEqual([[2], [4], [6]]);
    expect(T.gather(x, tensor([[0, 1], [2, 2]], { dtype: 'int32' })).shape).toEqual([2, 2, 2]);
    expect(T.take(x, [5, 0]).toArray()).toEqual([6, 1]);
    expect(T.oneHot([0, 2], 3).toArray()).toEqual([[1, 0, 0], [0, 0, 1]]);
    expect(() => T.gather(x, [3])).toThrow(T.ValueError);
    expect(() => T.gather(x, tensor([0.5]))).toThrow(T.DTypeError);
  });
  it('concat, stack, split', () => {
    expect(T.concat([tensor([[1, 2]]), tensor([[3, 4], [5, 6]])]).toArray()).toEqual([[1, 2], [3, 4], [5, 6]]);
    expect(T.concat([tensor([[1], [2]]), tensor([[3], [4]])], 1).toArray()).toEqual([[1, 3], [2, 4]]);
    expect(T.stack([tensor([1, 2]), tensor([3, 4])], 1).toArray()).toEqual([[1, 3], [2, 4]]);
    expect(T.split(T.arange(5), [2, 3]).map((t) => t.toArray())).toEqual([[0, 1], [2, 3, 4]]);
    expect(() => T.split(T.arange(5), 2)).toThrow(T.ShapeError);
    expect(() => T.concat([T.zeros([2, 2]), T.zeros([2, 3])])).toThrow(T.ShapeError);
  });
  it('cast truncates toward zero and maps nonzero to true', () => {
    expect(T.cast(tensor([1.7, -1.7]), 'int32').toArray()).toEqual([1, -1]);
    expect(T.cast(tensor([0, 2]), 'bool').toArray()).toEqual([0, 1]);
  });
});
