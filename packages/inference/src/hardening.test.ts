import { GradlabError } from '@gradlab/core-tensor';
import { jointTable } from '@gradlab/prob';
import { describe, expect, it } from 'vitest';
import { bayesRisk, populationLogLoss, populationLoss, zeroOneLoss } from './index.ts';

const p = jointTable({ variables: ['x', 't'], probs: [[0.45, 0.05], [0.1, 0.4]] });

describe('inference answers bad input with typed errors (issue 19)', () => {
  it.each([
    ['bayesRisk(undefined, loss)', () => bayesRisk(undefined as never, zeroOneLoss())],
    ['populationLoss(p, null, loss)', () => populationLoss(p, null as never, zeroOneLoss())],
    ['populationLoss with a bad loss', () => populationLoss(p, () => 0, 5 as never)],
    ['an unknown option', () => bayesRisk(p, zeroOneLoss(), { targt: 't' } as never)],
    ['a soft predictor whose prob() returns 2', () => populationLogLoss(p, () => ({ prob: () => 2 }))],
  ])('%s', (_name, f) => {
    expect(f).toThrow(GradlabError);
  });
});
