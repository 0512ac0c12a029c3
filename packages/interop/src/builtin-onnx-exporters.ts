import { nnOnnxExporters } from './nn-exporters.ts';
import type { OnnxExporter } from './nn-exporters.ts';
import { transformerOnnxExporters } from './transformer-exporters.ts';

/**
 * Every built-in exporter by layer `kind`: the layers of `@gradlab/models-nn` and the modules of
 * `@gradlab/transformer`. Frozen; extend a copy to add yours.
 */
export const builtinOnnxExporters: Readonly<Record<string, OnnxExporter>> = Object.freeze({
  ...nnOnnxExporters,
  ...transformerOnnxExporters,
});
