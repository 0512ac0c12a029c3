import { sinusoidalPositions, LanguageModel, MultiHeadAttention, TransformerBlock } from '@gradlab/transformer';
import type { Module } from '@gradlab/models-nn';
import { geluSubgraph, guardExporter } from './nn-exporters.ts';
import type { OnnxExporter } from './nn-exporters.ts';
import { OnnxExportError } from './onnx-export-error.ts';
import { intAttr, intsAttr } from './onnx-graph.ts';
import type { OnnxExportContext } from './onnx-graph.ts';

function expect<M extends Module>(cls: abstract new (...args: never[]) => M, module: Module, ctx: OnnxExportContext): M {
  if (!(module instanceof cls)) {
    throw new OnnxExportError(`the exporter for '${module.kind}' expects a ${cls.name}`, { op: 'toOnnx', layer: ctx.scope, kind: module.kind, expected: cls.name, received: module.constructor.name });
  }
  return module;
}

const int64 = (ctx: OnnxExportContext, hint: string, values: number[], scalar = false) => ctx.constant(hint, { data: values, shape: scalar ? [] : [values.length] }, 'int64');

/** The length of axis 1 of `x` (the sequence), as a 0-d int64 value: Gather(Shape(x), 1). */
function sequenceLength(x: string, ctx: OnnxExportContext): string {
  return ctx.op('Gather', [ctx.op('Shape', [x]), int64(ctx, 'axis1', [1], true)], { axis: intAttr(0) });
}

/**
 * Multi-head attention on `x: [B, T, D]`: the fused qkv projection (torch's in_proj layout), a
 * reshape to `[3, B, H, T, hd]`, softmax(q kᵀ / √hd) with the causal mask key ≤ query built from
 * the sequence length (Range, LessOrEqual, Where), and the out projection.
 */
export const multiHeadAttentionExporter: OnnxExporter = guardExporter('multiHeadAttention', (module, input, ctx) => {
  const m = expect(MultiHeadAttention, module, ctx);
  const H = m.heads;
  const hd = m.headDim;
  const D = m.dModel;
  const qkv = ctx.module('qkv', m.qkv, input);
  const split = ctx.op('Transpose', [ctx.op('Reshape', [qkv, int64(ctx, 'qkv_shape', [0, 0, 3, H, hd])])], { perm: intsAttr([2, 0, 3, 1, 4]) });
  const part = (i: number) => ctx.op('Gather', [split, int64(ctx, `index${i}`, [i], true)], { axis: intAttr(0) });
  const q = part(0);
  const k = part(1);
  const v = part(2);
  let scores = ctx.op('Mul', [ctx.op('MatMul', [q, ctx.op('Transpose', [k], { perm: intsAttr([0, 1, 3, 2]) })]), ctx.constant('scale', { data: [1 / Math.sqrt(hd)], shape: [] })]);
  if (m.causal) {
    const T = sequenceLength(input, ctx);
    const positions = ctx.op('Range', [int64(ctx, 'zero', [0], true), T, int64(ctx, 'one', [1], true)]);
    const queries = ctx.op('Unsqueeze', [positions, int64(ctx, 'axes1', [1])]);
    const keys = ctx.op('Unsqueeze', [positions, int64(ctx, 'axes0', [0])]);
    const keep = ctx.op('LessOrEqual', [keys, queries]);
    scores = ctx.op('Where', [keep, scores, ctx.constant('neg_inf', { data: [-Infinity], shape: [] })]);
  }
  const weights = ctx.op('Softmax', [scores], { axis: intAttr(-1) });
  const heads = ctx.op('Transpose', [ctx.op('MatMul', [weights, v])], { perm: intsAttr([0, 2, 1, 3]) });
  const merged = ctx.op('Reshape', [heads, int64(ctx, 'merged_shape', [0, 0, D])]);
  return ctx.module('out', m.out, merged);
});

/** The pre-LN block: h = x + attn(ln1(x)), y = h + fc2(act(fc1(ln2(h)))). */
export const transformerBlockExporter: OnnxExporter = guardExporter('transformerBlock', (module, input, ctx) => {
  const m = expect(TransformerBlock, module, ctx);
  const h = ctx.op('Add', [input, ctx.module('attn', m.attn, ctx.module('ln1', m.ln1, input))]);
  const a = ctx.module('fc1', m.fc1, ctx.module('ln2', m.ln2, h));
  const act = m.activation === 'gelu' ? geluSubgraph(a, false, ctx) : ctx.op('Relu', [a]);
  return ctx.op('Add', [h, ctx.module('fc2', m.fc2, act)]);
});

/**
 * The decoder-only language model on int64 ids `[B, T]`: token embeddings (Gather) plus the first
 * T rows of the position table (learned `wpe`, or the sinusoidal table as a constant), the blocks,
 * the final layer norm and the head (tied: MatMul with `wte.weight`ᵀ). Output: logits `[B, T, V]`.
 */
export const languageModelExporter: OnnxExporter = guardExporter('languageModel', (module, input, ctx) => {
  const m = expect(LanguageModel, module, ctx);
  const wte = ctx.parameter('wte.weight', m.wte.weight.value);
  const table = m.wpe !== undefined ? ctx.parameter('wpe.weight', m.wpe.weight.value) : ctx.constant('positions', sinusoidalPositions(m.contextLength, m.dModel));
  const T = ctx.op('Unsqueeze', [sequenceLength(input, ctx), int64(ctx, 'axes0', [0])]);
  const positions = ctx.op('Slice', [table, int64(ctx, 'zero', [0]), T, int64(ctx, 'axes0', [0])]);
  const x = ctx.op('Add', [ctx.op('Gather', [wte, input], { axis: intAttr(0) }), positions]);
  const h = ctx.module('lnF', m.lnF, ctx.module('blocks', m.blocks, x));
  if (m.head !== undefined) return ctx.module('head', m.head, h);
  return ctx.op('MatMul', [h, ctx.op('Transpose', [wte], { perm: intsAttr([1, 0]) })]);
});

/** The exporters of `@gradlab/transformer`'s modules, by `kind`. */
export const transformerOnnxExporters: Readonly<Record<string, OnnxExporter>> = Object.freeze({
  'multi-head-attention': multiHeadAttentionExporter,
  'transformer-block': transformerBlockExporter,
  'language-model': languageModelExporter,
});
