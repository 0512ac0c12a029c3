import { requireObject, ValueError, zeros } from '@gradlab/core-tensor';
import type { Tensor } from '@gradlab/core-tensor';
import { Module } from '@gradlab/models-nn';
import { exportLinearModel, isLinearModel, linearModelFeatures } from './linear-model-onnx.ts';
import type { LinearModel } from './linear-model-onnx.ts';
import { builtinOnnxExporters } from './builtin-onnx-exporters.ts';
import type { OnnxExporter } from './nn-exporters.ts';
import { OnnxExportError } from './onnx-export-error.ts';
import { OnnxGraphBuilder } from './onnx-graph.ts';
import type { OnnxAttribute, OnnxConstant, OnnxExportContext } from './onnx-graph.ts';
import { onnx } from './onnx-proto.ts';
import type { OnnxTypes } from './onnx-proto.ts';

/** The opsets `toOnnx` writes: 13 (Softmax on one axis) through 21. */
export const ONNX_OPSETS = { min: 13, max: 21, default: 17 } as const;

/** Options of {@link toOnnx}. */
export interface ToOnnxOptions {
  /** The `ai.onnx` opset (default 17; 13 to 21). LayerNormalization from 17, Gelu from 20. */
  opset?: number;
  /**
   * The input's full shape, batch first: `[1, features]`, or `[1, T]` token ids for a language
   * model. Default: `[1, inFeatures]` of the first linear layer (or of a linear model).
   */
  inputShape?: readonly number[];
  /** Make axis 0 the symbolic `batch` dimension, so any batch size runs (default false). */
  dynamicBatch?: boolean;
  /** The graph input's name (default `input`). */
  inputName?: string;
  /** The graph output's name (default `output`). */
  outputName?: string;
  /**
   * Exporters by layer `kind` (default {@link builtinOnnxExporters}); pass
   * `{ ...builtinOnnxExporters, mine: myExporter }` to add yours. A module's own `toOnnx(input, ctx)`
   * method wins over the map.
   */
  exporters?: Readonly<Record<string, OnnxExporter>>;
  /** The graph's name (default: the model's kind). */
  graphName?: string;
}

/** A layer that carries its own ONNX translation. */
export interface OnnxExportable {
  toOnnx(input: string, ctx: OnnxExportContext): string;
}

function hasOwnExport(m: Module): m is Module & OnnxExportable {
  return typeof (m as Partial<OnnxExportable>).toOnnx === 'function';
}

/** The IR version that goes with an opset (onnx/helper.py's table: opset 17-18 IR 8, 19-20 IR 9, 21 IR 10). */
function irVersionFor(opset: number): number {
  return opset >= 21 ? 10 : opset >= 19 ? 9 : 8;
}

function firstLinearIn(m: Module): number | undefined {
  for (const [, sub] of m.namedModules()) {
    if (sub.kind === 'linear' && 'inFeatures' in sub && typeof sub.inFeatures === 'number') return sub.inFeatures;
    if (sub.children().length === 0) return undefined;
  }
  return undefined;
}

function valueInfo(name: string, elemType: number, dims: readonly (number | string)[]): OnnxTypes.ValueInfoProto {
  return onnx.ValueInfoProto.create({
    name,
    type: onnx.TypeProto.create({
      tensorType: onnx.TypeProto.Tensor.create({
        elemType,
        shape: onnx.TensorShapeProto.create({ dim: dims.map((d) => (typeof d === 'string' ? { dimParam: d } : { dimValue: d })) }),
      }),
    }),
  });
}

/**
 * Exports a model to ONNX: a `ModelProto` (from the maintained `onnx-proto` definitions) that
 * ONNX Runtime, `onnx.checker` and any ONNX consumer read. Parameters become float32 initializers
 * under their state-dict names (`0.weight`); the graph runs the model in eval mode (dropout is the
 * identity).
 *
 * Models: any `Module` whose layers have an exporter (the built-in layers of models-nn and the
 * transformer, or yours), and the fitted linear models of models-linear (regressors give
 * `predict` `[batch]`, logistic/softmax regression `predictProba` `[batch, C]`).
 * @param model the model (a `Module` or a fitted linear model)
 * @param options `opset`, `inputShape` (batch first), `dynamicBatch`, `inputName`, `outputName`, `exporters`
 * @returns the serialized ModelProto (write it to `model.onnx`)
 * @throws OnnxExportError naming the layer (dotted name and kind) that has no exporter;
 *   ValueError for a bad opset or input shape
 * @example
 * const model = mlp({ sizes: [4, 8, 3], seed: 0 });
 * const bytes = toOnnx(model, { dynamicBatch: true });
 * writeFileSync('model.onnx', bytes);
 * // node: const s = await ort.InferenceSession.create('model.onnx');
 * //       (await s.run({ input: new ort.Tensor('float32', x, [n, 4]) })).output
 */
