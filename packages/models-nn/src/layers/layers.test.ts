import { describe, expect, it } from 'vitest';
import { add, mul, ones, rng, tensor, zeros } from '@gradlab/core-tensor';
import type { Tensor } from '@gradlab/core-tensor';
import { checkLayer } from '../testing/index.ts';
import { activation, dropout, embedding, F, gelu, layerFromConfig, layerNorm, leakyRelu, linear, mlp, Module, relu, sequential, sigmoid, softmax, logSoftmax, tanh } from '../index.ts';
import type { LayerConfig, Parameter } from '../index.ts';

describe('built-in layers pass checkLayer', () => {
  it('linear, with and without bias', () => {
    expect(checkLayer((o) => linear(3, 2, o), { inputShape: [4, 3], outputShape: [4, 2] }).checks).toContain('gradient check');
    checkLayer((o) => linear(3, 2, { ...o, bias: false }), { inputShape: [4, 3], outputShape: [4, 2] });
    checkLayer((o) => linear(3, 2, { ...o, init: 'xavier-normal' }), { inputShape: [2, 5, 3], outputShape: [2, 5, 2] });
  });
  it.each([
    ['sigmoid', () => sigmoid()],
    ['tanh', () => tanh()],
    ['relu', () => relu()],
    ['leaky-relu', () => leakyRelu({ alpha: 0.2 })],
    ['gelu', () => gelu()],
    ['gelu tanh', () => gelu({ approximate: true })],
    ['softmax', () => softmax()],
    ['log-softmax', () => logSoftmax()],
  ])('%s', (_, make) => {
    checkLayer(() => make(), { inputShape: [3, 4], outputShape: [3, 4] });
  });
  it('sequential, mlp, layerNorm, embedding, dropout', () => {
    checkLayer((o) => sequential(linear(3, 4, o), tanh(), linear(4, 2, o)), { inputShape: [5, 3], outputShape: [5, 2] });
    checkLayer((o) => mlp({ sizes: [3, 5, 5, 2], activation: 'tanh', ...o }), { inputShape: [4, 3], outputShape: [4, 2] });
    checkLayer((o) => layerNorm(4, o), { inputShape: [3, 4], outputShape: [3, 4] });
    checkLayer((o) => embedding(8, 3, o), { inputShape: [2, 5], outputShape: [2, 5, 3], vocabSize: 8 });
    checkLayer(() => dropout(0.3), { inputShape: [3, 4], outputShape: [3, 4] });
  });
});

