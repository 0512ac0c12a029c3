import { describe, expect, it } from 'vitest';
import { rng, slice, tensor } from '@gradlab/core-tensor';
import { languageModel } from './language-model.ts';
import type { LanguageModelOptions } from './language-model.ts';
import { sampleToken } from './sample-token.ts';

const opts: LanguageModelOptions = { vocabSize: 13, contextLength: 8, dModel: 16, heads: 4, layers: 2, ffn: 32, dtype: 'float64' };

describe('generate and the KV cache', () => {
  it('the cached path gives the full forward’s last-position logits (float64, 1e-12)', () => {
    const lm = languageModel({ ...opts, rng: rng(1) }).eval();
    // Larger weights than GPT-2's 0.02, so the check is not trivially met by near-uniform outputs.
    for (const [n, t] of Object.entries(lm.stateDict())) if (n.endsWith('qkv.weight')) lm.loadStateDict({ ...lm.stateDict(), [n]: t.mul(25) });
    const seq = [3, 1, 4, 1, 5, 9, 2, 6];
    const caches = lm.createCache();
    lm.forward(tensor([seq.slice(0, 3)], { dtype: 'int32' }), { caches });
    for (let t = 3; t < seq.length; t++) {
      const cached = lm.forward(tensor([[seq[t] as number]], { dtype: 'int32' }), { caches });
      const full = lm.forward(tensor([seq.slice(0, t + 1)], { dtype: 'int32' }));
      const last = slice(full, [0, t, 0], [1, 1, 13]);
      let worst = 0;
      for (let i = 0; i < 13; i++) worst = Math.max(worst, Math.abs((cached.data[i] as number) - (last.data[i] as number)));
      expect(worst).toBeLessThan(1e-12);
    }
    expect(caches[0]?.length).toBe(8);
    expect(() => lm.forward(tensor([[1]], { dtype: 'int32' }), { caches })).toThrow(/the cache is full/);
  });

  it('with and without the cache: the same tokens for the same seed, greedy and sampled, past the context window', () => {
    for (const positional of ['learned', 'sinusoidal'] as const) {
      const lm = languageModel({ ...opts, positional, rng: rng(2) });
      for (const o of [{ temperature: 0 }, { temperature: 1, seed: 7 }, { temperature: 0.7, topK: 3, seed: 8 }]) {
        const withCache = lm.generate([1, 2, 3], { tokens: 12, ...o });
        expect(withCache).toHaveLength(12);
        expect(lm.generate([1, 2, 3], { tokens: 12, cache: false, ...o })).toEqual(withCache);
      }
    }
  });

  it('seeds, top-k, onToken, cropping long prompts; the model is left in its mode', () => {
    const lm = languageModel({ ...opts, rng: rng(3) });
    const a = lm.generate([1], { tokens: 20, seed: 1 });
    expect(lm.generate([1], { tokens: 20, seed: 1 })).toEqual(a);
    expect(lm.generate([1], { tokens: 20, seed: 2 })).not.toEqual(a);
    expect(lm.training).toBe(true);
    const seen: number[] = [];
    const b = lm.generate([1, 2], { tokens: 4, seed: 3, onToken: (id) => seen.push(id) });
    expect(seen).toEqual(b);
    const long = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
    expect(lm.generate(long, { tokens: 3, temperature: 0 })).toEqual(lm.generate(long.slice(-8), { tokens: 3, temperature: 0 }));
    expect(lm.generate([1], { tokens: 0 })).toEqual([]);
    expect(() => lm.generate([], { tokens: 1 })).toThrow(/at least one token/);
    expect(() => lm.generate([13], { tokens: 1 })).toThrow(/prompt\[0\]/);
    expect(() => lm.generate([1], { tokens: 1, temprature: 0 } as never)).toThrow(/unknown option 'temprature'/);
  });
});

describe('sampleToken', () => {
  it('greedy picks the arg max; top-1 equals greedy; top-k never leaves the k best', () => {
    const z = new Float64Array([0.1, 2, -1, 1.9, 0]);
    expect(sampleToken(z, { temperature: 0, rng: rng(0) })).toBe(1);
    const r = rng(1);
    for (let i = 0; i < 50; i++) expect(sampleToken(z, { topK: 1, rng: r })).toBe(1);
    const counts = [0, 0, 0, 0, 0];
    for (let i = 0; i < 400; i++) (counts[sampleToken(z, { topK: 2, rng: r })] as number)++;
    expect([counts[0], counts[2], counts[4]]).toEqual([0, 0, 0]);
    expect(counts[1]).toBeGreaterThan(150);
    expect(counts[3]).toBeGreaterThan(150);
    expect(() => sampleToken(z, { temperature: -1, rng: r })).toThrow(/temperature/);
    expect(() => sampleToken(z, { topK: 0, rng: r })).toThrow(/topK/);
    expect(() => sampleToken([0, NaN], { rng: r })).toThrow(/finite/);
  });
});
