import { randNormal, rng as makeRng, zeros } from '@gradlab/core-tensor';
import type { Rng } from '@gradlab/core-tensor';
import { embedding, linear } from '@gradlab/models-nn';
import type { Embedding, Linear } from '@gradlab/models-nn';

/** GPT-2's initial scale: weights of linear and embedding layers are N(0, 0.02²). */
export const GPT2_STD = 0.02;

/**
 * A linear layer initialised as GPT-2: W ~ N(0, 0.02²), b = 0. The layer is built with a throwaway
 * generator (its own default draw is overwritten), so `rng` alone decides the weights.
 */
export function gpt2Linear(inFeatures: number, outFeatures: number, options: { bias: boolean; rng: Rng; dtype: 'float32' | 'float64' }): Linear {
  const l = linear(inFeatures, outFeatures, { bias: options.bias, init: 'xavier-normal', rng: makeRng(0), dtype: options.dtype });
  l.weight.value = randNormal(options.rng, [outFeatures, inFeatures], { std: GPT2_STD, dtype: options.dtype });
  if (l.bias !== undefined) l.bias.value = zeros([outFeatures], { dtype: options.dtype });
  return l;
}

/** An embedding table initialised as GPT-2: N(0, 0.02²). */
export function gpt2Embedding(num: number, dim: number, options: { rng: Rng; dtype: 'float32' | 'float64' }): Embedding {
  const e = embedding(num, dim, { rng: makeRng(0), dtype: options.dtype });
  e.weight.value = randNormal(options.rng, [num, dim], { std: GPT2_STD, dtype: options.dtype });
  return e;
}
