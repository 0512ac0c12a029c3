import { describe, expect, it } from 'vitest';
import {
  cast, concat, DisposedError, gelu, getMaxElements, keep, logSumExp, oneHot, onesLike, permute, pow, powerIteration, requireFinite, requireInteger,
  requireOneOf, requireOptions, requireShape, requireTensor, reshape, rng, setMaxElements, stopGradient, sum, tensor, transpose, ValueError,
  ShapeError, GradlabError, variance, zeros, zerosLike, flatten, eye, mean, DTypeError, linear, softmaxCrossEntropy,
} from '../index.ts';

describe('linear and softmaxCrossEntropy refuse bad input with typed errors', () => {
  const fields = (f: () => unknown): unknown[] => {
    try {
      f();
    } catch (e) {
      const g = e as GradlabError;
      return [g.constructor.name, g.op, g.arg, g.expected, g.received];
    }
    return ['no error'];
  };
  it('linear names the argument, what it expected and what it got', () => {
    const x = zeros([2, 3]);
    expect(fields(() => linear([1, 2] as never, zeros([1, 2])))).toEqual(['ValueError', 'linear', 'x', 'a Tensor', 'an array of length 2']);
    expect(fields(() => linear(x, zeros([4, 2])))).toEqual(['ShapeError', 'linear', 'w', '[out, 3]', '[4, 2]']);
    expect(fields(() => linear(x, zeros([4, 3]), zeros([3])))).toEqual(['ShapeError', 'linear', 'b', '[4]', '[3]']);
    expect(fields(() => linear(x, zeros([4, 3], { dtype: 'float32' })))).toEqual(['DTypeError', 'linear', 'w', 'float64', 'float32']);
    expect(fields(() => linear(zeros([2, 3], { dtype: 'int32' }), zeros([4, 3])))).toEqual(['DTypeError', 'linear', 'x', 'float32 or float64', 'int32']);
  });
  it('softmaxCrossEntropy checks the target\'s shape and class indices', () => {
    const logits = zeros([2, 3]);
    expect(fields(() => softmaxCrossEntropy(logits, tensor([0, 1, 2])))).toEqual(['ShapeError', 'softmaxCrossEntropy', 'target', '[2]', '[3]']);
    expect(fields(() => softmaxCrossEntropy(logits, tensor([0, 3])))).toEqual(['ValueError', 'softmaxCrossEntropy', 'target', 'integers 0..2', '3 at flat index 1']);
    expect(fields(() => softmaxCrossEntropy(logits, tensor([0, 0.5])))).toEqual(['ValueError', 'softmaxCrossEntropy', 'target', 'integers 0..2', '0.5 at flat index 1']);
    expect(fields(() => softmaxCrossEntropy(zeros([2, 3], { dtype: 'int32' }), tensor([0, 1])))).toEqual(['DTypeError', 'softmaxCrossEntropy', 'logits', 'float32 or float64', 'int32']);
    expect(fields(() => softmaxCrossEntropy(zeros([]), tensor(0)))).toEqual(['ShapeError', 'softmaxCrossEntropy', 'logits', '[..., C] with C >= 1', '[]']);
  });
});

describe('boundary helpers', () => {
  it('requireOptions rejects unknown keys with a did-you-mean hint', () => {
    try {
      requireOptions({ lrr: 1 }, { pkg: 'optim', op: 'sgd' }, ['lr', 'momentum']);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ValueError);
      const v = e as ValueError;
      expect([v.pkg, v.op, v.arg, v.hint]).toEqual(['optim', 'sgd', 'options.lrr', 'did you mean lr?']);
    }
    expect(() => requireOptions(null, { op: 'f' }, [])).toThrow(ValueError);
    expect(requireOptions(undefined, { op: 'f' }, [])).toEqual({});
  });
  it('number, shape, choice and tensor checks name the argument', () => {
    expect(requireFinite(2, { op: 'f', arg: 'x' }, { min: 0 })).toBe(2);
    expect(() => requireFinite(Number.NaN, { op: 'f', arg: 'x' })).toThrow(/argument x/);
    expect(() => requireFinite('1', { op: 'f', arg: 'x' })).toThrow(ValueError);
    expect(() => requireInteger(1.5, { op: 'f', arg: 'n' })).toThrow(ValueError);
    expect(() => requireInteger(0, { op: 'f', arg: 'n' }, { min: 1 })).toThrow(/>= 1/);
    expect(() => requireShape([2, -1], { op: 'f', arg: 's' })).toThrow(ValueError);
    expect(() => requireOneOf('summ', { op: 'f', arg: 'r' }, ['sum', 'mean'])).toThrow(/did you mean 'sum'/);
    expect(() => requireTensor([1], { op: 'f', arg: 't' })).toThrow(ValueError);
  });
});

