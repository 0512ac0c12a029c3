import { rng as makeRng, slice, tensor, ValueError } from '@gradlab/core-tensor';
import type { KvCache } from './kv-cache.ts';
import type { LanguageModel } from './language-model.ts';
import { sampleToken } from './sample-token.ts';

/** Options of {@link LanguageModel.generate}. */
export interface GenerateOptions {
  /** How many new tokens to generate. */
  tokens: number;
  /** Softmax temperature; 0 = greedy (default 1). */
  temperature?: number;
  /** Sample among the k most likely tokens only (default: all). */
  topK?: number;
  /** The seed of the sampler's `rng(seed)` (default 0): the same seed gives the same tokens. */
  seed?: number;
  /** Called with each new token as it is produced (and its index among the new tokens). */
  onToken?: (id: number, index: number) => void;
  /** Reuse the keys and values of earlier positions (default true); the tokens are the same either way. */
  cache?: boolean;
}

const KEYS = ['tokens', 'temperature', 'topK', 'seed', 'onToken', 'cache'];

/**
 * Autoregressive sampling for {@link LanguageModel.generate}, in eval mode (no dropout).
 *
 * With the cache, the prompt is run once and each later step feeds only the newest token,
 * attending to the cached keys and values. The positions are absolute, so once the sequence is
 * longer than the context window the window slides and every cached key (computed at an older
 * position) is stale: from then on each step recomputes the last `contextLength` tokens, exactly
 * as the uncached path does. Both paths therefore give the same tokens for the same seed.
 * @param lm the model
 * @param prompt token ids (longer prompts keep their last `contextLength` tokens)
 * @param options see {@link GenerateOptions}
 * @returns the new token ids
 * @throws ValueError for an empty prompt, ids outside the vocabulary or bad options
 * @example
 * generateTokens(lm, [1, 2, 3], { tokens: 10, temperature: 0.8, topK: 5, seed: 42 }); // same as lm.generate(...)
 */
export function generateTokens(lm: LanguageModel, prompt: readonly number[], options: GenerateOptions): number[] {
  const op = 'languageModel.generate';
  if (typeof options !== 'object' || options === null) {
    throw new ValueError('options are required', { pkg: 'transformer', op, arg: 'options', expected: '{ tokens, temperature?, topK?, seed?, onToken?, cache? }', received: options === null ? 'null' : typeof options });
  }
  for (const key of Object.keys(options)) {
    if (!KEYS.includes(key)) throw new ValueError(`unknown option '${key}'`, { pkg: 'transformer', op, arg: `options.${key}`, expected: `one of ${KEYS.join(', ')}`, received: key });
  }
  const V = lm.vocabSize;
  const C = lm.contextLength;
  if (!Array.isArray(prompt) || prompt.length === 0) {
    throw new ValueError('the prompt must hold at least one token id', { pkg: 'transformer', op, arg: 'prompt', expected: 'a non-empty array of ids', received: Array.isArray(prompt) ? '[]' : typeof prompt, hint: 'start from a begin-of-text id such as [0]' });
  }
  prompt.forEach((id, i) => {
    if (!Number.isInteger(id) || id < 0 || id >= V) throw new ValueError('token ids must be integers in the vocabulary', { pkg: 'transformer', op, arg: `prompt[${i}]`, expected: `an integer in [0, ${V - 1}]`, received: id });
  });
  const n = options.tokens;
  if (!Number.isInteger(n) || n < 0) throw new ValueError('tokens must be an integer >= 0', { pkg: 'transformer', op, arg: 'options.tokens', expected: 'an integer >= 0', received: n });
  const r = makeRng(options.seed ?? 0);
  const sample = { temperature: options.temperature ?? 1, ...(options.topK !== undefined ? { topK: options.topK } : {}), rng: r };
  const ids: number[] = (prompt as readonly number[]).slice(-C);
  const out: number[] = [];
  let caches: readonly KvCache[] | undefined = (options.cache ?? true) ? lm.createCache() : undefined;
  let cached = 0;
  const wasTraining = lm.training;
  lm.eval();
  try {
    for (let step = 0; step < n; step++) {
      let fresh: number[];
      if (caches !== undefined && ids.length <= C) {
        fresh = ids.slice(cached);
        cached = ids.length;
      } else {
        caches = undefined; // the window slides: cached keys sit at stale positions
        fresh = ids.slice(-C);
      }
      const h = lm.hidden(tensor(fresh, { shape: [1, fresh.length], dtype: 'int32' }), caches === undefined ? {} : { caches });
      const last = lm.logits(slice(h, [0, fresh.length - 1, 0], [1, 1, lm.dModel]));
      const next = sampleToken(last.data, sample);
      out.push(next);
      ids.push(next);
      options.onToken?.(next, step);
    }
  } finally {
    lm.train(wasTraining);
  }
  return out;
}
