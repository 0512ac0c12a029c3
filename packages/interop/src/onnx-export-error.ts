import { GradlabError } from '@gradlab/core-tensor';
import type { GradlabErrorDetails } from '@gradlab/core-tensor';

/**
 * Thrown by {@link toOnnx} when a layer has no ONNX translation (or cannot be translated with the
 * chosen options). `layer` is the module's dotted name in the model (`''` for the root, `2`,
 * `blocks.0.attn`), `kind` its `kind`.
 */
export class OnnxExportError extends GradlabError {
  /** The dotted name of the layer in the model (`''` for the model itself). */
  readonly layer: string;
  /** The layer's `kind` (`linear`, `my-layer`, ...). */
  readonly kind: string;

  constructor(summary: string, details: GradlabErrorDetails & { layer: string; kind: string }) {
    super(summary, { pkg: 'interop', ...details });
    this.layer = details.layer;
    this.kind = details.kind;
  }
}
