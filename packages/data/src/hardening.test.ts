import { GradlabError } from '@gradlab/core-tensor';
import { describe, expect, it } from 'vitest';
import { accuracy, dataset, holdoutSplit, kFold, leaveOneOut, miniBatchIndices, parseCsv, subset, toVector, xor } from './index.ts';

describe('data answers bad input with typed errors (issue 19)', () => {
  it.each([
    ['kFold(1e9, 2)', () => kFold(1e9, 2)],
    ['leaveOneOut(1e7)', () => leaveOneOut(1e7)],
    ['miniBatchIndices(1e9, ...) fails at the call', () => miniBatchIndices(1e9, { batchSize: 2 })],
    ['holdoutSplit(1e9, ...)', () => holdoutSplit(1e9, { train: 0.5, validation: 0.5 })],
    ['xor({ flip: 2 })', () => xor({ flip: 2 })],
    ['accuracy()', () => accuracy(undefined as never, undefined as never)],
    ["toVector(['a'])", () => toVector(['a'] as never, { op: 'f', arg: 'x' })],
    ['toVector([Infinity])', () => toVector([Infinity], { op: 'f', arg: 'x' })],
    ['subset(null, [])', () => subset(null as never, [])],
    ['parseCsv(null)', () => parseCsv(null as never)],
    ["parseCsv with a two-character delimiter", () => parseCsv('a,b\n1,2\n', { delimiter: ';;' })],
    ['dataset with an unknown option', () => dataset([1], [1], { featureName: ['a'] } as never)],
  ])('%s', (_name, f) => {
    expect(f).toThrow(GradlabError);
  });
});
