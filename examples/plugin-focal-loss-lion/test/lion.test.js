import { tensor } from '@gradlab/core-tensor';
import { optimizerFromSpec, robbinsMonro } from '@gradlab/optim';
import { checkOptimizer } from '@gradlab/optim/testing';
import { describe, expect, it } from 'vitest';
import { lion } from '../src/lion.js';

describe('lion', () => {
  it('passes checkOptimizer, with and without weight decay', () => {
    expect(checkOptimizer(lion({ lr: 0.01 })).descent.after).toBeLessThan(checkOptimizer(lion({ lr: 0.01 })).descent.before);
    checkOptimizer(lion({ lr: 0.01, weightDecay: 0.1, betas: [0.95, 0.98] }));
    checkOptimizer(lion({ lr: robbinsMonro({ lr: 0.05, beta: 0.1, alpha: 0.75 }) }));
  });

  it('follows the paper update by hand: sign of the interpolation, decoupled decay, momentum after', () => {
    const opt = lion({ lr: 0.1, betas: [0.9, 0.99], weightDecay: 0.5 });
    const p0 = tensor([1, -2, 0.5], { dtype: 'float64' });
    const g = [0.5, 0.1, -3];
    let r = opt.step(p0, tensor(g, { dtype: 'float64' }), opt.init(p0));
    // Step 1, m = 0: c = 0.1 g, θ ← θ (1 − 0.1·0.5) − 0.1 sign(g); m = 0.01 g.
    const expected1 = [1 * 0.95 - 0.1, -2 * 0.95 - 0.1, 0.5 * 0.95 + 0.1];
    r.params.toArray().forEach((v, i) => expect(v).toBeCloseTo(expected1[i], 14));
    r.state.slots.exp_avg[0].forEach((v, i) => expect(v).toBeCloseTo(0.01 * g[i], 15));
    // Step 2 with gradient −g: c = 0.9·0.01 g − 0.1 g = −0.091 g, so the sign flips with the gradient.
    r = opt.step(r.params, tensor(g.map((x) => -x), { dtype: 'float64' }), r.state);
    const expected2 = expected1.map((v, i) => v * 0.95 - 0.1 * Math.sign(-0.091 * g[i]));
    r.params.toArray().forEach((v, i) => expect(v).toBeCloseTo(expected2[i], 14));
    r.state.slots.exp_avg[0].forEach((v, i) => expect(v).toBeCloseTo(0.99 * 0.01 * g[i] - 0.01 * g[i], 15));
  });

  it('rebuilds from its saved config, a saved schedule included', () => {
    const opt = lion({ lr: robbinsMonro({ lr: 0.05, beta: 0.1, alpha: 0.75 }), weightDecay: 0.01 });
    const again = optimizerFromSpec(JSON.parse(JSON.stringify({ id: opt.id, config: opt.config })), { lion: (c) => lion(c) });
    expect(again.config).toEqual(opt.config);
    expect(opt.config).toMatchObject({ betas: [0.9, 0.99], weightDecay: 0.01, lr: { id: 'robbins-monro' } });
  });

  it('refuses bad hyper-parameters with their names', () => {
    expect(() => lion({ lr: -1 })).toThrow('Invalid lr: -1');
    expect(() => lion({ betas: [0.9, 1] })).toThrow('Invalid betas[1]: 1');
    expect(() => lion({ weightDecay: Number.NaN })).toThrow('Invalid weightDecay');
  });
});
