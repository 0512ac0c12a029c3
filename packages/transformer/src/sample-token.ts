import { ValueError } from '@gradlab/core-tensor';
import type { Rng } from '@gradlab/core-tensor';

/** Options of {@link sampleToken}. */
export interface SampleTokenOptions {
  /** Divides the logits; 0 picks the most likely token (greedy). Default 1. */
  temperature?: number;
  /** Keep only the k most likely tokens (ties with the k-th are kept). Default: all. */
  topK?: number;
  /** The generator of the draw (not used when greedy). */
  rng: Rng;
}

/**
 * Draws the next token from one row of logits: softmax(logits / temperature) restricted to the
 * `topK` largest logits, or the arg max when `temperature` is 0 (the first one on ties).
 * @param logits `[V]` the next-token logits
 * @param options `temperature` (1), `topK`, `rng`
 * @returns a token id in [0, V)
 * @throws ValueError for a negative temperature, a bad topK or non-finite logits
 * @example
 * sampleToken(new Float64Array([0, 5, 1]), { temperature: 0, rng: rng(0) }); // 1
 */
export function sampleToken(logits: ArrayLike<number>, options: SampleTokenOptions): number {
  const op = 'sampleToken';
  if (logits === null || typeof logits !== 'object' || typeof logits.length !== 'number') throw new ValueError('logits must be an array of numbers', { pkg: 'transformer', op, arg: 'logits', expected: 'ArrayLike<number>', received: logits === null ? 'null' : typeof logits });
  if (typeof options !== 'object' || options === null || typeof options.rng?.categorical !== 'function') throw new ValueError('options need a seeded rng', { pkg: 'transformer', op, arg: 'options.rng', expected: 'an Rng such as rng(0)', received: options === null ? 'null' : typeof options });
  const V = logits.length;
  const temperature = options.temperature ?? 1;
  if (typeof temperature !== 'number' || !(temperature >= 0) || !Number.isFinite(temperature)) {
    throw new ValueError('temperature must be a finite number >= 0', { pkg: 'transformer', op, arg: 'options.temperature', expected: '>= 0 (0 = greedy)', received: temperature });
  }
  const k = options.topK ?? V;
  if (!Number.isInteger(k) || k < 1) {
    throw new ValueError('topK must be a positive integer', { pkg: 'transformer', op, arg: 'options.topK', expected: `an integer in [1, ${V}]`, received: k });
  }
  let best = 0;
  for (let i = 0; i < V; i++) {
    const z = logits[i] as number;
    if (!Number.isFinite(z)) throw new ValueError('the logits must be finite', { pkg: 'transformer', op, arg: `logits[${i}]`, expected: 'a finite number', received: z, hint: 'a NaN here usually means the model diverged' });
    if (z > (logits[best] as number)) best = i;
  }
  if (temperature === 0) return best;
  // The k-th largest logit is the cut-off; ties with it stay in.
  const cut = k >= V ? -Infinity : (Array.from(logits).sort((a, b) => b - a)[k - 1] as number);
  const top = logits[best] as number;
  const p = new Float64Array(V);
  let total = 0;
  for (let i = 0; i < V; i++) {
    const z = logits[i] as number;
    const e = z < cut ? 0 : Math.exp((z - top) / temperature);
    p[i] = e;
    total += e;
  }
  for (let i = 0; i < V; i++) p[i] = (p[i] as number) / total;
  return options.rng.categorical(p);
}
