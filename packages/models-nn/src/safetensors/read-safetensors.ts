import type { Tensor } from '@gradlab/core-tensor';
import { SafetensorsError } from './safetensors-error.ts';
import { readHeader } from './read-header.ts';
import { decodeTensor } from './decode-tensor.ts';

/** The default of {@link SafetensorsLoadOptions.maxBytes}: 1 GiB. */
export const DEFAULT_MAX_SAFETENSORS_BYTES = 2 ** 30;

/** Options of {@link loadSafetensors} and {@link readSafetensors}. */
export interface SafetensorsLoadOptions {
  /**
   * The most bytes loading may take: both the file's length and the total size of the tensors it
   * decodes to (after widening, e.g. U8 to int32 is 4 bytes an element) must fit. Default 1 GiB
   * ({@link DEFAULT_MAX_SAFETENSORS_BYTES}). Raise it for larger models.
   */
  maxBytes?: number;
  /**
   * Cast every float tensor (F64, F32, F16, BF16) to this dtype on load; integer and bool tensors
   * are unaffected. Default: keep F64 as float64 and F32 as float32 (F16 and BF16 become float32).
   */
  dtype?: 'float32' | 'float64';
}

/** What {@link readSafetensors} returns. */
export interface SafetensorsContents {
  /** The tensors by name (an object without prototype, so any name is a plain key). */
  tensors: Record<string, Tensor>;
  /** The `__metadata__` strings (an object without prototype; empty when the file has none). */
  metadata: Record<string, string>;
}

const BYTES_OUT: Record<string, number> = { F64: 8, F32: 4, F16: 4, BF16: 4, BOOL: 1 };

/** @internal the shared body of readSafetensors and loadSafetensors; `op` names the caller in errors. */
export function decodeSafetensors(bytes: Uint8Array, options: SafetensorsLoadOptions | undefined, op: string): SafetensorsContents {
  if (!(bytes instanceof Uint8Array)) {
    throw new SafetensorsError('bytes must be a Uint8Array', { op, reason: 'invalid-argument', arg: 'bytes', expected: 'a Uint8Array (a Node Buffer is one)', received: bytes === null ? 'null' : typeof bytes, hint: 'pass new Uint8Array(arrayBuffer)' });
  }
  const maxBytes = options?.maxBytes ?? DEFAULT_MAX_SAFETENSORS_BYTES;
  if (typeof maxBytes !== 'number' || !Number.isSafeInteger(maxBytes) || maxBytes < 0) {
    throw new SafetensorsError('options.maxBytes must be an integer >= 0', { op, reason: 'invalid-argument', arg: 'options.maxBytes', expected: 'an integer >= 0', received: String(maxBytes) });
  }
  const floatDType = options?.dtype;
  if (floatDType !== undefined && floatDType !== 'float32' && floatDType !== 'float64') {
    throw new SafetensorsError('options.dtype must be float32 or float64', { op, reason: 'invalid-argument', arg: 'options.dtype', expected: "'float32' or 'float64'", received: String(floatDType) });
  }
  if (bytes.length > maxBytes) {
    throw new SafetensorsError('the file is larger than options.maxBytes', { op, reason: 'too-large', arg: 'bytes', expected: `at most ${maxBytes} bytes`, received: `${bytes.length} bytes`, hint: 'raise options.maxBytes if you trust the file' });
  }
  const header = readHeader(bytes, op);
  // Every tensor's size is known and checked against the file; bound their total before allocating.
  let total = 0;
  for (const e of header.entries) {
    const isFloat = e.dtype === 'F64' || e.dtype === 'F32' || e.dtype === 'F16' || e.dtype === 'BF16';
    total += e.size * (isFloat && floatDType !== undefined ? (floatDType === 'float64' ? 8 : 4) : BYTES_OUT[e.dtype] ?? 4);
  }
  if (total > maxBytes) {
    throw new SafetensorsError('the decoded tensors would be larger than options.maxBytes', { op, reason: 'too-large', arg: 'options.maxBytes', expected: `at most ${maxBytes} bytes`, received: `${total} bytes`, hint: 'raise options.maxBytes if you trust the file' });
  }
  const tensors = Object.create(null) as Record<string, Tensor>;
  for (const e of header.entries) {
    tensors[e.name] = decodeTensor(bytes.subarray(header.dataStart + e.begin, header.dataStart + e.end), e, floatDType, op);
  }
  return { tensors, metadata: header.metadata };
}

/**
 * Reads a safetensors file: its tensors and its `__metadata__` strings. Loading parses JSON and
 * copies bytes, nothing else: no code runs, unlike a pickle. Every size is checked against the file
 * before anything is allocated (see {@link SafetensorsLoadOptions.maxBytes}).
 *
 * Dtypes: F64, F32, I32 and BOOL load as float64, float32, int32 and bool, bit for bit. F16 and
 * BF16 load as float32 (exact). I16, U16, I8 and U8 load as int32 (exact). I64 and U32 load as int32
 * when every value fits, otherwise an error (never a wrapped value). Other dtypes (F8, F4, C64, U64)
 * are rejected.
 * @param bytes the file's contents, e.g. `readFileSync('model.safetensors')`
 * @param options `maxBytes` (default 1 GiB), `dtype` to cast floats on load
 * @returns `{ tensors, metadata }`, both objects without prototype
 * @throws SafetensorsError with a `reason` for each way a file can be malformed (see
 *   {@link SafetensorsErrorReason}), naming the tensor at fault
 * @example
 * const { tensors, metadata } = readSafetensors(saveSafetensors({ w: ones([2, 2]) }, { step: '10' }));
 * metadata.step; // '10'
 * tensors.w.shape; // [2, 2]
 */
export function readSafetensors(bytes: Uint8Array, options?: SafetensorsLoadOptions): SafetensorsContents {
  return decodeSafetensors(bytes, options, 'readSafetensors');
}
