import { randNormal, rng, tensor, ValueError } from '@gradlab/core-tensor';
import type { Tensor } from '@gradlab/core-tensor';
import { Embedding } from '@gradlab/models-nn';
import type { Module } from '@gradlab/models-nn';
import { toOnnx } from '../to-onnx.ts';
import type { ToOnnxOptions } from '../to-onnx.ts';

/** Options of {@link checkOnnxExport}. */
export interface CheckOnnxExportOptions extends ToOnnxOptions {
  /**
   * Runs the exported bytes on one input and returns the output's values: ONNX Runtime in your
   * tests, e.g. `async (bytes, x) => (await (await ort.InferenceSession.create(bytes)).run({ input: ... })).output.data`.
   * Float inputs arrive as float32 tensors, token ids as int32 (feed them to ONNX as int64).
   */
  run: (bytes: Uint8Array, input: Tensor) => Promise<ArrayLike<number>> | ArrayLike<number>;
  /** The batch sizes to try through the dynamic axis (default `[2, 5]`; `dynamicBatch` is switched on). */
  batchSizes?: readonly number[];
  /** Largest allowed |onnx − gradlab| (default 1e-5, float32). */
  tol?: number;
  /** Seed of the random inputs (default 0). */
  seed?: number;
  /** Ids are drawn from [0, maxIndex) for models that read ids (default: the first embedding's size). */
  maxIndex?: number;
}

/**
 * The checker of the ONNX exporter contract, for a layer of your own as for the built-ins: exports
 * `model` with a dynamic batch, runs it through `options.run` on seeded random inputs of each batch
 * size, and compares with `model.forward` in eval mode.
 * @param model the model (its first axis is the batch)
 * @param options `run` (required), `inputShape` (batch first), `batchSizes`, `tol`, `seed`, and `toOnnx`'s options
 * @returns the largest difference seen
 * @throws ValueError naming the batch size, the shapes or the difference when the outputs disagree
 * @example
 * await checkOnnxExport(sequential(linear(3, 3), new Scale()), { exporters: { ...builtinOnnxExporters, scale }, run: runWithOrt });
 */
export async function checkOnnxExport(model: Module, options: CheckOnnxExportOptions): Promise<{ maxAbsDiff: number }> {
  const { run, batchSizes = [2, 5], tol = 1e-5, seed = 0, maxIndex, ...exportOptions } = options;
  const op = 'checkOnnxExport';
  const wasTraining = model.training;
  model.eval();
  try {
    const bytes = toOnnx(model, { ...exportOptions, dynamicBatch: true });
    const shape = exportOptions.inputShape;
    let worst = 0;
    for (const [i, batch] of batchSizes.entries()) {
      const r = rng(seed + i);
      let x: Tensor;
      if (model.inputKind === 'indices') {
        const dims = [batch, ...(shape?.slice(1) ?? [1])];
        const n = maxIndex ?? model.namedModules().map(([, m]) => m).find((m): m is Embedding => m instanceof Embedding)?.numEmbeddings ?? 2;
        x = tensor(Array.from({ length: dims.reduce((a, b) => a * b, 1) }, () => r.integer(n)), { shape: dims, dtype: 'int32' });
      } else {
        const features = shape?.slice(1) ?? [model.namedModules().map(([, m]) => m as Module & { inFeatures?: number }).find((m) => typeof m.inFeatures === 'number')?.inFeatures ?? 1];
        x = randNormal(r, [batch, ...features], { dtype: 'float32' });
      }
      const want = model.forward(model.inputKind === 'indices' || model.dtype === undefined ? x : x.astype(model.dtype));
      const got = await run(bytes, x);
      if (got.length !== want.size) {
        throw new ValueError('the ONNX output has another size than the model output', { pkg: 'interop', op, arg: `batch ${batch}`, expected: `${want.size} values ([${want.shape.join(', ')}])`, received: `${got.length} values` });
      }
      for (let k = 0; k < got.length; k++) {
        const d = Math.abs((got[k] as number) - (want.data[k] as number));
        if (!(d <= tol)) {
          throw new ValueError('the ONNX output differs from the model output', { pkg: 'interop', op, arg: `batch ${batch}, output[${k}]`, expected: `${want.data[k]} (± ${tol})`, received: got[k], hint: 'check the exporter of the layers after the last one that agrees' });
        }
        worst = Math.max(worst, d);
      }
    }
    return { maxAbsDiff: worst };
  } finally {
    model.train(wasTraining);
  }
}
