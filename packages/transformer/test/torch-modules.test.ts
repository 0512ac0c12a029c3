import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mul, sum, tensor, valueAndGrad } from '@gradlab/core-tensor';
import type { Tensor } from '@gradlab/core-tensor';
import { functionalCall } from '@gradlab/models-nn';
import type { Module } from '@gradlab/models-nn';
import { adamw } from '@gradlab/optim';
import { languageModel, multiHeadAttention, transformerBlock } from '../src/index.ts';

type Nested = number | Nested[];
const fx = JSON.parse(readFileSync(new URL('./fixtures/torch-transformer.json', import.meta.url), 'utf8')) as Record<string, Record<string, unknown>>;
const T = (v: unknown): Tensor => tensor(v as Nested, { dtype: 'float64' });
const flat = (v: unknown): number[] => (Array.isArray(v) ? (v as unknown[]).flatMap(flat) : [v as number]);

/** PyTorch's names (nn.MultiheadAttention inside the fixture's modules) to gradlab's. */
function fromTorch(name: string): string {
  return name.replace(/in_proj_weight$/, 'qkv.weight').replace(/in_proj_bias$/, 'qkv.bias').replace(/out_proj\./, 'out.').replace(/^ln_f\./, 'lnF.').replace(/^lm_head\./, 'head.');
}

function load(model: Module, params: Record<string, unknown>): void {
  model.loadStateDict(Object.fromEntries(Object.entries(params).map(([k, v]) => [fromTorch(k), T(v)])));
}

function close(actual: ArrayLike<number>, expected: readonly number[], tol = 1e-10): void {
  expect(actual.length).toBe(expected.length);
  let worst = 0;
  for (let i = 0; i < expected.length; i++) worst = Math.max(worst, Math.abs((actual[i] as number) - (expected[i] as number)) / (1 + Math.abs(expected[i] as number)));
  expect(worst).toBeLessThan(tol);
}

function checkGrads(model: Module, x: Tensor | undefined, f: (x: Tensor | undefined) => Tensor, expected: Record<string, unknown>): void {
  const params = model.stateDict();
  const [, [gx, gp]] = valueAndGrad((xx: Tensor, p: Record<string, Tensor>) => functionalCall(model, p, () => f(x === undefined ? undefined : xx)))(x ?? tensor([0], { dtype: 'float64' }), params);
  for (const [name, g] of Object.entries(expected)) {
    if (name === 'x') close(gx.data, flat(g));
    else close((gp[fromTorch(name)] as Tensor).data, flat(g));
  }
}

describe('transformer modules match PyTorch 1.13 (float64 fixtures from make_torch_fixtures.py)', () => {
  const mha = fx.mha as { embed_dim: number; num_heads: number; x: unknown; R: unknown; params: Record<string, unknown>; cases: Record<string, { output: unknown; attn_weights_per_head: unknown; grads: Record<string, unknown> }> };
  for (const [name, c] of Object.entries(mha.cases)) {
    it(`multiHeadAttention = nn.MultiheadAttention(batch_first=True), ${name}: output, per-head weights, gradients of x and every parameter`, () => {
      const m = multiHeadAttention({ dModel: mha.embed_dim, heads: mha.num_heads, dtype: 'float64', causal: name === 'causal' });
      load(m, mha.params);
      const x = T(mha.x);
      const { output, weights } = m.attend(x, { causal: name === 'causal' });
      close(output.data, flat(c.output));
      close(weights.data, flat(c.attn_weights_per_head));
      checkGrads(m, x, (xx) => sum(mul(m.forward(xx as Tensor), T(mha.R))), c.grads);
    });
  }

  const block = fx.block as { d_model: number; n_head: number; d_ff: number; x: unknown; R: unknown; params: Record<string, unknown>; variants: Record<string, { output: unknown; grads: Record<string, unknown> }> };
  for (const [act, v] of Object.entries(block.variants)) {
    it(`one pre-LN causal block (${act}): output and every gradient to 1e-10`, () => {
      const b = transformerBlock({ dModel: block.d_model, heads: block.n_head, ffn: block.d_ff, activation: act as 'gelu' | 'relu', causal: true, dtype: 'float64' });
      load(b, block.params);
      const x = T(block.x);
      close(b.forward(x).data, flat(v.output));
      checkGrads(b, x, (xx) => sum(mul(b.forward(xx as Tensor), T(block.R))), v.grads);
    });
  }

  const lm = fx.lm as { vocab: number; d_model: number; t_max: number; n_layer: number; n_head: number; d_ff: number; ids: number[][]; variants: Record<string, { tied: boolean; params: Record<string, unknown>; logits: unknown; loss: number; grads: Record<string, unknown>; adamw: { lr: number; betas: [number, number]; eps: number; weight_decay: number; steps: number; losses: number[]; final_loss: number; final_params: Record<string, unknown> } }> };
  for (const [name, v] of Object.entries(lm.variants)) {
    const make = () => {
      const model = languageModel({ vocabSize: lm.vocab, contextLength: lm.t_max, dModel: lm.d_model, heads: lm.n_head, layers: lm.n_layer, ffn: lm.d_ff, activation: 'gelu', tieWeights: v.tied, dtype: 'float64' });
      load(model, v.params);
      return model;
    };
    const ids = tensor(lm.ids, { dtype: 'int32' });
    it(`a 2-block LM (${name} weights): logits, loss and every gradient to 1e-10`, () => {
      const model = make();
      close(model.forward(ids).data, flat(v.logits));
      const [loss, grads] = valueAndGrad((p: Record<string, Tensor>) => functionalCall(model, p, () => model.loss(ids)))(model.stateDict());
      close([loss.item()], [v.loss]);
      expect(Object.keys(grads).sort()).toEqual(Object.keys(v.grads).map(fromTorch).sort());
      for (const [k, g] of Object.entries(v.grads)) close((grads[fromTorch(k)] as Tensor).data, flat(g));
    });
    it(`a 2-block LM (${name} weights): ${v.adamw.steps} AdamW steps match torch.optim.AdamW`, () => {
      const model = make();
      const a = v.adamw;
      const opt = adamw({ lr: a.lr, betas: a.betas, eps: a.eps, weightDecay: a.weight_decay });
      let params = model.stateDict();
      let state = opt.init(params);
      const losses: number[] = [];
      const step = valueAndGrad((p: Record<string, Tensor>) => functionalCall(model, p, () => model.loss(ids)));
      for (let i = 0; i < a.steps; i++) {
        const [l, g] = step(params);
        losses.push(l.item());
        ({ params, state } = opt.step(params, g, state));
      }
      close(losses, a.losses);
      close([functionalCall(model, params, () => model.loss(ids)).item()], [a.final_loss]);
      for (const [k, p] of Object.entries(a.final_params)) close((params[fromTorch(k)] as Tensor).data, flat(p));
    });
  }
});