describe('Module contract', () => {
  it('names parameters as PyTorch does, in definition order', () => {
    const net = mlp({ sizes: [4, 3, 2], seed: 1 });
    expect(net.namedParameters().map(([n, t]) => [n, t.shape])).toEqual([
      ['0.weight', [3, 4]],
      ['0.bias', [3]],
      ['2.weight', [2, 3]],
      ['2.bias', [2]],
    ]);
    expect(net.numParameters()).toBe(12 + 3 + 6 + 2);
    expect(net.toString()).toContain('(0): linear(inFeatures=4, outFeatures=3');
  });
  it('the parameter names follow a module that grows after it was asked (the name list is cached)', () => {
    class Growing extends Module {
      get kind(): string {
        return 'growing';
      }
      grow(name: string): void {
        this.addParameter(name, zeros([2]));
      }
      forward(x: Tensor): Tensor {
        return x;
      }
      config(): LayerConfig {
        return { kind: 'growing' };
      }
    }
    const inner = new Growing();
    const net = sequential(linear(2, 2), inner);
    expect(net.namedParameters().map(([n]) => n)).toEqual(['0.weight', '0.bias']);
    inner.grow('scale');
    expect(net.namedParameters().map(([n]) => n)).toEqual(['0.weight', '0.bias', '1.scale']);
    // The returned list is the caller's own; its pairs cannot change the cached names.
    const boxes = net.namedParameterBoxes();
    boxes.pop();
    expect(() => {
      (boxes[0] as [string, Parameter])[0] = 'renamed';
    }).toThrow(TypeError);
    expect(Object.keys(net.stateDict())).toEqual(['0.weight', '0.bias', '1.scale']);
  });
  it('loadStateDict names the missing, unexpected, misshapen or mistyped key', () => {
    const net = mlp({ sizes: [4, 3, 2] });
    const good = net.stateDict();
    const { ['0.bias']: _, ...missing } = good;
    expect(() => net.loadStateDict(missing)).toThrow(/missing key '0.bias'/);
    expect(() => net.loadStateDict({ ...good, extra: ones([1]) })).toThrow(/unexpected key 'extra'/);
    expect(() => net.loadStateDict({ ...good, '2.bias': zeros([3], { dtype: 'float32' }) })).toThrow(/shape mismatch for '2.bias'/);
    expect(() => net.loadStateDict({ ...good, '2.bias': zeros([2], { dtype: 'float64' }) })).toThrow(/dtype mismatch for '2.bias'/);
    expect(net.stateDict()['0.bias']).toBe(good['0.bias']);
    net.loadStateDict({ '0.bias': zeros([3], { dtype: 'float32' }) }, { strict: false });
    expect(Array.from(net.stateDict()['0.bias']?.data ?? [])).toEqual([0, 0, 0]);
  });
  it('train() and eval() reach every sub-module; dropout is off in eval and seeded in train', () => {
    const net = sequential(linear(2, 2), dropout(0.5, { seed: 3 }));
    net.eval();
    expect(net.children().every(([, m]) => !m.training)).toBe(true);
    const x = ones([4, 2], { dtype: 'float32' });
    expect(net.forward(x).toArray()).toEqual(net.forward(x).toArray());
    const a = dropout(0.5, { seed: 3 }).forward(ones([8, 8]));
    const b = dropout(0.5, { seed: 3 }).forward(ones([8, 8]));
    expect(a.toArray()).toEqual(b.toArray());
    expect(new Set(a.data).size).toBe(2); // 0 and 2
  });
  it('sequential refuses a factory that was not called', () => {
    expect(() => sequential(linear(2, 2), relu as unknown as Module)).toThrow(/call the factory/);
  });
  it('factories reject unknown options with a hint', () => {
    expect(() => linear(2, 2, { bais: false } as never)).toThrow(/unknown option 'bais'/);
    expect(() => linear(0, 2)).toThrow(/inFeatures must be a positive integer/);
    expect(() => mlp({ sizes: [3] })).toThrow(/sizes lists/);
    expect(() => activation('swish')).toThrow(/unknown activation/);
  });
  it('the same seed builds the same network; configs rebuild the architecture', () => {
    const a = mlp({ sizes: [3, 4, 2], seed: 5, activation: 'tanh' });
    const b = layerFromConfig(a.config());
    b.loadStateDict(a.stateDict());
    const x = tensor([[1, 2, 3]], { dtype: 'float32' });
    expect(b.forward(x).toArray()).toEqual(a.forward(x).toArray());
    expect(mlp({ sizes: [3, 4, 2], seed: 5 }).parameters()[0]?.toArray()).toEqual(mlp({ sizes: [3, 4, 2], seed: 5 }).parameters()[0]?.toArray());
    expect(() => layerFromConfig({ kind: 'conv9d' })).toThrow(/unknown layer kind 'conv9d'/);
    expect(() => layerFromConfig({ kind: 'linear' }, null as never)).toThrow(/layerFromConfig: must be an object \(argument options/);
  });
  it('linear is W h + b with W of shape [out, in]', () => {
    const l = linear(2, 3, { dtype: 'float64' });
    l.loadStateDict({ weight: tensor([[1, 0], [0, 1], [1, 1]]), bias: tensor([0.5, -0.5, 0]) });
    expect(l.forward(tensor([[2, 3]])).toArray()).toEqual([[2.5, 2.5, 5]]);
    expect(() => l.forward(tensor([[1, 2, 3]]))).toThrow(/expects 2 input features/);
  });
  it('layerNorm matches the formula; F exposes the functions', () => {
    const y = layerNorm(3, { dtype: 'float64' }).forward(tensor([[1, 2, 3]]));
    const s = Math.sqrt(2 / 3 + 1e-5);
    expect(Array.from(y.data)).toEqual([-1 / s, 0, 1 / s]);
    expect(F.relu(tensor([-1, 2])).toArray()).toEqual([0, 2]);
  });
});

/** A user's own layer: one class on the public contract, nothing in core changes. */
class Scale extends Module {
  readonly kind = 'scale';
  readonly s: Parameter;
  readonly t: Parameter;
  constructor(features: number, options: { dtype?: 'float32' | 'float64' } = {}) {
    super();
    this.s = this.addParameter('s', ones([features], { dtype: options.dtype ?? 'float32' }));
    this.t = this.addParameter('t', zeros([features], { dtype: options.dtype ?? 'float32' }));
  }
  forward(x: Tensor): Tensor {
    return add(mul(x, this.s.value), this.t.value);
  }
  config(): LayerConfig {
    return { kind: this.kind, features: this.s.value.size };
  }
}

describe('a user-defined layer', () => {
  it('passes checkLayer and rebuilds from its config through a user registry', () => {
    checkLayer(({ dtype }) => new Scale(3, { dtype }), { inputShape: [4, 3], outputShape: [4, 3] });
    const net = sequential(linear(2, 3, { rng: rng(1) }), new Scale(3), relu());
    const copy = layerFromConfig(net.config(), { layers: { scale: (c, { dtype }) => new Scale(c.features as number, { dtype }) } });
    expect(copy.namedParameters().map(([n]) => n)).toEqual(['0.weight', '0.bias', '1.s', '1.t']);
  });
  it('checkLayer catches a layer whose rows leak into each other', () => {
    class Leaky extends Module {
      readonly kind = 'leaky';
      forward(x: Tensor): Tensor {
        return add(x, x.sum());
      }
      config(): LayerConfig {
        return { kind: this.kind };
      }
    }
    expect(() => checkLayer(() => new Leaky(), { inputShape: [3, 2] })).toThrow(/rows independent/);
  });
});
