import type { Tensor } from '@gradlab/core-tensor';
import type { Module } from '@gradlab/models-nn';
import { onnx } from './onnx-proto.ts';
import type { OnnxTypes } from './onnx-proto.ts';

/** An attribute value of an ONNX node, tagged with its ONNX type (ONNX tells 1 from 1.0). */
export type OnnxAttribute =
  | { readonly type: 'int'; readonly value: number }
  | { readonly type: 'float'; readonly value: number }
  | { readonly type: 'ints'; readonly value: readonly number[] }
  | { readonly type: 'string'; readonly value: string };

/** An ONNX `INT` attribute. */
export const intAttr = (value: number): OnnxAttribute => ({ type: 'int', value });
/** An ONNX `FLOAT` attribute. */
export const floatAttr = (value: number): OnnxAttribute => ({ type: 'float', value });
/** An ONNX `INTS` attribute. */
export const intsAttr = (value: readonly number[]): OnnxAttribute => ({ type: 'ints', value });
/** An ONNX `STRING` attribute. */
export const stringAttr = (value: string): OnnxAttribute => ({ type: 'string', value });

/** A constant for {@link OnnxExportContext.constant}: values in row-major order and their shape. */
export interface OnnxConstant {
  readonly data: ArrayLike<number>;
  readonly shape: readonly number[];
}

/**
 * What an exporter sees while its layer is translated: the opset, the layer's place in the model,
 * and the graph it appends to. Values are named strings, as in ONNX.
 */
export interface OnnxExportContext {
  /** The target opset of the default domain (`ai.onnx`). */
  readonly opset: number;
  /** The dotted name of the layer being exported (`''` for the root, `blocks.0.attn`). */
  readonly scope: string;
  /** The batch axis' size, or the symbolic name `batch` with `dynamicBatch`. */
  readonly batch: number | string;
  /**
   * Adds a parameter of the current layer as a float32 initializer named `<scope>.<name>`
   * (`0.weight`), so the ONNX file keeps the state-dict names.
   * @returns the value name
   */
  parameter(name: string, value: Tensor | OnnxConstant): string;
  /** Adds an anonymous constant (`float32`, or `int64` for shapes and indices); returns its name. */
  constant(hint: string, value: OnnxConstant, dtype?: 'float32' | 'int64'): string;
  /**
   * Appends a node of `opType` (default domain) reading `inputs`.
   * @returns the names of its `outputs` (default one)
   */
  node(opType: string, inputs: readonly string[], attributes?: Readonly<Record<string, OnnxAttribute>>, outputs?: number): string[];
  /** Like {@link OnnxExportContext.node} for a single output: returns its name. */
  op(opType: string, inputs: readonly string[], attributes?: Readonly<Record<string, OnnxAttribute>>): string;
  /** Exports a sub-module `module` registered under `name` (through the same exporter lookup). */
  module(name: string, module: Module, input: string): string;
}

function tensorProto(name: string, value: Tensor | OnnxConstant, dtype: 'float32' | 'int64'): OnnxTypes.TensorProto {
  const dims = [...value.shape];
  const src = value.data;
  if (dtype === 'int64') {
    return onnx.TensorProto.create({ name, dims, dataType: onnx.TensorProto.DataType.INT64, int64Data: Array.from(src, (v) => Number(v)) });
  }
  const f32 = Float32Array.from(src as ArrayLike<number>);
  return onnx.TensorProto.create({ name, dims, dataType: onnx.TensorProto.DataType.FLOAT, rawData: new Uint8Array(f32.buffer, f32.byteOffset, f32.byteLength) });
}

function attributeProto(name: string, a: OnnxAttribute): OnnxTypes.AttributeProto {
  const T = onnx.AttributeProto.AttributeType;
  switch (a.type) {
    case 'int':
      return onnx.AttributeProto.create({ name, type: T.INT, i: a.value });
    case 'float':
      return onnx.AttributeProto.create({ name, type: T.FLOAT, f: a.value });
    case 'ints':
      return onnx.AttributeProto.create({ name, type: T.INTS, ints: [...a.value] });
    case 'string':
      return onnx.AttributeProto.create({ name, type: T.STRING, s: new TextEncoder().encode(a.value) });
  }
}

/** The nodes and initializers of a graph under construction (internal to `toOnnx`). */
export class OnnxGraphBuilder {
  readonly nodes: OnnxTypes.NodeProto[] = [];
  readonly initializers: OnnxTypes.TensorProto[] = [];
  readonly #used = new Set<string>();
  #counter = 0;

  /** A fresh value name starting with `hint`. */
  fresh(hint: string): string {
    let name = hint;
    while (this.#used.has(name)) name = `${hint}_${++this.#counter}`;
    this.#used.add(name);
    return name;
  }

  reserve(name: string): void {
    this.#used.add(name);
  }

  addInitializer(hint: string, value: Tensor | OnnxConstant, dtype: 'float32' | 'int64'): string {
    const name = this.fresh(hint);
    this.initializers.push(tensorProto(name, value, dtype));
    return name;
  }

  addNode(scope: string, opType: string, inputs: readonly string[], attributes: Readonly<Record<string, OnnxAttribute>>, outputs: number): string[] {
    const base = `${scope === '' ? '' : `${scope}/`}${opType}`;
    const outs = Array.from({ length: outputs }, (_, i) => this.fresh(outputs === 1 ? base : `${base}:${i}`));
    this.nodes.push(
      onnx.NodeProto.create({
        name: this.fresh(`node:${base}`),
        opType,
        input: [...inputs],
        output: outs,
        attribute: Object.entries(attributes).map(([k, v]) => attributeProto(k, v)),
      }),
    );
    return outs;
  }
}