describe('allocation cap', () => {
  it('a shape over the cap is a ValueError stating the size', () => {
    expect(() => zeros([1e6, 1e6])).toThrow(/1000000000000 elements/);
    expect(() => oneHot([2], 1e9)).toThrow(ValueError);
    const old = setMaxElements(10);
    try {
      expect(() => zeros([11])).toThrow(ValueError);
      expect(zeros([10]).size).toBe(10);
    } finally {
      setMaxElements(old);
    }
    expect(getMaxElements()).toBe(2 ** 28);
  });
  it('deeply nested arrays are refused without a stack overflow', () => {
    let deep: unknown = [1];
    for (let i = 0; i < 20_000; i++) deep = [deep];
    expect(() => tensor(deep as never)).toThrow(ShapeError);
  });
});

describe('wrong JS types give typed errors', () => {
  const x = tensor([[1, 2], [3, 4]]);
  it.each([
    ['tensor(null)', () => tensor(null as never)],
    ["tensor('abc')", () => tensor('abc' as never)],
    ['tensor({})', () => tensor({} as never)],
    ['sum(x, true)', () => sum(x, true as never)],
    ['concat(zeros([0]), -1)', () => concat(zeros([0]) as never, -1)],
    ['permute(x, null)', () => permute(x, null as never)],
    ["transpose(x, 'ab')", () => transpose(x, 'ab' as never)],
    ['reshape(x, null)', () => reshape(x, null as never)],
    ['powerIteration(a, { rng: 5 })', () => powerIteration(eye(2), { rng: 5 as never })],
    ["rng(1).uniform('a', 1)", () => rng(1).uniform('a' as never, 1)],
    ['variance correction 5 of 2 values', () => variance(tensor([1, 2]), undefined, { correction: 5 })],
  ])('%s', (_name, f) => {
    expect(f).toThrow(GradlabError);
  });
});

describe('numeric policy', () => {
  it('int32 follows PyTorch: no wrapping, no NaN to 0, no negative integer powers', () => {
    expect(() => tensor([2 ** 31], { dtype: 'int32' })).toThrow(ValueError);
    expect(() => cast(tensor([1e12]), 'int32')).toThrow(ValueError);
    expect(() => cast(tensor([Number.NaN], { allowNonFinite: true }), 'int32')).toThrow(ValueError);
    expect(() => pow(tensor([2], { dtype: 'int32' }), -1)).toThrow(/negative integer powers/);
    expect(cast(tensor([1.7, -1.7]), 'int32').toArray()).toEqual([1, -1]);
  });
  it('creation from JS values rejects NaN and Infinity unless asked', () => {
    expect(() => tensor([1, Number.NaN])).toThrow(/data\[1\]/);
    expect(tensor([Infinity], { allowNonFinite: true }).item()).toBe(Infinity);
    expect(() => tensor([1], { dtyp: 'int32' } as never)).toThrow(/did you mean dtype/);
  });
  it('logSumExp and gelu take their limits at infinities', () => {
    expect(logSumExp(tensor([Infinity, 0], { allowNonFinite: true })).item()).toBe(Infinity);
    expect(gelu(tensor([-Infinity, 0], { allowNonFinite: true })).toArray()).toEqual([0, 0]);
    expect(gelu(tensor([-Infinity], { allowNonFinite: true }), { approximate: 'tanh' }).toArray()).toEqual([0]);
  });
  it('empty tensors follow PyTorch: sum 0, mean NaN', () => {
    expect(sum(zeros([0])).item()).toBe(0);
    expect(Number.isNaN(mean(zeros([0])).item())).toBe(true);
  });
  it('unknown dtypes are DTypeErrors', () => {
    expect(() => zeros([1], { dtype: 'int8' as never })).toThrow(DTypeError);
  });
});

describe('use after dispose', () => {
  it.each([
    ['reshape', (t: ReturnType<typeof zeros>) => reshape(t, [4])],
    ['transpose', (t: ReturnType<typeof zeros>) => transpose(t)],
    ['flatten', (t: ReturnType<typeof zeros>) => flatten(t)],
    ['zerosLike', (t: ReturnType<typeof zeros>) => zerosLike(t)],
    ['onesLike', (t: ReturnType<typeof zeros>) => onesLike(t)],
    ['stopGradient', (t: ReturnType<typeof zeros>) => stopGradient(t)],
    ['keep', (t: ReturnType<typeof zeros>) => keep(t)],
  ])('%s of a disposed tensor throws DisposedError at once', (_name, f) => {
    const t = zeros([2, 2]);
    t.dispose();
    expect(() => f(t)).toThrow(DisposedError);
  });
});
