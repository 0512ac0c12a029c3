import { dataset } from '../dataset.ts';
import type { Dataset } from '../dataset.ts';
import { DIGITS_PIXELS_BASE64, DIGITS_T } from './digits-data.ts';

const N = 1797;

/**
 * Handwritten digits (UCI optical recognition test set, Alpaydin 1998): 1,797 images of 8×8
 * pixels with grey levels 0..16, classes 0..9. Shipped in the package, from Debian's python3-sklearn.
 * @returns a data set `x [1797, 64]` (pixel (r, c) in column 8r + c), `t [1797]` with classes '0'..'9'
 * @example
 * const digits = loadDigits();
 * digits.x.data.subarray(0, 8); // the first row of the first image
 */
export function loadDigits(): Dataset {
  const bytes = atob(DIGITS_PIXELS_BASE64);
  const x = new Float64Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) x[i] = bytes.charCodeAt(i);
  const featureNames: string[] = [];
  for (let r = 0; r < 8; r++) for (let c = 0; c < 8; c++) featureNames.push(`pixel_${r}_${c}`);
  return dataset({ data: x, shape: [N, 64] }, Array.from(DIGITS_T, Number), {
    featureNames,
    targetName: 'digit',
    classNames: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
    name: 'digits',
  });
}
