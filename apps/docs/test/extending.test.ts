import { getBackend, rng, setBackend, tensor } from '@gradlab/core-tensor';
import { checkBackend } from '@gradlab/core-tensor/testing';
import { checkLoss } from '@gradlab/losses/testing';
import { checkOptimizer } from '@gradlab/optim/testing';
import { fit, linear, sequential } from '@gradlab/models-nn';
import { checkLayer } from '@gradlab/models-nn/testing';
import { describe, expect, it } from 'vitest';
import { checkPlugin } from '@gradlab/plugin/testing';
import { adagrad, countingBackend, extendingPlugin, GatedLinear, logCosh } from '../examples/extending.ts';

describe('the four extensions of guide/extending.md', () => {
  it('each passes the conformance checker of its contract', () => {
    expect(checkLoss(logCosh()).checks.length).toBeGreaterThan(0);
    expect(checkOptimizer(adagrad({ lr: 0.1 })).checks.length).toBeGreaterThan(0);
    expect(checkLayer((o) => new GatedLinear(3, 2, o), { inputShape: [4, 3], outputShape: [4, 2] }).maxGradError).toBeLessThan(1e-6);
    const report = checkBackend(countingBackend());
    expect(report.failures).toEqual([]);
    expect(report.passed).toBe(true);
  });

  it('log-cosh is log cosh(t̂ − t), and finite far out', () => {
    const l = logCosh().elementwise(tensor([0.5, 800], { dtype: 'float64' }), tensor([0, 0], { dtype: 'float64' }));
    expect(l.data[0]).toBeCloseTo(Math.log(Math.cosh(0.5)), 14);
    expect(l.data[1]).toBeCloseTo(800 - Math.LN2, 9);
  });

  it('trains a gated network with the custom loss and optimizer on the counting backend', () => {
    const before = getBackend();
    const counting = countingBackend();
    setBackend(counting);
    try {
      const r = rng(0);
      const xs = Array.from({ length: 64 }, () => [r.uniform(-2, 2), r.uniform(-2, 2)]);
      const ts = xs.map(([a, b]) => Math.sin(a ?? 0) + 0.5 * (b ?? 0));
      const data = { x: tensor(xs, { dtype: 'float64' }), y: tensor(ts, { dtype: 'float64' }).reshape([64, 1]) };
      const model = sequential(new GatedLinear(2, 16, { rng: rng(1), dtype: 'float64' }), linear(16, 1, { rng: rng(2), dtype: 'float64' }));
      const { history } = fit(model, data, { loss: logCosh(), optimizer: adagrad({ lr: 0.1 }), epochs: 40, batchSize: 16, seed: 0 });
      expect(history.at(-1)?.loss).toBeLessThan((history[0]?.loss ?? 0) / 4);
      expect(counting.counts.get('matmul')).toBeGreaterThan(40 * 4 * 2);
    } finally {
      setBackend(before);
    }
  });

  it('as one plugin, passes checkPlugin: every piece checked', () => {
    const rows = checkPlugin(extendingPlugin);
    expect(rows.map((r) => [r.kind, r.id, r.passed])).toEqual([
      ['loss', 'log-cosh', true], ['optimizer', 'adagrad', true], ['layer', 'gated-linear', true], ['backend', 'counting', true],
    ]);
  });
});
