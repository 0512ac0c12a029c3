// Attention against PyTorch 1.13 (fixtures/torch-transformer.json, made by make_torch_fixtures.py).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { add, matmul, mean, mul, sum, tensor, valueAndGrad } from '@gradlab/core-tensor';
import type { NestedArray, Tensor } from '@gradlab/core-tensor';
import { expectClose } from '@gradlab/core-tensor/testing';
import { scaledDotProductAttention } from '../src/index.ts';

type Nested = NestedArray;
interface SdpaCase { output: Nested; weights: Nested; dq: Nested; dk: Nested; dv: Nested; keep?: Nested }
interface MhaCase { output: Nested; attn_weights_avg: Nested; attn_weights_per_head: Nested; grads: Record<string, Nested>; keep?: Nested }
interface Fixture {
  sdpa: { q: Nested; k: Nested; v: Nested; R: Nested; cases: Record<'none' | 'causal' | 'padding', SdpaCase> };
  mha: { embed_dim: number; num_heads: number; x: Nested; R: Nested; params: Record<string, Nested>; cases: Record<'none' | 'causal', MhaCase> };
}

const fixture = JSON.parse(readFileSync(new URL('./fixtures/torch-transformer.json', import.meta.url), 'utf8')) as Fixture;
const t = (x: Nested): Tensor => tensor(x, { dtype: 'float64' });
const close = { rtol: 1e-10, atol: 1e-12 };

describe('scaledDotProductAttention matches PyTorch', () => {
  const { q, k, v, R, cases } = fixture.sdpa;
  for (const name of ['none', 'causal', 'padding'] as const) {
    it(`${name}: output, weights and the gradients of q, k, v`, () => {
      const c = cases[name];
      const options = name === 'causal' ? { causal: true } : name === 'padding' ? { mask: tensor(c.keep as Nested, { dtype: 'bool' }) } : {};
      const r = scaledDotProductAttention(t(q), t(k), t(v), options);
      expectClose(r.output, c.output, close);
      expectClose(r.weights, c.weights, close);
      const [, g] = valueAndGrad((a: Tensor, b: Tensor, d: Tensor) => sum(mul(scaledDotProductAttention(a, b, d, options).output, t(R))))(t(q), t(k), t(v));
      expectClose(g[0], c.dq, close);
      expectClose(g[1], c.dk, close);
      expectClose(g[2], c.dv, close);
    });
  }
});

describe('nn.MultiheadAttention is in-projection, per-head attention, out-projection', () => {
  // What a multi-head attention layer computes, written out with tensors only (the layer itself
  // belongs to models-nn's Module contract): q|k|v = x W_inᵀ + b_in, split E into heads,
  // attention per head, concatenate, out-projection.
  const { embed_dim: E, num_heads: H, x, R, params, cases } = fixture.mha;
  const T = 5;
  const N = 2;
  const dh = E / H;
  function mha(xx: Tensor, w: Tensor, b: Tensor, wo: Tensor, bo: Tensor, causal: boolean): { output: Tensor; weights: Tensor } {
    const proj = add(matmul(xx, w.transpose()), b); // [N, T, 3E]
    const heads = (i: number): Tensor => proj.slice([0, 0, i * E], [N, T, E]).reshape([N, T, H, dh]).permute([0, 2, 1, 3]);
    const r = scaledDotProductAttention(heads(0), heads(1), heads(2), { causal });
    const merged = r.output.permute([0, 2, 1, 3]).reshape([N, T, E]);
    return { output: add(matmul(merged, wo.transpose()), bo), weights: r.weights };
  }
  for (const name of ['none', 'causal'] as const) {
    it(`${name}: output, per-head and averaged weights, gradients of x and every parameter`, () => {
      const c = cases[name];
      const args = [t(x), t(params.in_proj_weight as Nested), t(params.in_proj_bias as Nested), t(params['out_proj.weight'] as Nested), t(params['out_proj.bias'] as Nested)] as const;
      const r = mha(...args, name === 'causal');
      expectClose(r.output, c.output, close);
      expectClose(r.weights, c.attn_weights_per_head, close);
      expectClose(mean(r.weights, 1), c.attn_weights_avg, close);
      const [, g] = valueAndGrad((a: Tensor, w: Tensor, b: Tensor, wo: Tensor, bo: Tensor) => sum(mul(mha(a, w, b, wo, bo, name === 'causal').output, t(R))))(...args);
      const names = ['x', 'in_proj_weight', 'in_proj_bias', 'out_proj.weight', 'out_proj.bias'];
      names.forEach((n, i) => expectClose(g[i] as Tensor, c.grads[n] as Nested, close));
      expect(Object.keys(c.grads).sort()).toEqual([...names].sort());
    });
  }
});
