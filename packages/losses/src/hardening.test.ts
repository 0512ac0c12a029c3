import { GradlabError, tensor } from '@gradlab/core-tensor';
import { describe, expect, it } from 'vitest';
import { defineLoss, hinge, lossFromSpec, margin, quadratic } from './index.ts';

describe('losses answer bad input with typed errors (issue 19)', () => {
  it.each([
    ['defineLoss(null)', () => defineLoss(null as never)],
    ['lossFromSpec(null)', () => lossFromSpec(null as never)],
    ["margin(null, t, 'zero-one')", () => margin(null as never, tensor([1]), 'zero-one')],
    ['quadratic({ reduction: null })', () => quadratic({ reduction: null } as never)],
    ['hinge({ reductoin: "sum" })', () => hinge({ reductoin: 'sum' } as never)],
    ['a non-finite real target', () => quadratic().forward(tensor([1]), tensor([Infinity], { allowNonFinite: true }))],
  ])('%s', (_name, f) => {
    expect(f).toThrow(GradlabError);
  });
  it('an unknown option gets a did-you-mean hint', () => {
    expect(() => hinge({ reductoin: 'sum' } as never)).toThrow(/did you mean reduction/);
  });
});
