import { describe, expect, it } from 'vitest';
import { add, concat, div, erf, matmul, mean, mul, randNormal, rng, slice, sqrt, sub, transpose, variance } from '@gradlab/core-tensor';
import type { Tensor } from '@gradlab/core-tensor';
import { checkLayer } from '@gradlab/models-nn/testing';
import { transformerBlock } from './transformer-block.ts';

const maxDiff = (a: Tensor, b: Tensor): number => {
  expect(a.shape).toEqual(b.shape);
  let worst = 0;
  for (let i = 0; i < a.size; i++) worst = Math.max(worst, Math.abs((a.data[i] as number) - (b.data[i] as number)));
  return worst;
};

/** LayerNorm with unit gain and zero shift, eps 1e-5 (biased variance, as PyTorch). */
const ln = (x: Tensor): Tensor => div(sub(x, mean(x, -1, { keepDims: true })), sqrt(add(variance(x, -1, { keepDims: true, correction: 0 }), 1e-5)));
const linear = (x: Tensor, w: Tensor, b: Tensor): Tensor => add(matmul(x, transpose(w)), b);

describe('transformerBlock', () => {
  it('passes checkLayer (gelu and relu, causal or not)', { timeout: 60_000 }, () => {
    const r = checkLayer((o) => transformerBlock({ dModel: 8, heads: 2, ffn: 16, ...o }), { inputShape: [2, 5, 8], outputShape: [2, 5, 8] });
    expect(r.checks).toContain('rows independent');
    checkLayer((o) => transformerBlock({ dModel: 8, heads: 4, ffn: 12, activation: 'relu', causal: true, bias: false, ...o }), { inputShape: [2, 5, 8], outputShape: [2, 5, 8] });
  });

  it('is pre-LN: h = x + attn(ln1(x)), y = h + fc2(gelu(fc1(ln2(h)))) with the exact (erf) GELU', () => {
    const block = transformerBlock({ dModel: 8, heads: 2, ffn: 16, causal: true, rng: rng(1), dtype: 'float64' });
    const x = randNormal(rng(2), [2, 4, 8], { dtype: 'float64' });
    const p = block.stateDict();
    const P = (n: string): Tensor => p[n] as Tensor;
    expect(block.ln1.config().eps).toBe(1e-5);
    const h = add(x, block.attn.forward(ln(x)));
    const a = linear(ln(h), P('fc1.weight'), P('fc1.bias'));
    const exact = mul(mul(a, 0.5), add(erf(mul(a, Math.SQRT1_2)), 1));
    const y = add(h, linear(exact, P('fc2.weight'), P('fc2.bias')));
    expect(maxDiff(block.forward(x), y)).toBeLessThan(1e-12);
  });

  it('names its sub-modules ln1, attn, ln2, fc1, fc2', () => {
    const block = transformerBlock({ dModel: 4, heads: 1, ffn: 8 });
    expect(block.namedParameters().map(([n]) => n)).toEqual([
      'ln1.weight', 'ln1.bias', 'attn.qkv.weight', 'attn.qkv.bias', 'attn.out.weight', 'attn.out.bias',
      'ln2.weight', 'ln2.bias', 'fc1.weight', 'fc1.bias', 'fc2.weight', 'fc2.bias',
    ]);
    expect(block.config()).toEqual({ kind: 'transformer-block', dModel: 4, heads: 1, ffn: 8, activation: 'gelu', dropout: 0, causal: false, bias: true, seed: 0 });
  });

  it('causal: position t ignores later inputs', () => {
    const block = transformerBlock({ dModel: 8, heads: 2, causal: true, rng: rng(3), dtype: 'float64' });
    const x = randNormal(rng(4), [1, 6, 8], { dtype: 'float64' });
    const x2 = concat([slice(x, [0, 0, 0], [1, 3, 8]), randNormal(rng(5), [1, 3, 8], { dtype: 'float64' })], 1);
    expect(maxDiff(slice(block.forward(x), [0, 0, 0], [1, 3, 8]), slice(block.forward(x2), [0, 0, 0], [1, 3, 8]))).toBe(0);
  });

  it('dropout on the residual branches acts in training only', () => {
    const block = transformerBlock({ dModel: 8, heads: 2, dropout: 0.5, rng: rng(3), dtype: 'float64' });
    const x = randNormal(rng(4), [1, 6, 8], { dtype: 'float64' });
    expect(maxDiff(block.forward(x), block.forward(x))).toBeGreaterThan(0);
    block.eval();
    expect(maxDiff(block.forward(x), block.forward(x))).toBe(0);
  });

  it('typed errors', () => {
    expect(() => transformerBlock({ dModel: 8, heads: 3 })).toThrow(/divisible by heads/);
    expect(() => transformerBlock({ dModel: 8, heads: 2, activation: 'swish' } as never)).toThrow(/activation must be one of 'gelu', 'relu'/);
    expect(() => transformerBlock({ dModel: 8, heads: 2, dropout: 1 })).toThrow(/dropout must be in \[0, 1\)/);
    expect(() => transformerBlock({ dModel: 8, heads: 2 }).forward(randNormal(rng(0), [2, 8]))).toThrow(/expects \[batch, time, 8\]/);
  });
});
