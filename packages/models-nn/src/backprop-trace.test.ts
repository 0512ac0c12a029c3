import { describe, expect, it } from 'vitest';
import { rng, tensor, valueAndGrad } from '@gradlab/core-tensor';
import { twoMoons } from '@gradlab/data';
import { binaryCrossEntropyWithLogits, crossEntropy } from '@gradlab/losses';
import { backpropTrace, functionalCall, gelu, gradientNorms, leakyRelu, linear, mlp, relu, sequential, sigmoid, tanh } from './index.ts';

/** The notes' two-layer example: x = [1, 2], ReLU hidden layer, final pre-activation a² = −2. */
function notesExample() {
  const net = sequential(linear(2, 2, { bias: false, dtype: 'float64' }), relu(), linear(2, 1, { bias: false, dtype: 'float64' }));
  net.loadStateDict({ '0.weight': tensor([[1, 0], [0, -1]]), '2.weight': tensor([[-2, 1]]) });
  return { net, x: [1, 2], t: 0 };
}

describe('backpropTrace: the notes recursion', () => {
  it("reproduces the notes' worked example: a² = −2, t = 0", () => {
    const { net, x, t } = notesExample();
    const tr = backpropTrace(net, x, t);
    expect(tr.layers[1]?.a).toEqual([-2]);
    expect(tr.p).toBeCloseTo(0.119203, 6);
    expect(tr.loss).toBeCloseTo(0.126928, 6);
    expect(tr.layers[1]?.delta[0]).toBeCloseTo(0.119203, 6);
    // ReLU's derivative at a¹ = [1, −2] is [1, 0], so only the first unit carries the error back.
    expect(tr.layers[0]?.a).toEqual([1, -2]);
    expect(tr.layers[0]?.delta[0]).toBeCloseTo(-2 * 0.119203, 6);
    expect(tr.layers[0]?.delta[1]).toBe(0);
    expect(tr.layers[0]?.gradWeight[0]?.[1]).toBeCloseTo(-2 * 0.119203 * 2, 6);
  });

  it.each([['sigmoid', sigmoid], ['tanh', tanh], ['relu', relu], ['leaky-relu', () => leakyRelu({ alpha: 0.1 })], ['gelu', () => gelu()]] as const)(
    'matches autodiff for a 3-layer %s network with biases',
    (_, act) => {
      const r = rng(11);
      const net = sequential(linear(3, 4, { dtype: 'float64', rng: r }), act(), linear(4, 3, { dtype: 'float64', rng: r }), act(), linear(3, 1, { dtype: 'float64', rng: r }));
      const x = [0.3, -1.2, 0.8];
      for (const t of [0, 1]) {
        const tr = backpropTrace(net, x, t);
        const loss = binaryCrossEntropyWithLogits();
        const [v, g] = valueAndGrad((p: Record<string, ReturnType<typeof tensor>>) => functionalCall(net, p, () => loss.forward(net.forward(tensor([x])).reshape([1]), tensor([t]))))(net.stateDict());
        expect(tr.loss).toBeCloseTo(v.item(), 12);
        tr.layers.forEach((layer, i) => {
          const gw = g[`${2 * i}.weight`]?.toArray() as number[][];
          layer.gradWeight.forEach((row, j) => row.forEach((w, k) => expect(w).toBeCloseTo(gw[j]?.[k] as number, 12)));
          const gb = Array.from(g[`${2 * i}.bias`]?.data ?? []);
          layer.gradBias?.forEach((b, j) => expect(b).toBeCloseTo(gb[j] as number, 12));
        });
      }
    },
  );

  it('refuses architectures it cannot trace', () => {
    expect(() => backpropTrace(mlp({ sizes: [2, 3, 2] }), [1, 2], 0)).toThrow(/one output/);
    expect(() => backpropTrace(notesExample().net, [1, 2], 2)).toThrow(/0 or 1/);
    // Found by the fuzzer: a model or an x of the wrong kind is a typed error naming the argument.
    expect(() => backpropTrace({} as never, [1, 2], 0)).toThrow(/backpropTrace.*model must be a Module/);
    expect(() => backpropTrace(notesExample().net, 3 as never, 0)).toThrow(/argument x/);
  });
});

describe('gradientNorms: vanishing gradients at initialisation', () => {
  it('a deep sigmoid network loses the gradient towards the input; ReLU with He init keeps it', () => {
    const data = twoMoons({ n: 128, noise: 0.1, seed: 0 });
    const sizes = [2, 32, 32, 32, 32, 32, 32, 2];
    const sig = gradientNorms(mlp({ sizes, activation: 'sigmoid', seed: 0, dtype: 'float64' }), data, crossEntropy());
    const rel = gradientNorms(mlp({ sizes, activation: 'relu', seed: 0, dtype: 'float64' }), data, crossEntropy());
    expect(sig.map((r) => r.name)).toEqual(['0.weight', '2.weight', '4.weight', '6.weight', '8.weight', '10.weight', '12.weight']);
    const ratio = (rows: typeof sig) => (rows[0]?.norm ?? 0) / (rows.at(-1)?.norm ?? 1);
    expect(ratio(sig)).toBeLessThan(0.01);
    expect(ratio(rel)).toBeGreaterThan(0.05);
  });
});
