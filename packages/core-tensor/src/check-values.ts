import type { DType } from './dtype.ts';
import { ValueError } from './errors.ts';

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

/**
 * Checks values about to be written into a tensor of dtype `dtype` (PyTorch's rule for int32:
 * non-finite or out-of-range values are refused, not wrapped). Floats reject NaN/±Infinity
 * unless `allowNonFinite`.
 */
export function checkValuesFor(op: string, arg: string, values: ArrayLike<number>, dtype: DType, allowNonFinite: boolean): void {
  if (dtype === 'bool') return;
  if (dtype === 'int32') {
    for (let i = 0; i < values.length; i++) {
      const v = values[i] as number;
      if (!(v >= INT32_MIN && v < INT32_MAX + 1)) {
        throw new ValueError('value cannot be converted to int32 without overflow', {
          op,
          arg: values.length === 1 ? arg : `${arg}[${i}]`,
          expected: `a finite number in [${INT32_MIN}, ${INT32_MAX}]`,
          received: v,
          hint: "use dtype 'float64' for large or non-finite values",
        });
      }
    }
    return;
  }
  if (allowNonFinite) return;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (!Number.isFinite(v)) {
      throw new ValueError('data must be finite numbers', {
        op,
        arg: values.length === 1 ? arg : `${arg}[${i}]`,
        expected: 'a finite number',
        received: v,
        hint: 'pass { allowNonFinite: true } to store NaN or ±Infinity on purpose (e.g. a -Infinity mask)',
      });
    }
  }
}

