import type { Dataset } from '../dataset.ts';
import { gaussianBlobs } from '../synthetic/gaussian-blobs.ts';
import { linearClasses } from '../synthetic/linear-classes.ts';
import { sinusoid } from '../synthetic/sinusoid.ts';
import { twoMoons } from '../synthetic/two-moons.ts';
import { xor } from '../synthetic/xor.ts';
import { loadBreastCancer } from './load-breast-cancer.ts';
import { loadDigits } from './load-digits.ts';
import { loadIris } from './load-iris.ts';

/**
 * The data sets that can be named by a string (CLI, config): the shipped real data and the
 * synthetic generators at their defaults (seed 0). Frozen; build your own map to add names.
 * @example
 * builtinDatasets.iris().t.length; // 150
 */
export const builtinDatasets: Readonly<Record<string, () => Dataset>> = Object.freeze({
  iris: loadIris,
  digits: loadDigits,
  'breast-cancer': loadBreastCancer,
  sinusoid: () => sinusoid(),
  blobs: () => gaussianBlobs(),
  moons: () => twoMoons(),
  xor: () => xor(),
  'linear-separable': () => linearClasses({ separable: true }),
  'linear-overlapping': () => linearClasses({ separable: false }),
});
