import { readFileSync, writeFileSync } from 'node:fs';
import { Command } from 'commander';
import { ONNX_OPSETS, toOnnx } from '@gradlab/interop';
import { readModel } from '@gradlab/models-nn';
import { transformerLayers } from '@gradlab/transformer';
import { RunError, UsageError } from '../cli-error.ts';
import { guard } from '../report-error.ts';
import { checkOutputPath } from '../write-output.ts';

/** The flags of `gradlab export`. */
export interface ExportFlags {
  model: string;
  onnx: string;
  opset: string;
  dynamicBatch?: boolean;
  inputShape?: string;
}

function opsetFlag(text: string): number {
  const v = Number(text);
  if (!Number.isInteger(v) || v < ONNX_OPSETS.min || v > ONNX_OPSETS.max) throw new UsageError(`--opset must be an integer from ${ONNX_OPSETS.min} to ${ONNX_OPSETS.max}, got '${text}'`, 'LayerNormalization needs 17, the Gelu op 20; 17 is the default');
  return v;
}

function shapeFlag(text: string | undefined): number[] | undefined {
  if (text === undefined) return undefined;
  const dims = text.split(',').map((s) => Number(s.trim()));
  if (dims.length === 0 || dims.some((d) => !Number.isInteger(d) || d < 1)) throw new UsageError(`--input-shape lists positive integers, batch first, got '${text}'`, 'e.g. --input-shape 1,4 for 4 features, 1,16 for 16 token ids');
  return dims;
}

/**
 * `gradlab export --model model.safetensors --onnx model.onnx [--opset 17] [--dynamic-batch]`:
 * reads a model saved with `saveModel` (models-nn layers or the transformer's) and writes it as ONNX.
 */
export function exportCommand(): Command {
  return new Command('export')
    .description('export a saved gradlab model (saveModel safetensors) to ONNX, for ONNX Runtime on any machine')
    .requiredOption('--model <file>', 'the model file written by saveModel (architecture in its metadata)')
    .requiredOption('--onnx <file>', 'the ONNX file to write')
    .option('--opset <n>', `ONNX opset, ${ONNX_OPSETS.min} to ${ONNX_OPSETS.max}`, String(ONNX_OPSETS.default))
    .option('--dynamic-batch', 'make the batch axis symbolic, so one file serves any batch size')
    .option('--input-shape <dims>', 'the input shape, batch first (default 1,<inFeatures>; a language model needs 1,<T>)')
    .addHelpText('after', '\nExample:\n  gradlab export --model model.safetensors --onnx model.onnx --dynamic-batch')
    .action(
      guard('export', async (flags: ExportFlags) => {
        const opset = opsetFlag(flags.opset);
        const inputShape = shapeFlag(flags.inputShape);
        checkOutputPath(flags.onnx, '--onnx');
        let bytes: Uint8Array;
        try {
          bytes = new Uint8Array(readFileSync(flags.model));
        } catch (e) {
          throw new RunError(`--model: cannot read '${flags.model}' (${(e as { code?: string }).code ?? 'an unknown error'})`, 'a file written by saveModel, e.g. gradlab train mlp --save model.safetensors');
        }
        const { model, metadata } = readModel(bytes, { layers: transformerLayers });
        const onnx = toOnnx(model, { opset, dynamicBatch: flags.dynamicBatch === true, ...(inputShape !== undefined ? { inputShape } : {}) });
        // writeOutput takes text; the ONNX file is bytes, written here with the same one-line error.
        try {
          writeFileSync(flags.onnx, onnx);
        } catch (e) {
          throw new RunError(`--onnx: cannot write '${flags.onnx}' (${(e as { code?: string }).code ?? 'an unknown error'})`);
        }
        // gradlab train --standardize saves its scaler beside the weights; the graph does not include it.
        const scaled = metadata['gradlab.scaler'] !== undefined ? '\nnote: the model was trained on standardized inputs; send rows standardized with the gradlab.scaler of the model file' : '';
        process.stdout.write(`wrote ${flags.onnx} (${onnx.length} bytes, opset ${opset}${flags.dynamicBatch === true ? ', dynamic batch' : ''}): ${model.kind}, input ${model.inputKind === 'indices' ? 'int64 token ids' : 'float32'}${scaled}\n`);
        await Promise.resolve();
      }),
    );
}
