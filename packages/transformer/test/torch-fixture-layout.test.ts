// The layout of fixtures/torch-transformer.json that the models-nn layers will be tested against:
// PyTorch's parameter names and shapes, as documented in make_torch_fixtures.py.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

type Nested = number | boolean | Nested[];
const fixture = JSON.parse(readFileSync(new URL('./fixtures/torch-transformer.json', import.meta.url), 'utf8')) as Record<string, Record<string, unknown>>;

function shapeOf(x: Nested): number[] {
  return Array.isArray(x) ? [x.length, ...(x.length > 0 ? shapeOf(x[0] as Nested) : [])] : [];
}
function shapes(record: unknown): Record<string, number[]> {
  return Object.fromEntries(Object.entries(record as Record<string, Nested>).map(([k, v]) => [k, shapeOf(v)]));
}

const blockShapes = {
  'ln1.weight': [8], 'ln1.bias': [8],
  'attn.in_proj_weight': [24, 8], 'attn.in_proj_bias': [24],
  'attn.out_proj.weight': [8, 8], 'attn.out_proj.bias': [8],
  'ln2.weight': [8], 'ln2.bias': [8],
  'fc1.weight': [16, 8], 'fc1.bias': [16], 'fc2.weight': [8, 16], 'fc2.bias': [8],
};

describe('torch-transformer.json', () => {
  it('was made in float64 by the script beside it', () => {
    expect(fixture.meta).toMatchObject({ dtype: 'float64', script: 'packages/transformer/test/fixtures/make_torch_fixtures.py' });
  });

  it('has the block parameters under their PyTorch names and shapes, with a gradient for each', () => {
    const block = fixture.block as { params: unknown; variants: Record<string, { output: Nested; grads: unknown }> };
    expect(shapes(block.params)).toEqual(blockShapes);
    for (const act of ['gelu', 'relu']) {
      expect(shapeOf(block.variants[act]?.output as Nested)).toEqual([2, 5, 8]);
      expect(shapes(block.variants[act]?.grads)).toEqual({ x: [2, 5, 8], ...blockShapes });
    }
  });

  it('has the language model parameters, tied and untied, with AdamW losses that fall', () => {
    const lm = fixture.lm as { ids: Nested; variants: Record<string, { params: unknown; grads: unknown; logits: Nested; adamw: { losses: number[]; final_loss: number; final_params: unknown } }> };
    expect(shapeOf(lm.ids)).toEqual([2, 6]);
    const blocks = Object.fromEntries([0, 1].flatMap((i) => Object.entries(blockShapes).map(([k, s]) => [`blocks.${i}.${k}`, s])));
    const tied = { 'wte.weight': [11, 8], 'wpe.weight': [6, 8], ...blocks, 'ln_f.weight': [8], 'ln_f.bias': [8] };
    for (const [name, expected] of [['tied', tied], ['untied', { ...tied, 'lm_head.weight': [11, 8] }]] as const) {
      const v = lm.variants[name];
      expect(shapes(v?.params)).toEqual(expected);
      expect(shapes(v?.grads)).toEqual(expected);
      expect(shapes(v?.adamw.final_params)).toEqual(expected);
      expect(shapeOf(v?.logits as Nested)).toEqual([2, 6, 11]);
      const losses = v?.adamw.losses ?? [];
      expect(losses).toHaveLength(10);
      expect(v?.adamw.final_loss).toBeLessThan(losses[0] as number);
    }
  });
});
