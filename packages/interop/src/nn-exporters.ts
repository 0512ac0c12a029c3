import { Activation, Dropout, Embedding, LayerNorm, Linear, Sequential } from '@gradlab/models-nn';
import type { Module } from '@gradlab/models-nn';
import { floatAttr, intAttr } from './onnx-graph.ts';
import type { OnnxExportContext } from './onnx-graph.ts';
import { OnnxExportError } from './onnx-export-error.ts';

/**
 * Translates one layer into ONNX nodes: reads the value named `input`, appends nodes through
 * `ctx`, and returns the name of the layer's output. Built-ins and user layers use the same type.
 */
export type OnnxExporter = (module: Module, input: string, ctx: OnnxExportContext) => string;

/**
 * Wraps an exporter so that it checks its arguments first (a Module, a value name, an export
 * context) and answers a wrong call with OnnxExportError, not a TypeError deep inside.
 */
export function guardExporter(kind: string, exporter: OnnxExporter): OnnxExporter {
  return (module, input, ctx) => {
    const ok = typeof module === 'object' && module !== null && typeof (module as { kind?: unknown }).kind === 'string' && typeof input === 'string' && typeof ctx === 'object' && ctx !== null && typeof (ctx as { scope?: unknown }).scope === 'string';
    if (!ok) {
      throw new OnnxExportError(`the ${kind} exporter takes (module, input value name, export context)`, { op: `${kind}Exporter`, layer: '', kind, expected: '(Module, string, OnnxExportContext) as toOnnx passes them', received: `(${typeof module}, ${typeof input}, ${typeof ctx})` });
    }
    return exporter(module, input, ctx);
  };
}

function expect<M extends Module>(cls: abstract new (...args: never[]) => M, module: Module, ctx: OnnxExportContext): M {
  if (!(module instanceof cls)) {
    throw new OnnxExportError(`the exporter for '${module.kind}' expects a ${cls.name}`, { op: 'toOnnx', layer: ctx.scope, kind: module.kind, expected: cls.name, received: module.constructor.name });
  }
  return module;
}

/** y = x Wᵀ + b: Gemm (transB = 1) for a batch of rows, MatMul (+ Add) for higher ranks. */
export const linearExporter: OnnxExporter = guardExporter('linear', (module, input, ctx) => {
  const m = expect(Linear, module, ctx);
  const w = ctx.parameter('weight', m.weight.value);
  const b = m.bias === undefined ? undefined : ctx.parameter('bias', m.bias.value);
  const wt = ctx.op('Transpose', [w], { perm: { type: 'ints', value: [1, 0] } });
  const y = ctx.op('MatMul', [input, wt]);
  return b === undefined ? y : ctx.op('Add', [y, b]);
});

/** GELU(x) = ½ x (1 + erf(x / √2)) (or its tanh form) as ONNX nodes: the Gelu op from opset 20, a subgraph before. */
export function geluSubgraph(input: string, approximate: boolean, ctx: OnnxExportContext): string {
  if (ctx.opset >= 20) return ctx.op('Gelu', [input], approximate ? { approximate: { type: 'string', value: 'tanh' } } : {});
  const c = (hint: string, v: number) => ctx.constant(hint, { data: [v], shape: [] });
  const half = c('gelu.half', 0.5);
  const one = c('gelu.one', 1);
  let inner: string;
  if (approximate) {
    // tanh(√(2/π) (x + 0.044715 x³))
    const x3 = ctx.op('Mul', [ctx.op('Mul', [input, input]), input]);
    const poly = ctx.op('Add', [input, ctx.op('Mul', [x3, c('gelu.k', 0.044715)])]);
    inner = ctx.op('Tanh', [ctx.op('Mul', [poly, c('gelu.sqrt2pi', Math.sqrt(2 / Math.PI))])]);
  } else {
    inner = ctx.op('Erf', [ctx.op('Div', [input, c('gelu.sqrt2', Math.SQRT2)])]);
  }
  return ctx.op('Mul', [ctx.op('Mul', [input, half]), ctx.op('Add', [inner, one])]);
}

