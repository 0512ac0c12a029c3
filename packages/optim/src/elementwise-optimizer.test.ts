import { tensor } from '@gradlab/core-tensor';
import type { Tensor } from '@gradlab/core-tensor';
import { describe, expect, it } from 'vitest';
import type { OptimizerState } from './optimizer.ts';
import { adam } from './optimizers/adam.ts';

// A state made by step() keeps float64 buffers for the next step; these check that it still acts
// as the plain JSON state of the contract.
describe('elementwiseOptimizer state between steps', () => {
  const params = { w: tensor([0.5, -1, 2], { dtype: 'float64' }), b: tensor([0.25], { dtype: 'float64' }) };
  const grads = (p: { w: Tensor; b: Tensor }) => ({ w: p.w.mul(2).add(0.1), b: p.b.sub(1) });
  const run = (steps: number, between: (s: OptimizerState) => OptimizerState = (s) => s) => {
    const opt = adam({ lr: 0.1 });
    let p = params;
    let s = opt.init(p);
    for (let i = 0; i < steps; i++) ({ params: p, state: s } = opt.step(p, grads(p), between(s)));
    return { p, s };
  };

  it('gives the same steps whether or not the state goes through JSON in between', () => {
    const live = run(5);
    const viaJson = run(5, (s) => JSON.parse(JSON.stringify(s)) as OptimizerState);
    expect(live.p.w.toArray()).toEqual(viaJson.p.w.toArray());
    expect(live.p.b.toArray()).toEqual(viaJson.p.b.toArray());
    expect(JSON.stringify(live.s)).toBe(JSON.stringify(viaJson.s));
    expect(Object.keys(live.s)).toEqual(['step', 'slots']);
    expect(live.s.slots.exp_avg?.length).toBe(2);
  });

  it('leaves an earlier state as it was, read before or after the next step', () => {
    const opt = adam({ lr: 0.1 });
    const r1 = opt.step(params, grads(params), opt.init(params));
    const r2 = opt.step(r1.params, grads(r1.params), r1.state);
    opt.step(r2.params, grads(r2.params), r2.state);
    const fresh = adam({ lr: 0.1 }).step(params, grads(params), opt.init(params));
    expect(JSON.stringify(r1.state)).toBe(JSON.stringify(fresh.state));
    expect(r2.state.step).toBe(2);
  });

  it('with context.consumeState gives the same steps, bit for bit, and leaves the caller\'s first state alone', () => {
    const opt = adam({ lr: 0.1 });
    const first = opt.init(params);
    let p = params;
    let s = first;
    for (let i = 0; i < 5; i++) ({ params: p, state: s } = opt.step(p, grads(p), s, { consumeState: true }));
    const copied = run(5);
    expect(p.w.toArray()).toEqual(copied.p.w.toArray());
    expect(p.b.toArray()).toEqual(copied.p.b.toArray());
    expect(JSON.stringify(s)).toBe(JSON.stringify(copied.s));
    expect(JSON.stringify(first)).toBe(JSON.stringify(opt.init(params)));
  });

  it('takes a state that was read and edited at its word', () => {
    const opt = adam({ lr: 0.1 });
    const r1 = opt.step(params, grads(params), opt.init(params));
    const edited = JSON.parse(JSON.stringify(r1.state)) as { step: number; slots: { exp_avg: number[][] } };
    edited.slots.exp_avg[0]![0] = 5;
    (r1.state.slots.exp_avg as number[][])[0]![0] = 5;
    const a = opt.step(r1.params, grads(r1.params), r1.state);
    const b = opt.step(r1.params, grads(r1.params), edited);
    expect(a.params.w.toArray()).toEqual(b.params.w.toArray());
  });
});

describe('elementwise optimizers stop on non-finite values', () => {
  it('throw DivergenceError naming the step when a gradient or an updated parameter is not finite', async () => {
    const { sgd } = await import('./optimizers/sgd.ts');
    const { DivergenceError } = await import('./divergence-error.ts');
    const { tensor } = await import('@gradlab/core-tensor');
    const opt = sgd({ lr: 0.1 });
    const p = [tensor([1, 2])];
    expect(() => opt.step(p, [tensor([0, NaN], { allowNonFinite: true })], opt.init(p))).toThrow(DivergenceError);
    expect(() => opt.step(p, [tensor([0, NaN], { allowNonFinite: true })], opt.init(p))).toThrow(/step 1: the gradient of parameter 0 is NaN at element 1/);
    const big = sgd({ lr: 1e308 });
    expect(() => big.step([tensor([1e308])], [tensor([-1e308])], big.init([tensor([1e308])]))).toThrow(/parameter 0 is Infinity/);
  });
});
