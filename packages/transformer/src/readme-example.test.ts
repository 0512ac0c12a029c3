import { expect, it } from 'vitest';
import { rng, tensor, valueAndGrad } from '@gradlab/core-tensor';
import type { Tensor } from '@gradlab/core-tensor';
import { functionalCall } from '@gradlab/models-nn';
import { adam } from '@gradlab/optim';
import { languageModel } from './index.ts';

it('the README example trains in float32 and continues the sequence', { timeout: 60_000 }, () => {
  const lm = languageModel({ vocabSize: 8, contextLength: 16, dModel: 16, heads: 2, layers: 1, rng: rng(0) });
  const ids = tensor([[3, 1, 4, 1, 5, 2, 6, 7, 3, 1, 4, 1, 5, 2, 6, 7]], { dtype: 'int32' });
  const opt = adam({ lr: 1e-2 });
  let params = lm.stateDict();
  let state = opt.init(params);
  const step = valueAndGrad((p: Record<string, Tensor>) => functionalCall(lm, p, () => lm.loss(ids)));
  for (let i = 0; i < 200; i++) {
    const [, grads] = step(params);
    ({ params, state } = opt.step(params, grads, state));
  }
  lm.loadStateDict(params);
  expect(lm.loss(ids).item()).toBeLessThan(0.05);
  expect(lm.generate([3, 1, 4], { tokens: 5, temperature: 0 })).toEqual([1, 5, 2, 6, 7]);
});
