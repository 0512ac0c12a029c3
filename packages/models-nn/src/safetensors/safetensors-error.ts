import { ValueError } from '@gradlab/core-tensor';

/**
 * Why a safetensors file (or the input to `saveSafetensors`) was rejected. One code per check, so
 * that a caller can branch on it without parsing the message:
 *
 * - `too-short`: fewer than the 8 bytes of the header length.
 * - `too-large`: the file, or the tensors it decodes to, exceed `options.maxBytes`.
 * - `header-length`: the header length points past the end of the file, or past the 100 MB cap.
 * - `header-encoding`: the header is not valid UTF-8.
 * - `header-json`: the header is not valid JSON.
 * - `header-not-object`: the header is valid JSON but not an object.
 * - `duplicate-key`: a key occurs twice in one JSON object of the header.
 * - `invalid-entry`: a tensor entry misses `dtype`, `shape` or `data_offsets`, or has a wrong type
 *   (a negative, fractional or non-numeric shape entry, offsets that are not two integers in order).
 * - `invalid-metadata`: `__metadata__` is not an object of strings.
 * - `unknown-dtype`: a dtype that the safetensors format does not define.
 * - `unsupported-dtype`: a dtype of the format that gradlab cannot represent (e.g. `F8_E4M3`, `C64`).
 * - `size-mismatch`: the byte count of `shape` and `dtype` differs from the length given by `data_offsets`.
 * - `out-of-bounds`: `data_offsets` reach past the end of the data section (often a truncated file).
 * - `overlap`: two tensors share bytes.
 * - `hole`: bytes of the data section that no tensor covers (a gap, or bytes after the last tensor).
 * - `out-of-range`: an integer that does not fit int32 (from `I64` or `U32`).
 * - `invalid-argument`: a bad argument (tensor name, tensor, metadata, option).
 */
export type SafetensorsErrorReason =
  | 'too-short'
  | 'too-large'
  | 'header-length'
  | 'header-encoding'
  | 'header-json'
  | 'header-not-object'
  | 'duplicate-key'
  | 'invalid-entry'
  | 'invalid-metadata'
  | 'unknown-dtype'
  | 'unsupported-dtype'
  | 'size-mismatch'
  | 'out-of-bounds'
  | 'overlap'
  | 'hole'
  | 'out-of-range'
  | 'invalid-argument';

/** The details of a {@link SafetensorsError}: those of every gradlab error, plus the reason and tensor. */
export interface SafetensorsErrorDetails {
  /** The function that rejected its input: `loadSafetensors`, `readSafetensors` or `saveSafetensors`. */
  op: string;
  /** The check that failed. */
  reason: SafetensorsErrorReason;
  /** The tensor at fault, when there is one. */
  tensor?: string;
  /** The argument or header field at fault, e.g. `header["w"].shape[1]`. */
  arg?: string;
  /** What was expected. */
  expected?: unknown;
  /** What was received. */
  received?: unknown;
  /** A hint for a common fix. */
  hint?: string;
}

/**
 * A safetensors file that cannot be loaded, or tensors that cannot be saved as one. It is a
 * `ValueError` of `@gradlab/core-tensor` (package `models-nn`) with a machine-readable `reason`
 * and, where one is at fault, the `tensor` name.
 * @example
 * try {
 *   loadSafetensors(new Uint8Array(3));
 * } catch (e) {
 *   if (e instanceof SafetensorsError) console.log(e.reason); // 'too-short'
 * }
 */
export class SafetensorsError extends ValueError {
  /** The check that failed. */
  readonly reason: SafetensorsErrorReason;
  /** The name of the tensor at fault, or undefined when the file as a whole is. */
  readonly tensor: string | undefined;

  constructor(summary: string, details: SafetensorsErrorDetails) {
    const { reason, tensor, ...rest } = details;
    super(tensor === undefined ? summary : `tensor ${JSON.stringify(tensor)}: ${summary}`, { pkg: 'models-nn', ...rest });
    this.reason = reason;
    this.tensor = tensor;
  }
}
