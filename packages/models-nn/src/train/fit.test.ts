import { describe, expect, it } from 'vitest';
import { mul, rng, square, sub, tensor } from '@gradlab/core-tensor';
import { crossValidate, dataset, twoMoons, xor } from '@gradlab/data';
import { binaryCrossEntropyWithLogits, crossEntropy, defineLoss } from '@gradlab/losses';
import { adam, elementwiseOptimizer, sgd } from '@gradlab/optim';
import { fit, fitAsync, linear, mlp, mlpClassifier, NonFiniteLossError, sequential, tanh } from '../index.ts';

describe('fit', () => {
  it('a 2-2-1 network solves XOR, where a linear model cannot', () => {
    const x = tensor([[0, 0], [0, 1], [1, 0], [1, 1]], { dtype: 'float64' });
    const y = tensor([0, 1, 1, 0], { dtype: 'float64' });
    // 2-2-1 on XOR has a well-known local minimum (loss ≈ 0.347, one hidden unit saturated);
    // with the weights of seed 3 Adam reaches the global one.
    const r = rng(3);
    const net = sequential(linear(2, 2, { dtype: 'float64', rng: r }), tanh(), linear(2, 1, { dtype: 'float64', rng: r }));
    const h = fit(net, { x, y }, { loss: binaryCrossEntropyWithLogits(), optimizer: adam({ lr: 0.05 }), epochs: 500, batchSize: 4 });
    expect(Array.from(net.forward(x).data).map((a) => (a > 0 ? 1 : 0))).toEqual([0, 1, 1, 0]);
    expect(h.history.at(-1)?.loss).toBeLessThan(0.01);
    expect(h.history.at(-1)?.accuracy).toBe(1);
    // The best affine model: logit 0 everywhere, log-loss log 2.
    const lin = linear(2, 1, { dtype: 'float64', rng: rng(3) });
    const hl = fit(lin, { x, y }, { loss: binaryCrossEntropyWithLogits(), optimizer: adam({ lr: 0.05 }), epochs: 500, batchSize: 4 });
    expect(hl.history.at(-1)?.loss).toBeGreaterThan(Math.log(2) - 1e-3);
  });

  it('trains with a user-defined loss and a user-defined optimizer, unchanged', () => {
    // The mean fourth power of the error, and sign-SGD: both written against the public contracts.
    const quartic = defineLoss({ id: 'quartic', prediction: 'value', target: 'real', elementwise: (p, t) => square(square(sub(p, t))) });
    const signSgd = elementwiseOptimizer({
      id: 'sign-sgd',
      config: {},
      lr: 0.01,
      slots: [],
      update: ({ param, grad, lr }) => {
        for (let i = 0; i < param.length; i++) param[i] = (param[i] as number) - lr * Math.sign(grad[i] as number);
      },
    });
    const x = tensor([[0], [1], [2], [3]], { dtype: 'float64' });
    const y = tensor([1, 3, 5, 7], { dtype: 'float64' });
    const net = linear(1, 1, { dtype: 'float64' });
    const r = fit(net, { x, y }, { loss: quartic, optimizer: signSgd, epochs: 400, batchSize: 4 });
    expect(r.history.at(-1)?.loss).toBeLessThan(1e-3);
    expect(net.weight.value.item()).toBeCloseTo(2, 1);
  });

  it('a NaN loss stops with a typed error naming epoch and step; the model keeps its last good weights', () => {
    const net = linear(1, 1, { dtype: 'float64' });
    const x = tensor([[1], [2]], { dtype: 'float64' });
    const y = tensor([1, 2], { dtype: 'float64' });
    let calls = 0;
    const trap = defineLoss({ id: 'trap', prediction: 'value', target: 'real', elementwise: (p, t) => (++calls >= 3 ? mul(square(sub(p, t)), NaN) : square(sub(p, t))) });
    let good: number[] = [];
    let err: unknown;
    try {
      fit(net, { x, y }, { loss: trap, optimizer: sgd({ lr: 0.1 }), epochs: 5, batchSize: 2, onBatch: () => (good = Array.from(net.weight.value.data)) });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(NonFiniteLossError);
    expect((err as NonFiniteLossError).epoch).toBe(3);
    expect((err as Error).message).toMatch(/epoch 3, step 3/);
    expect(Array.from(net.weight.value.data)).toEqual(good);
  });

  it('reports validation metrics, stops early, honours an AbortSignal, and is reproducible', () => {
    const data = twoMoons({ n: 200, noise: 0.1, seed: 1 });
    const valid = twoMoons({ n: 100, noise: 0.1, seed: 2 });
    const run = () => {
      const net = mlp({ sizes: [2, 16, 2], seed: 3 });
      return { net, r: fit(net, data, { loss: crossEntropy(), optimizer: adam({ lr: 0.01 }), epochs: 30, batchSize: 16, validation: valid, seed: 4 }) };
    };
    const a = run();
    const b = run();
    expect(a.r.history.map((h) => h.loss)).toEqual(b.r.history.map((h) => h.loss));
    expect(Array.from(a.net.parameters()[0]?.data ?? [])).toEqual(Array.from(b.net.parameters()[0]?.data ?? []));
    expect(a.r.history.at(-1)?.valAccuracy).toBeGreaterThan(0.85);
    expect(a.r.history.at(-1)?.accuracy).toBeGreaterThan(0.85);

    const controller = new AbortController();
    const c = fit(mlp({ sizes: [2, 4, 2] }), data, { loss: crossEntropy(), optimizer: adam(), epochs: 50, onBatch: (l) => l.totalSteps === 10 && controller.abort(), signal: controller.signal });
    expect(c.stopped).toBe('aborted');
    expect(c.steps).toBe(10);

    const es = fit(mlp({ sizes: [2, 4, 2] }), data, { loss: crossEntropy(), optimizer: sgd({ lr: 1e-9 }), epochs: 50, validation: valid, earlyStopping: { patience: 2, minDelta: 1e-3 } });
    expect(es.stopped).toBe('early-stopping');
    expect(es.history.length).toBeLessThan(10);
  });

  it('fitAsync takes the same steps as fit and lets timers run while it trains', async () => {
    const data = twoMoons({ n: 100, noise: 0.1, seed: 1 });
    const opts = () => ({ loss: crossEntropy(), optimizer: adam({ lr: 0.01 }), epochs: 5, batchSize: 10, seed: 2 });
    const a = fit(mlp({ sizes: [2, 8, 2], seed: 1 }), data, opts());
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    const b = await fitAsync(mlp({ sizes: [2, 8, 2], seed: 1 }), data, { ...opts(), yieldEveryMs: 0 });
    clearInterval(timer);
    expect(b.history.map((h) => h.loss)).toEqual(a.history.map((h) => h.loss));
    expect(ticks).toBeGreaterThan(0);
  });

  it('rejects bad options with a hint', () => {
    const net = mlp({ sizes: [2, 2] });
    const data = xor({ n: 8, seed: 0 });
    expect(() => fit(net, data, { loss: crossEntropy(), optimizer: adam(), epoch: 3 } as never)).toThrow(/unknown option 'epoch'.*did you mean 'epochs'/);
    expect(() => fit(net, data, { loss: crossEntropy() } as never)).toThrow(/optimizer must be an Optimizer/);
    expect(() => fit(net, { x: tensor([[1, 2]]), y: tensor([1, 2]) }, { loss: crossEntropy(), optimizer: adam() })).toThrow(/same number of samples/);
    expect(() => fit(net, dataset([[1, NaN]], [0]), { loss: crossEntropy(), optimizer: adam() })).toThrow();
  });

  it('an MLP is an Estimator that crossValidate accepts', () => {
    const data = twoMoons({ n: 120, noise: 0.1, seed: 5 });
    const cv = crossValidate(() => mlpClassifier({ hidden: [16], epochs: 40, optimizer: () => adam({ lr: 0.02 }) }), data, { k: 3, seed: 0, loss: 'zeroOne' });
    expect(cv.validationLosses).toHaveLength(3);
    expect(cv.meanValidationLoss).toBeLessThan(0.15);
    const clf = mlpClassifier({ hidden: [16], epochs: 40, optimizer: () => adam({ lr: 0.02 }) }).fit(data.x, data.t);
    expect(clf.score(data.x, data.t)).toBeGreaterThan(0.9);
    const p = clf.predictProba?.(data.x);
    expect(p?.shape).toEqual([120, 2]);
    expect(Math.abs((p?.data[0] ?? 0) + (p?.data[1] ?? 0) - 1)).toBeLessThan(1e-6);
  });
});
