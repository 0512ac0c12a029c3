import { describe, expect, it } from 'vitest';
import { randNormal, rng } from '@gradlab/core-tensor';
import type { Tensor } from '@gradlab/core-tensor';
import { causalMask } from './causal-mask.ts';
import { trailingCausalMask } from './trailing-causal-mask.ts';
import { scaledDotProductAttention } from './scaled-dot-product-attention.ts';

describe('trailingCausalMask', () => {
  it('is the lower triangle, aligned at the bottom right for cached keys, and cached', () => {
    expect(trailingCausalMask(3, 3).toArray()).toEqual(causalMask(3).toArray());
    expect(trailingCausalMask(2, 4).toArray()).toEqual([[1, 1, 1, 0], [1, 1, 1, 1]]);
    expect(trailingCausalMask(3, 3).dtype).toBe('bool');
    expect(trailingCausalMask(5, 7)).toBe(trailingCausalMask(5, 7));
    expect(() => trailingCausalMask(3, 2)).toThrow(/1 <= tq <= tk/);
  });

  it('scaledDotProductAttention with causal equals the explicit mask', () => {
    const r = rng(0);
    const [q, k, v] = [0, 1, 2].map(() => randNormal(r, [2, 3, 4, 5], { dtype: 'float64' })) as [Tensor, Tensor, Tensor];
    const a = scaledDotProductAttention(q, k, v, { causal: true });
    const b = scaledDotProductAttention(q, k, v, { mask: trailingCausalMask(4, 4) });
    expect(Array.from(a.output.data)).toEqual(Array.from(b.output.data));
    expect(Array.from(a.weights.data)).toEqual(Array.from(b.weights.data));
  });
});
