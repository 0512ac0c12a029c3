import { tensor } from '@gradlab/core-tensor';
import type { Tensor } from '@gradlab/core-tensor';
import { HOST_IS_LITTLE_ENDIAN, swapBytes } from './byte-order.ts';
import { bfloat16ToFloatBits, halfToFloatBits } from './half-float.ts';
import { SafetensorsError } from './safetensors-error.ts';
import type { HeaderEntry } from './read-header.ts';

/** Copies little-endian elements into a fresh typed array of the host's order. */
function copyElements<A extends Float64Array | Float32Array | Int32Array | Uint16Array>(src: Uint8Array, out: A): A {
  const raw = new Uint8Array(out.buffer);
  raw.set(src);
  if (!HOST_IS_LITTLE_ENDIAN) swapBytes(raw, out.BYTES_PER_ELEMENT);
  return out;
}

function outOfRange(entry: HeaderEntry, i: number, value: bigint, op: string): SafetensorsError {
  return new SafetensorsError(`element ${i} does not fit int32`, { op, reason: 'out-of-range', tensor: entry.name, arg: `${entry.name}[${i}]`, expected: 'an integer in [-2147483648, 2147483647]', received: String(value), hint: `${entry.dtype} is read as int32; cast to int32 or a float in Python first` });
}

/**
 * Decodes one validated entry into a tensor. Native dtypes (F64, F32, I32, BOOL) are copied bit for
 * bit; F16 and BF16 widen exactly to float32; I16, U16, I8 and U8 widen exactly to int32; I64 and
 * U32 narrow to int32 after a range check. `floatDType` casts every float tensor on load (F64 to
 * float32 rounds to nearest, ties to even). BOOL bytes other than 0 read as true.
 * @param src the entry's bytes, `end - begin` long
 * @throws SafetensorsError (reason `out-of-range`) for an I64 or U32 value outside int32
 */
export function decodeTensor(src: Uint8Array, entry: HeaderEntry, floatDType: 'float32' | 'float64' | undefined, op: string): Tensor {
  const { size, shape } = entry;
  let values: Float64Array | Float32Array | Int32Array | Uint8Array;
  switch (entry.dtype) {
    case 'F64':
      values = copyElements(src, new Float64Array(size));
      break;
    case 'F32':
      values = copyElements(src, new Float32Array(size));
      break;
    case 'F16':
    case 'BF16': {
      const half = copyElements(src, new Uint16Array(size));
      const bits = new Uint32Array(size);
      if (entry.dtype === 'F16') halfToFloatBits(half, bits);
      else bfloat16ToFloatBits(half, bits);
      values = new Float32Array(bits.buffer);
      break;
    }
    case 'I32':
      values = copyElements(src, new Int32Array(size));
      break;
    case 'BOOL':
      values = src.slice();
      break;
    default:
      values = decodeInteger(src, entry, op);
  }
  if (floatDType !== undefined && (values instanceof Float64Array || values instanceof Float32Array)) {
    return tensor(values, { shape, dtype: floatDType, allowNonFinite: true });
  }
  // A file holds what was saved, NaN and ±Infinity included (the numeric policy refuses them only
  // as data a user types in).
  const dtype = entry.dtype === 'BOOL' ? 'bool' : values instanceof Float64Array ? 'float64' : values instanceof Float32Array ? 'float32' : 'int32';
  return tensor(values, { shape, dtype, ...(dtype === 'float32' || dtype === 'float64' ? { allowNonFinite: true } : {}) });
}

function decodeInteger(src: Uint8Array, entry: HeaderEntry, op: string): Int32Array {
  const out = new Int32Array(entry.size);
  const view = new DataView(src.buffer, src.byteOffset, src.byteLength);
  switch (entry.dtype) {
    case 'I64':
      for (let i = 0; i < out.length; i++) {
        const lo = view.getUint32(8 * i, true);
        const hi = view.getInt32(8 * i + 4, true);
        // in int32 exactly when the high word is the sign extension of the low word
        if (hi !== (lo >= 0x80000000 ? -1 : 0)) throw outOfRange(entry, i, (BigInt(hi) << 32n) + BigInt(lo), op);
        out[i] = lo | 0;
      }
      break;
    case 'U32':
      for (let i = 0; i < out.length; i++) {
        const v = view.getUint32(4 * i, true);
        if (v > 0x7fffffff) throw outOfRange(entry, i, BigInt(v), op);
        out[i] = v;
      }
      break;
    case 'I16':
      for (let i = 0; i < out.length; i++) out[i] = view.getInt16(2 * i, true);
      break;
    case 'U16':
      for (let i = 0; i < out.length; i++) out[i] = view.getUint16(2 * i, true);
      break;
    case 'I8':
      for (let i = 0; i < out.length; i++) out[i] = view.getInt8(i);
      break;
    default: // U8
      out.set(src);
  }
  return out;
}

