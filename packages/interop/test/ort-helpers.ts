import * as ort from 'onnxruntime-node';
import { randNormal, rng } from '@gradlab/core-tensor';
import type { Tensor } from '@gradlab/core-tensor';

/** Runs an ONNX model (bytes) on one float32 or int64 input with ONNX Runtime's CPU provider. */
export async function runOrt(bytes: Uint8Array, input: Tensor, inputName = 'input', outputName = 'output'): Promise<{ data: Float32Array; dims: number[] }> {
  const session = await ort.InferenceSession.create(bytes);
  const feed =
    input.dtype === 'int32'
      ? new ort.Tensor('int64', BigInt64Array.from(Array.from(input.data, (v) => BigInt(v))), [...input.shape])
      : new ort.Tensor('float32', Float32Array.from(input.data), [...input.shape]);
  const out = (await session.run({ [inputName]: feed }))[outputName];
  if (out === undefined) throw new Error(`no output ${outputName}`);
  await session.release();
  return { data: out.data as Float32Array, dims: [...out.dims] };
}

/** Random float32 normal inputs of `shape` from a seeded generator. */
export function randomInput(shape: number[], seed: number): Tensor {
  return randNormal(rng(seed), shape, { dtype: 'float32' });
}

/** The largest |a_i - b_i|. */
export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) return Infinity;
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs((a[i] as number) - (b[i] as number)));
  return m;
}
