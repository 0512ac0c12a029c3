import { tensor, ValueError } from '@gradlab/core-tensor';
import { describe, expect, it } from 'vitest';
import { robbinsMonro } from '../schedules/robbins-monro.ts';
import { adam } from './adam.ts';
import { adamw } from './adamw.ts';
import { builtinOptimizers, optimizerFromSpec } from './builtin-optimizers.ts';
import { gd } from './gd.ts';
import { nesterov } from './nesterov.ts';
import { sgd } from './sgd.ts';

describe('hyper-parameter validation (PyTorch wording)', () => {
  it('names the bad value', () => {
    expect(() => sgd({ lr: -0.1 })).toThrow(ValueError);
    expect(() => sgd({ lr: -0.1 })).toThrow('Invalid learning rate: -0.1');
    expect(() => gd({ lr: Number.NaN })).toThrow('Invalid learning rate: NaN');
    expect(() => sgd({ lr: 0.1, momentum: -1 })).toThrow('Invalid momentum value: -1');
    expect(() => sgd({ lr: 0.1, weightDecay: -1e-4 })).toThrow('Invalid weight_decay value: -0.0001');
    expect(() => sgd({ lr: 0.1, nesterov: true })).toThrow('Nesterov momentum requires a momentum and zero dampening');
    expect(() => nesterov({ lr: 0.1, momentum: 0 })).toThrow('Nesterov momentum requires a momentum and zero dampening');
    expect(() => adam({ betas: [1.5, 0.999] })).toThrow('Invalid beta parameter at index 0: 1.5');
    expect(() => adam({ betas: [0.9, -0.1] })).toThrow('Invalid beta parameter at index 1: -0.1');
    expect(() => adamw({ eps: -1 })).toThrow('Invalid epsilon value: -1');
    expect(() => adamw({ weightDecay: -1 })).toThrow('Invalid weight_decay value: -1');
    try {
      sgd({ lr: -0.1 });
    } catch (e) {
      expect(e).toMatchObject({ pkg: 'optim', op: 'sgd', arg: 'lr', received: -0.1 });
      expect((e as Error).message).toMatch(/^\[gradlab\/optim\] sgd: Invalid learning rate: -0.1/);
    }
  });
});

describe('sgd', () => {
  it('takes the chapter 5 perceptron steps: theta = -0.79 then -0.64', () => {
    // The hinge-at-zero gradient -t± x of a misclassified sample, (x=2.1, t=1) then (x=-1.5, t=0).
    const opt = sgd({ lr: 0.1 });
    let theta = tensor([-1]);
    let state = opt.init(theta);
    const thetas: number[] = [];
    for (const [x, t] of [[2.1, 1], [-1.5, 0]] as const) {
      const y = (2 * t - 1) * theta.item() * x;
      const g = y < 0 ? -(2 * t - 1) * x : 0;
      ({ params: theta, state } = opt.step(theta, tensor([g]), state));
      thetas.push(theta.item());
    }
    expect(thetas[0]).toBeCloseTo(-0.79, 12);
    expect(thetas[1]).toBeCloseTo(-0.64, 12);
  });

  it('follows a schedule, or the lr the caller passes for one step', () => {
    const schedule = robbinsMonro({ lr: 1, beta: 1, alpha: 1 });
    const opt = sgd({ lr: schedule });
    const theta = tensor([0]);
    const r1 = opt.step(theta, tensor([1]), opt.init(theta));
    expect(r1.params.item()).toBeCloseTo(-0.5, 15);
    const r2 = opt.step(r1.params, tensor([1]), r1.state);
    expect(r2.params.item()).toBeCloseTo(-0.5 - 1 / 3, 15);
    expect(opt.step(theta, tensor([1]), opt.init(theta), { lr: 0.25 }).params.item()).toBe(-0.25);
  });

  it('refuses gradients and states that do not fit', () => {
    const opt = sgd({ lr: 0.1, momentum: 0.9 });
    const p = { w: tensor([1, 2]) };
    expect(() => opt.step(p, { w: tensor([1]) }, opt.init(p))).toThrow("each gradient must have its parameter's shape");
    expect(() => opt.step(p, { v: tensor([1, 2]) } as unknown as typeof p, opt.init(p))).toThrow('gradients must have the structure of the parameters');
    expect(() => opt.step(p, p, opt.init({ w: tensor([1]) }))).toThrow("state slot 'momentum_buffer' does not match the parameters");
  });
});

describe('builtinOptimizers', () => {
  it('rebuilds each optimizer from its saved config, schedules included', () => {
    expect(Object.isFrozen(builtinOptimizers)).toBe(true);
    const opts = [gd({ lr: 0.1 }), sgd({ lr: robbinsMonro({ lr: 1, beta: 0.5, alpha: 0.6 }), momentum: 0.5 }), adam({ lr: 0.01, amsgrad: true }), adamw()];
    for (const opt of opts) {
      const again = optimizerFromSpec(JSON.parse(JSON.stringify({ id: opt.id, config: opt.config })) as { id: string; config: Record<string, never> });
      expect(again.id).toBe(opt.id);
      expect(again.config).toEqual(opt.config);
      const p = tensor([1, -2]);
      expect(Array.from(again.step(p, tensor([0.5, 0.5]), again.init(p)).params.data)).toEqual(Array.from(opt.step(p, tensor([0.5, 0.5]), opt.init(p)).params.data));
    }
    expect(adam().config).toEqual({ lr: 1e-3, betas: [0.9, 0.999], eps: 1e-8, weightDecay: 0, amsgrad: false, maximize: false });
    expect(() => optimizerFromSpec({ id: 'lbfgs', config: {} })).toThrow("unknown optimizer 'lbfgs'");
  });
});
