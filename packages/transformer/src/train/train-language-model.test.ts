import { describe, expect, it } from 'vitest';
import { rng } from '@gradlab/core-tensor';
import { adamw } from '@gradlab/optim';
import { charTokenizer } from '../tokenizers/char-tokenizer.ts';
import { languageModel } from '../language-model.ts';
import { trainLanguageModel } from './train-language-model.ts';

const text = 'the cat sat on the mat. the dog sat on the log. '.repeat(20);

function setup() {
  const tok = charTokenizer(text);
  const ids = tok.encode(text);
  const lm = languageModel({ vocabSize: tok.vocabSize, contextLength: 16, dModel: 16, heads: 2, layers: 1, rng: rng(0) });
  return { tok, ids, lm };
}

describe('trainLanguageModel', () => {
  it('lowers the training and validation loss, reproducibly', () => {
    const a = setup();
    const ra = trainLanguageModel(a.lm, a.ids, { optimizer: adamw({ lr: 1e-2 }), steps: 60, batchSize: 8, validIds: a.ids.slice(0, 200), evalEvery: 30, seed: 3 });
    const b = setup();
    const rb = trainLanguageModel(b.lm, b.ids, { optimizer: adamw({ lr: 1e-2 }), steps: 60, batchSize: 8, validIds: a.ids.slice(0, 200), evalEvery: 30, seed: 3 });
    expect(ra.history.map((h) => h.loss)).toEqual(rb.history.map((h) => h.loss));
    expect(ra.stopped).toBe('completed');
    expect(ra.history.filter((h) => h.valLoss !== undefined).map((h) => h.step)).toEqual([30, 60]);
    const first = ra.history[0]?.loss ?? 0;
    expect(first).toBeGreaterThan(Math.log(a.tok.vocabSize) - 1);
    expect(ra.valLoss).toBeLessThan(first / 2);
  });

  it('stops on a time limit or an AbortSignal, keeps valid weights, and checks its options', () => {
    const { ids, lm } = setup();
    const controller = new AbortController();
    const r = trainLanguageModel(lm, ids, { optimizer: adamw({ lr: 1e-2 }), steps: 1000, batchSize: 4, signal: controller.signal, onStep: (l) => l.step === 3 && controller.abort() });
    expect(r.stopped).toBe('aborted');
    expect(r.steps).toBe(3);
    expect(trainLanguageModel(lm, ids, { optimizer: adamw(), steps: 1000, batchSize: 4, timeLimitSeconds: 0 }).stopped).toBe('time-limit');
    expect(() => trainLanguageModel(lm, ids, { optimizer: adamw(), steps: 0 })).toThrow(/steps must be a positive integer/);
    expect(() => trainLanguageModel(lm, ids, { optimizer: adamw(), steps: 1, context: 99 })).toThrow(/context must fit the model/);
    expect(() => trainLanguageModel(lm, ids.slice(0, 5), { optimizer: adamw(), steps: 1 })).toThrow(/shorter than one training window/);
  });
});