export function toOnnx(model: Module | LinearModel, options: ToOnnxOptions = {}): Uint8Array {
  const op = 'toOnnx';
  requireObject(options, { pkg: 'interop', op: 'toOnnx', arg: 'options' });
  const opset = options.opset ?? ONNX_OPSETS.default;
  if (!Number.isInteger(opset) || opset < ONNX_OPSETS.min || opset > ONNX_OPSETS.max) {
    throw new ValueError('unsupported opset', { pkg: 'interop', op, arg: 'options.opset', expected: `an integer from ${ONNX_OPSETS.min} to ${ONNX_OPSETS.max}`, received: opset });
  }
  const isModule = model instanceof Module;
  if (!isModule && !isLinearModel(model)) {
    throw new ValueError('expected a Module or a fitted linear model', { pkg: 'interop', op, arg: 'model', expected: 'a Module (mlp, sequential, languageModel, ...) or a fitted model of @gradlab/models-linear', received: typeof model });
  }
  const features = isModule ? firstLinearIn(model) : linearModelFeatures(model);
  if (!isModule && features === 0) {
    throw new ValueError('the linear model is not fitted', { pkg: 'interop', op, arg: 'model', expected: 'a fitted model', received: 'coef is empty', hint: 'call fit(x, t) first' });
  }
  const shape = options.inputShape !== undefined ? [...options.inputShape] : features !== undefined ? [1, features] : undefined;
  if (shape === undefined || shape.length === 0 || shape.some((d) => !Number.isInteger(d) || d < 1)) {
    throw new ValueError('inputShape must list positive integer dims, batch first', { pkg: 'interop', op, arg: 'options.inputShape', expected: 'e.g. [1, features] or [1, T]', received: shape ?? 'undefined (cannot infer it: the model does not start with a linear layer)' });
  }
  const indices = isModule && model.inputKind === 'indices';
  const inputName = options.inputName ?? 'input';
  const outputName = options.outputName ?? 'output';
  const batch: number | string = options.dynamicBatch === true ? 'batch' : (shape[0] as number);
  const exporters = options.exporters ?? builtinOnnxExporters;
  const g = new OnnxGraphBuilder();
  g.reserve(inputName);
  g.reserve(outputName);

  const makeContext = (scope: string): OnnxExportContext => ({
    opset,
    scope,
    batch,
    parameter: (name: string, value: Tensor | OnnxConstant) => g.addInitializer(scope === '' ? name : `${scope}.${name}`, value, 'float32'),
    constant: (hint: string, value: OnnxConstant, dtype: 'float32' | 'int64' = 'float32') => g.addInitializer(`${scope === '' ? '' : `${scope}.`}${hint}`, value, dtype),
    node: (opType: string, inputs: readonly string[], attributes: Readonly<Record<string, OnnxAttribute>> = {}, outputs = 1) => g.addNode(scope, opType, inputs, attributes, outputs),
    op: (opType: string, inputs: readonly string[], attributes: Readonly<Record<string, OnnxAttribute>> = {}) => g.addNode(scope, opType, inputs, attributes, 1)[0] as string,
    module: (name: string, m: Module, input: string) => exportModule(m, input, scope === '' ? name : `${scope}.${name}`),
  });

  function exportModule(m: Module, input: string, scope: string): string {
    const ctx = makeContext(scope);
    if (hasOwnExport(m)) return m.toOnnx(input, ctx);
    const exporter = Object.prototype.hasOwnProperty.call(exporters, m.kind) ? exporters[m.kind] : undefined;
    if (exporter === undefined) {
      throw new OnnxExportError(`no ONNX exporter for layer '${scope === '' ? '(root)' : scope}' of kind '${m.kind}'`, {
        op,
        layer: scope,
        kind: m.kind,
        expected: `a kind with an exporter (${Object.keys(exporters).join(', ')})`,
        received: m.kind,
        hint: `give the layer a toOnnx(input, ctx) method, or pass exporters: { ...builtinOnnxExporters, '${m.kind}': (module, input, ctx) => ... }`,
      });
    }
    return exporter(m, input, ctx);
  }

  let out: string;
  let outDims: (number | string)[];
  if (isModule) {
    const wasTraining = model.training;
    model.eval();
    try {
      out = exportModule(model, inputName, '');
      const probe = model.forward(zeros(shape, { dtype: indices ? 'int32' : (model.dtype ?? 'float32') }));
      outDims = [...probe.shape];
    } finally {
      model.train(wasTraining);
    }
  } else {
    out = exportLinearModel(model, inputName, makeContext(''));
    const k = typeof model.intercept === 'number' ? 0 : 'predictProba' in model ? Math.max(model.intercept.length, 2) : model.intercept.length;
    outDims = k === 0 ? [shape[0] as number] : [shape[0] as number, k];
  }
  if (options.dynamicBatch === true) outDims[0] = 'batch';
  g.nodes.push(onnx.NodeProto.create({ name: 'node:output', opType: 'Identity', input: [out], output: [outputName] }));
  const inDims: (number | string)[] = [...shape];
  if (options.dynamicBatch === true) inDims[0] = 'batch';
  const F = onnx.TensorProto.DataType;
  const graph = onnx.GraphProto.create({
    name: options.graphName ?? (isModule ? model.kind : 'linear-model'),
    node: g.nodes,
    initializer: g.initializers,
    input: [valueInfo(inputName, indices ? F.INT64 : F.FLOAT, inDims)],
    output: [valueInfo(outputName, F.FLOAT, outDims)],
  });
  const proto = onnx.ModelProto.create({
    irVersion: irVersionFor(opset),
    producerName: 'gradlab',
    producerVersion: '0',
    opsetImport: [onnx.OperatorSetIdProto.create({ domain: '', version: opset })],
    graph,
  });
  return onnx.ModelProto.encode(proto).finish();
}
