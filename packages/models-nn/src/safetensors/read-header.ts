import { SafetensorsError } from './safetensors-error.ts';
import type { ReadableSafetensorsDType } from './safetensors-dtype.ts';
import { SAFETENSORS_DTYPE_BITS, isReadableDType, isSafetensorsDType } from './safetensors-dtype.ts';
import { findDuplicateKey } from './find-duplicate-key.ts';

/** The reference implementation's cap on the JSON header (100 MB); a longer header is rejected unread. */
export const MAX_HEADER_BYTES = 100_000_000;

/** One validated tensor entry of a header. */
export interface HeaderEntry {
  name: string;
  dtype: ReadableSafetensorsDType;
  shape: number[];
  /** The number of elements. */
  size: number;
  /** Byte offsets into the data section, `begin <= end`. */
  begin: number;
  end: number;
}

/** A validated header: entries in header order, metadata, and where the data section starts. */
export interface SafetensorsHeader {
  entries: HeaderEntry[];
  metadata: Record<string, string>;
  dataStart: number;
}

const own = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return `an array of ${v.length}`;
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return typeof v;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Reads and validates the header of a safetensors file, allocating nothing in proportion to what
 * the file claims: the header length is checked against the file (and the 100 MB cap) before the
 * header is decoded, and every entry is checked before any tensor is decoded. It follows what the
 * reference implementation rejects (offsets must tile the data section exactly: no overlap, no
 * hole, no trailing bytes) and also rejects duplicate keys, which the reference lets the last win.
 * @param bytes the whole file
 * @param op the public function, for messages
 * @throws SafetensorsError for every malformed header (see {@link SafetensorsErrorReason})
 */
export function readHeader(bytes: Uint8Array, op: string): SafetensorsHeader {
  if (bytes.length < 8) {
    throw new SafetensorsError('the file is shorter than the 8-byte header length', { op, reason: 'too-short', arg: 'bytes', expected: 'at least 8 bytes', received: `${bytes.length} bytes` });
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, 8);
  const low = view.getUint32(0, true);
  const high = view.getUint32(4, true);
  const room = bytes.length - 8;
  if (high !== 0 || low > MAX_HEADER_BYTES) {
    const claimed = (BigInt(high) << 32n) | BigInt(low);
    throw new SafetensorsError('the header length is too large', { op, reason: 'header-length', arg: 'bytes[0..8]', expected: `at most ${Math.min(room, MAX_HEADER_BYTES)} bytes`, received: `${claimed} bytes`, hint: 'is this a safetensors file? (a PyTorch .pt/.bin pickle is not)' });
  }
  if (low > room) {
    throw new SafetensorsError('the header length runs past the end of the file', { op, reason: 'header-length', arg: 'bytes[0..8]', expected: `at most ${room} bytes (the file has ${bytes.length})`, received: `${low} bytes`, hint: 'the file may be truncated, or not a safetensors file' });
  }
  const dataStart = 8 + low;
  const dataLength = bytes.length - dataStart;

  let text: string;
  try {
    // ignoreBOM: a byte-order mark is kept, so JSON.parse rejects it as the reference does.
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes.subarray(8, dataStart));
  } catch {
    throw new SafetensorsError('the header is not valid UTF-8', { op, reason: 'header-encoding', arg: 'header', expected: 'UTF-8 JSON', received: 'invalid UTF-8 bytes' });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw new SafetensorsError('the header is not valid JSON', { op, reason: 'header-json', arg: 'header', expected: 'a JSON object', received: e instanceof Error ? e.message : 'a parse error' });
  }
  if (!isObject(parsed)) {
    throw new SafetensorsError('the header is not a JSON object', { op, reason: 'header-not-object', arg: 'header', expected: 'a JSON object', received: describe(parsed) });
  }
  const dup = findDuplicateKey(text);
  if (dup !== undefined) {
    throw new SafetensorsError(`the key ${JSON.stringify(dup.key)} occurs twice in the header${dup.path === '' ? '' : ` at ${dup.path}`}`, {
      op,
      reason: 'duplicate-key',
      ...(dup.path === '' && dup.key !== '__metadata__' ? { tensor: dup.key } : {}),
      arg: `header${dup.path}`,
      expected: 'unique keys',
      received: `${JSON.stringify(dup.key)} twice`,
      hint: 'JSON readers disagree on which duplicate wins, so the file is ambiguous',
    });
  }

  const metadata = Object.create(null) as Record<string, string>;
  const entries: HeaderEntry[] = [];
  for (const name of Object.keys(parsed)) {
    const value = parsed[name];
    if (name === '__metadata__') {
      if (value === null) continue; // the reference accepts a null metadata
      if (!isObject(value)) throw new SafetensorsError('__metadata__ must be an object of strings', { op, reason: 'invalid-metadata', arg: 'header["__metadata__"]', expected: 'an object of strings', received: describe(value) });
      for (const key of Object.keys(value)) {
        const v = value[key];
        if (typeof v !== 'string') throw new SafetensorsError('metadata values must be strings', { op, reason: 'invalid-metadata', arg: `header["__metadata__"][${JSON.stringify(key)}]`, expected: 'a string', received: describe(v) });
        metadata[key] = v;
      }
      continue;
    }
    entries.push(readEntry(name, value, dataLength, op));
  }
  checkTiling(entries, dataLength, op);
  return { entries, metadata, dataStart };
}

