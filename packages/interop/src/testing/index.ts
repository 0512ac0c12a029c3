// @gradlab/interop/testing: the checker of the ONNX exporter contract.
export { checkOnnxExport } from './check-onnx-export.ts';
export type { CheckOnnxExportOptions } from './check-onnx-export.ts';