/** The activations: Relu, Sigmoid, Tanh, LeakyRelu, Gelu (erf subgraph before opset 20), Softmax, LogSoftmax. */
export const activationExporter: OnnxExporter = guardExporter('activation', (module, input, ctx) => {
  const m = expect(Activation, module, ctx);
  const axis = intAttr(m.options.axis ?? -1);
  switch (m.kind) {
    case 'relu':
      return ctx.op('Relu', [input]);
    case 'sigmoid':
      return ctx.op('Sigmoid', [input]);
    case 'tanh':
      return ctx.op('Tanh', [input]);
    case 'leaky-relu':
      return ctx.op('LeakyRelu', [input], { alpha: floatAttr(m.options.alpha ?? 0.01) });
    case 'gelu':
      return geluSubgraph(input, m.options.approximate === true, ctx);
    case 'softmax':
      return ctx.op('Softmax', [input], { axis });
    case 'log-softmax':
      return ctx.op('LogSoftmax', [input], { axis });
    case 'identity':
      return ctx.op('Identity', [input]);
  }
});

/** Each layer in turn, named `0`, `1`, ... as in the state dict. */
export const sequentialExporter: OnnxExporter = guardExporter('sequential', (module, input, ctx) => {
  const m = expect(Sequential, module, ctx);
  let h = input;
  m.layers.forEach((layer, i) => {
    h = ctx.module(String(i), layer, h);
  });
  return h;
});

/** Inference graphs run dropout as the identity (eval mode). */
export const dropoutExporter: OnnxExporter = guardExporter('dropout', (module, input, ctx) => {
  expect(Dropout, module, ctx);
  return ctx.op('Identity', [input]);
});

/** LayerNormalization (opset ≥ 17), or its mean/variance subgraph before. */
export const layerNormExporter: OnnxExporter = guardExporter('layerNorm', (module, input, ctx) => {
  const m = expect(LayerNorm, module, ctx);
  const ones = { data: new Array<number>(m.features).fill(1), shape: [m.features] };
  const zeros = { data: new Array<number>(m.features).fill(0), shape: [m.features] };
  const scale = m.weight === undefined ? ctx.constant('ln.scale', ones) : ctx.parameter('weight', m.weight.value);
  const bias = m.bias === undefined ? ctx.constant('ln.bias', zeros) : ctx.parameter('bias', m.bias.value);
  if (ctx.opset >= 17) return ctx.op('LayerNormalization', [input, scale, bias], { axis: intAttr(-1), epsilon: floatAttr(m.eps) });
  const axes = { axes: { type: 'ints', value: [-1] } } as const;
  const mu = ctx.op('ReduceMean', [input], axes);
  const d = ctx.op('Sub', [input, mu]);
  const v = ctx.op('ReduceMean', [ctx.op('Mul', [d, d])], axes);
  const y = ctx.op('Div', [d, ctx.op('Sqrt', [ctx.op('Add', [v, ctx.constant('ln.eps', { data: [m.eps], shape: [] })])])]);
  return ctx.op('Add', [ctx.op('Mul', [y, scale]), bias]);
});

/** Gather rows of the table by the int64 ids. */
export const embeddingExporter: OnnxExporter = guardExporter('embedding', (module, input, ctx) => {
  const m = expect(Embedding, module, ctx);
  return ctx.op('Gather', [ctx.parameter('weight', m.weight.value), input], { axis: intAttr(0) });
});

/**
 * The exporters of `@gradlab/models-nn`'s layers, by `kind`. Extend a copy with your own
 * (`{ ...builtinOnnxExporters, 'my-layer': myExporter }`) and pass it as `toOnnx`'s `exporters`,
 * or give your layer a `toOnnx(input, ctx)` method.
 */
export const nnOnnxExporters: Readonly<Record<string, OnnxExporter>> = Object.freeze({
  linear: linearExporter,
  sigmoid: activationExporter,
  tanh: activationExporter,
  relu: activationExporter,
  'leaky-relu': activationExporter,
  gelu: activationExporter,
  softmax: activationExporter,
  'log-softmax': activationExporter,
  identity: activationExporter,
  sequential: sequentialExporter,
  dropout: dropoutExporter,
  'layer-norm': layerNormExporter,
  embedding: embeddingExporter,
});