function readEntry(name: string, value: unknown, dataLength: number, op: string): HeaderEntry {
  const at = `header[${JSON.stringify(name)}]`;
  const bad = (field: string, expected: string, received: unknown): SafetensorsError =>
    new SafetensorsError(`the entry's ${field} is invalid`, { op, reason: 'invalid-entry', tensor: name, arg: `${at}${field === 'entry' ? '' : `.${field}`}`, expected, received: describe(received) });
  if (!isObject(value)) throw bad('entry', 'an object with dtype, shape and data_offsets', value);
  for (const field of ['dtype', 'shape', 'data_offsets']) {
    if (!own(value, field)) throw new SafetensorsError(`the entry has no ${field}`, { op, reason: 'invalid-entry', tensor: name, arg: `${at}.${field}`, expected: 'dtype, shape and data_offsets', received: `keys ${Object.keys(value).join(', ') || '(none)'}` });
  }
  const { dtype, shape, data_offsets: offsets } = value;
  if (typeof dtype !== 'string') throw bad('dtype', 'a dtype name such as "F32"', dtype);
  if (!isSafetensorsDType(dtype)) {
    throw new SafetensorsError('unknown dtype', { op, reason: 'unknown-dtype', tensor: name, arg: `${at}.dtype`, expected: Object.keys(SAFETENSORS_DTYPE_BITS).join(', '), received: JSON.stringify(dtype) });
  }
  if (!Array.isArray(shape)) throw bad('shape', 'an array of integers >= 0', shape);
  let size = 1;
  for (let i = 0; i < shape.length; i++) {
    const d: unknown = shape[i];
    if (typeof d !== 'number' || !Number.isSafeInteger(d) || d < 0) throw bad(`shape[${i}]`, 'an integer >= 0', d);
    size *= d;
  }
  if (!Array.isArray(offsets) || offsets.length !== 2) throw bad('data_offsets', '[begin, end]', offsets);
  const [begin, end] = offsets as unknown[];
  for (const [k, v] of [['data_offsets[0]', begin], ['data_offsets[1]', end]] as const) {
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) throw bad(k, 'an integer >= 0', v);
  }
  const b = begin as number;
  const e = end as number;
  if (e < b) throw bad('data_offsets', 'begin <= end', offsets);
  if (!isReadableDType(dtype)) {
    throw new SafetensorsError('gradlab cannot read this dtype', { op, reason: 'unsupported-dtype', tensor: name, arg: `${at}.dtype`, expected: 'F64, F32, F16, BF16, I64, U32, I32, I16, U16, I8, U8 or BOOL', received: dtype, hint: 'convert the tensor in Python first, e.g. t.to(torch.float32)' });
  }
  if (e > dataLength) {
    throw new SafetensorsError('data_offsets reach past the end of the data section', { op, reason: 'out-of-bounds', tensor: name, arg: `${at}.data_offsets`, expected: `end <= ${dataLength}`, received: `[${b}, ${e}]`, hint: 'the file may be truncated' });
  }
  const bytes = (size * (SAFETENSORS_DTYPE_BITS[dtype] as number)) / 8;
  // size is exact below 2^53; above, it cannot equal a (safe-integer) byte count anyway.
  if (!Number.isSafeInteger(size) || bytes !== e - b) {
    throw new SafetensorsError('shape and dtype do not match the length of data_offsets', { op, reason: 'size-mismatch', tensor: name, arg: `${at}.data_offsets`, expected: `${Number.isSafeInteger(size) ? bytes : 'more than 2^53'} bytes (${dtype} [${shape.join(', ')}])`, received: `${e - b} bytes ([${b}, ${e}])` });
  }
  return { name, dtype, shape: shape as number[], size, begin: b, end: e };
}

/** Offsets must tile the data section exactly, as the reference implementation requires. */
function checkTiling(entries: readonly HeaderEntry[], dataLength: number, op: string): void {
  const sorted = [...entries].sort((a, b) => a.begin - b.begin || a.end - b.end);
  let cursor = 0;
  let previous: HeaderEntry | undefined;
  for (const e of sorted) {
    if (e.begin < cursor) {
      throw new SafetensorsError(`its bytes overlap those of tensor ${JSON.stringify(previous?.name)}`, { op, reason: 'overlap', tensor: e.name, arg: `header[${JSON.stringify(e.name)}].data_offsets`, expected: `begin >= ${cursor}`, received: `[${e.begin}, ${e.end}]` });
    }
    if (e.begin > cursor) {
      throw new SafetensorsError(`bytes [${cursor}, ${e.begin}) of the data section belong to no tensor`, { op, reason: 'hole', tensor: e.name, arg: `header[${JSON.stringify(e.name)}].data_offsets`, expected: `begin = ${cursor}`, received: `[${e.begin}, ${e.end}]` });
    }
    cursor = e.end;
    previous = e;
  }
  if (cursor !== dataLength) {
    throw new SafetensorsError(`bytes [${cursor}, ${dataLength}) at the end of the data section belong to no tensor`, { op, reason: 'hole', arg: 'bytes', expected: `a data section of ${cursor} bytes`, received: `${dataLength} bytes`, hint: 'extra bytes were appended, or the header was cut' });
  }
}
