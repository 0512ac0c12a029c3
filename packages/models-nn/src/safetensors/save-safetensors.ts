import { Tensor } from '@gradlab/core-tensor';
import { HOST_IS_LITTLE_ENDIAN, bytesOf, swapBytes } from './byte-order.ts';
import { SafetensorsError } from './safetensors-error.ts';
import { GRADLAB_TO_SAFETENSORS, dtypeOrder } from './safetensors-dtype.ts';
import { compareUtf8, hasLoneSurrogate } from './utf8-order.ts';

const OP = 'saveSafetensors';

interface Entry {
  name: string;
  key: Uint8Array;
  dtype: 'F64' | 'F32' | 'I32' | 'BOOL';
  shape: readonly number[];
  bytes: Uint8Array;
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x) && !(x instanceof Tensor);
}

function checkKey(name: string, what: 'tensor name' | 'metadata key' | 'metadata value'): void {
  if (what === 'tensor name' && name.length === 0) {
    throw new SafetensorsError('a tensor name must be a non-empty string', { op: OP, reason: 'invalid-argument', arg: 'tensors', expected: 'a non-empty name', received: '""' });
  }
  if (what === 'tensor name' && name === '__metadata__') {
    throw new SafetensorsError('the name __metadata__ is reserved for the metadata', { op: OP, reason: 'invalid-argument', arg: 'tensors', expected: 'any other name', received: name, hint: 'pass metadata as the second argument' });
  }
  if (hasLoneSurrogate(name)) {
    throw new SafetensorsError(`a ${what} must be well-formed Unicode to be written as UTF-8`, { op: OP, reason: 'invalid-argument', arg: what === 'tensor name' ? 'tensors' : 'metadata', expected: 'no lone surrogate', received: JSON.stringify(name) });
  }
}

/**
 * Writes tensors (and optional string metadata) in the safetensors format: an 8-byte little-endian
 * header length N, N bytes of JSON header (`{"name": {"dtype", "shape", "data_offsets"}, "__metadata__": {...}}`,
 * padded with spaces to a multiple of 8), then the little-endian data of each tensor. No code is
 * ever stored, so the file is safe to load from anyone.
 *
 * The layout is the reference implementation's (safetensors 0.8), so the same tensors always give
 * the same bytes, and the bytes Python's `safetensors.numpy.save` gives: tensors are sorted by
 * dtype, widest first (F64, F32, I32, BOOL), then by name (UTF-8 byte order), and their data is laid
 * out in that order; `__metadata__` comes first, its keys sorted (the reference writes them in hash
 * order, so its bytes match ours only for at most one metadata key). Views and other non-contiguous
 * tensors are written contiguously, row-major.
 * @param tensors the tensors by name: any non-empty names except `__metadata__`; dtypes float64 (F64),
 *   float32 (F32), int32 (I32) and bool (BOOL); any shape, including `[]` and shapes with a 0
 * @param metadata string keys and values stored under `__metadata__` (omitted when undefined)
 * @returns the file's bytes
 * @throws SafetensorsError (reason `invalid-argument`) for an empty or reserved name, a value that
 *   is not a Tensor, metadata that is not an object of strings, or a name with a lone surrogate
 * @throws DisposedError when a tensor was disposed
 * @example
 * const bytes = saveSafetensors({ weight: tensor([[1, 2], [3, 4]]), bias: zeros([2]) }, { epoch: '3' });
 * loadSafetensors(bytes).weight.toArray(); // [[1, 2], [3, 4]]
 */
export function saveSafetensors(tensors: Readonly<Record<string, Tensor>>, metadata?: Readonly<Record<string, string>>): Uint8Array {
  if (!isRecord(tensors)) {
    throw new SafetensorsError('tensors must be an object of named tensors', { op: OP, reason: 'invalid-argument', arg: 'tensors', expected: 'Record<string, Tensor>', received: Array.isArray(tensors) ? 'an array' : tensors === null ? 'null' : typeof tensors });
  }
  const encoder = new TextEncoder();
  const entries: Entry[] = [];
  for (const name of Object.keys(tensors)) {
    checkKey(name, 'tensor name');
    const t: unknown = tensors[name];
    if (!(t instanceof Tensor)) {
      throw new SafetensorsError('each value must be a Tensor', { op: OP, reason: 'invalid-argument', tensor: name, arg: `tensors[${JSON.stringify(name)}]`, expected: 'a Tensor', received: t === null ? 'null' : typeof t, hint: 'wrap arrays with tensor(...)' });
    }
    entries.push({ name, key: encoder.encode(name), dtype: GRADLAB_TO_SAFETENSORS[t.dtype], shape: t.shape, bytes: new Uint8Array(0) });
  }
  const meta: [Uint8Array, string, string][] = [];
  if (metadata !== undefined) {
    if (!isRecord(metadata)) {
      throw new SafetensorsError('metadata must be an object of strings', { op: OP, reason: 'invalid-argument', arg: 'metadata', expected: 'Record<string, string>', received: Array.isArray(metadata) ? 'an array' : metadata === null ? 'null' : typeof metadata });
    }
    for (const key of Object.keys(metadata)) {
      checkKey(key, 'metadata key');
      const value: unknown = metadata[key];
      if (typeof value !== 'string') {
        throw new SafetensorsError('metadata values must be strings', { op: OP, reason: 'invalid-argument', arg: `metadata[${JSON.stringify(key)}]`, expected: 'a string', received: typeof value, hint: 'convert with String(value) or JSON.stringify(value)' });
      }
      checkKey(value, 'metadata value');
      meta.push([encoder.encode(key), key, value]);
    }
    meta.sort((a, b) => compareUtf8(a[0], b[0]));
  }
  // The reference writer's order: dtype (widest first), then name.
  entries.sort((a, b) => dtypeOrder(b.dtype) - dtypeOrder(a.dtype) || compareUtf8(a.key, b.key));

  const parts: string[] = [];
  if (metadata !== undefined) parts.push(`"__metadata__":{${meta.map(([, k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`).join(',')}}`);
  let offset = 0;
  for (const e of entries) {
    // `data` is the row-major contents (a copy for views that are not contiguous).
    e.bytes = bytesOf((tensors[e.name] as Tensor).data);
    const end = offset + e.bytes.length;
    parts.push(`${JSON.stringify(e.name)}:{"dtype":"${e.dtype}","shape":[${e.shape.join(',')}],"data_offsets":[${offset},${end}]}`);
    offset = end;
  }
  const json = encoder.encode(`{${parts.join(',')}}`);
  const headerLength = Math.ceil(json.length / 8) * 8;
  const out = new Uint8Array(8 + headerLength + offset);
  const view = new DataView(out.buffer);
  view.setUint32(0, headerLength % 2 ** 32, true);
  view.setUint32(4, Math.floor(headerLength / 2 ** 32), true);
  out.set(json, 8);
  out.fill(0x20, 8 + json.length, 8 + headerLength);
  let at = 8 + headerLength;
  for (const e of entries) {
    out.set(e.bytes, at);
    if (!HOST_IS_LITTLE_ENDIAN) swapBytes(out.subarray(at, at + e.bytes.length), e.dtype === 'F64' ? 8 : e.dtype === 'BOOL' ? 1 : 4);
    at += e.bytes.length;
  }
  return out;
}
