import { randNormal, rng, type Tensor } from '@gradlab/core-tensor';
import { scaledDotProductAttention, sinusoidalPositions } from '@gradlab/transformer';

/** The tokens of the attention demo on the transformers page. */
export const demoTokens = ['the', 'cat', 'sat', 'on', 'the', 'mat'];

/**
 * Self-attention weights of the demo: seeded random embeddings plus sinusoidal positions, seeded
 * random query and key projections, and scaledDotProductAttention (shared by the page and its test).
 * @returns the weights `[T, T]` as rows
 */
export function demoAttention(options: { seed: number; causal: boolean; d?: number }): number[][] {
  const d = options.d ?? 8;
  const r = rng(options.seed);
  const T = demoTokens.length;
  const x: Tensor = randNormal(r, [T, d]).add(sinusoidalPositions(T, d));
  // Projections with std 1/√d (Xavier-like), so the scores stay of order one and the softmax is not one-hot.
  const std = 1 / Math.sqrt(d);
  const wq = randNormal(r, [d, d], { std });
  const wk = randNormal(r, [d, d], { std });
  const wv = randNormal(r, [d, d], { std });
  const { weights } = scaledDotProductAttention(x.matmul(wq), x.matmul(wk), x.matmul(wv), { causal: options.causal });
  return weights.toArray() as number[][];
}
