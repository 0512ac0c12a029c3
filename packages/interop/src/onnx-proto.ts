// Must run first: hands protobufjs the long.js class (see protobuf-long.ts).
import './protobuf-long.ts';
// onnx-proto ships CommonJS (protobufjs static code), whose named exports Node's ESM loader cannot
// see; the default import is the module object in every loader.
import onnxProto from 'onnx-proto';

/** The generated ONNX protobuf classes (`onnx.ModelProto`, `onnx.TensorProto`, ...). */
export const onnx = onnxProto.onnx;
export type { onnx as OnnxTypes } from 'onnx-proto';
