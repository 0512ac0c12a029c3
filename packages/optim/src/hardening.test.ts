import { GradlabError, sum, tensor } from '@gradlab/core-tensor';
import type { Tensor } from '@gradlab/core-tensor';
import { describe, expect, it } from 'vitest';
import { adam, constantSchedule, gd, gradientDescent, minimize, sgd } from './index.ts';

const f = (x: Tensor): Tensor => sum(x.mul(x));

describe('optim answers bad input with typed errors (issue 19)', () => {
  it.each([
    ['gd(null)', () => gd(null as never)],
    ['sgd({ lr: NaN })', () => sgd({ lr: Number.NaN })],
    ['sgd({ lr: -1 })', () => sgd({ lr: -1 })],
    ['adam({ lrr: 1 })', () => adam({ lrr: 1 } as never)],
    ['gradientDescent steps NaN', () => gradientDescent(f, tensor([1]), { lr: 0.1, steps: Number.NaN })],
    ['gradientDescent steps -1', () => gradientDescent(f, tensor([1]), { lr: 0.1, steps: -1 })],
    ['gd with momentum', () => gd({ lr: 0.1, momentum: 0.9 } as never)],
  ])('%s', (_name, g) => {
    expect(g).toThrow(GradlabError);
  });

  it('a schedule that returns a negative rate is refused, not used', () => {
    const bad = { ...constantSchedule({ lr: 0.1 }), at: () => -0.1 };
    expect(() => minimize(f, tensor([1]), { optimizer: gd({ lr: 0.1 }), schedule: bad, steps: 3 })).toThrow(/Invalid learning rate: -0.1/);
  });
});
