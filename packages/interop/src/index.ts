// @gradlab/interop: ONNX export and PyTorch state-dict name maps for gradlab models.
export { toOnnx, ONNX_OPSETS } from './to-onnx.ts';
export type { ToOnnxOptions, OnnxExportable } from './to-onnx.ts';
export { OnnxExportError } from './onnx-export-error.ts';
export { intAttr, floatAttr, intsAttr, stringAttr } from './onnx-graph.ts';
export type { OnnxAttribute, OnnxConstant, OnnxExportContext } from './onnx-graph.ts';
export { builtinOnnxExporters } from './builtin-onnx-exporters.ts';
export { nnOnnxExporters, linearExporter, activationExporter, sequentialExporter, dropoutExporter, layerNormExporter, embeddingExporter } from './nn-exporters.ts';
export type { OnnxExporter } from './nn-exporters.ts';
export { transformerOnnxExporters, multiHeadAttentionExporter, transformerBlockExporter, languageModelExporter } from './transformer-exporters.ts';
export { isLinearModel } from './linear-model-onnx.ts';
export type { LinearModel } from './linear-model-onnx.ts';

// PyTorch state dicts
export { fromTorchStateDict, toTorchStateDict, torchNameMap, torchLanguageModelNames } from './torch-state-dict.ts';
export type { FromTorchOptions, TorchModelKind } from './torch-state-dict.ts';
