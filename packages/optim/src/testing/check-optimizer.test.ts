import { describe, expect, it } from 'vitest';
import { elementwiseOptimizer } from '../elementwise-optimizer.ts';
import type { Optimizer } from '../optimizer.ts';
import { adam } from '../optimizers/adam.ts';
import { adamw } from '../optimizers/adamw.ts';
import { builtinOptimizers } from '../optimizers/builtin-optimizers.ts';
import { gd } from '../optimizers/gd.ts';
import { heavyBall } from '../optimizers/heavy-ball.ts';
import { nesterov } from '../optimizers/nesterov.ts';
import { sgd } from '../optimizers/sgd.ts';
import { robbinsMonro } from '../schedules/robbins-monro.ts';
import { checkOptimizer } from './check-optimizer.ts';

describe('checkOptimizer', () => {
  it('passes every built-in optimizer', () => {
    const all: Optimizer[] = [
      gd({ lr: 0.1 }),
      sgd({ lr: 0.1 }),
      sgd({ lr: 0.05, momentum: 0.9, dampening: 0.1, weightDecay: 1e-3 }),
      heavyBall({ lr: 0.05 }),
      nesterov({ lr: 0.05 }),
      adam({ lr: 0.05 }),
      adam({ lr: 0.05, amsgrad: true }),
      adamw({ lr: 0.05 }),
      sgd({ lr: robbinsMonro({ lr: 0.5, beta: 0.1, alpha: 0.75 }) }),
    ];
    for (const opt of all) {
      const report = checkOptimizer(opt);
      expect(report.checks).toContain('descends');
      expect(report.descent.after).toBeLessThan(0.05 * report.descent.before);
    }
    expect(Object.keys(builtinOptimizers).sort()).toEqual(['adam', 'adamw', 'gd', 'heavy-ball', 'nesterov', 'sgd']);
    for (const [id, make] of Object.entries(builtinOptimizers)) expect(checkOptimizer(make({ lr: 0.05 })).id).toBe(id);
  });

  it('catches an optimizer that mutates its input or ascends', () => {
    const base = sgd({ lr: 0.1 });
    const mutating: Optimizer = {
      ...base,
      step: (params, grads, state) => {
        const r = base.step(params, grads, state);
        (state as { step: number }).step = 99;
        return r;
      },
    };
    expect(() => checkOptimizer(mutating)).toThrow('fails the check "pure step"');
    const ascending = elementwiseOptimizer({
      id: 'ascent',
      config: {},
      lr: 0.1,
      slots: [],
      update({ param, grad, lr }) {
        for (let k = 0; k < param.length; k++) param[k] = (param[k] ?? 0) + lr * (grad[k] ?? 0);
      },
    });
    expect(() => checkOptimizer(ascending)).toThrow('fails the check "descends"');
  });
});
