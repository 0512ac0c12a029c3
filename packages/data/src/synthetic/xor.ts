import { requireFinite, requireOptions } from '@gradlab/core-tensor';
import { dataset } from '../dataset.ts';
import type { Dataset } from '../dataset.ts';
import type { Seed } from '../seed.ts';
import { toRng } from '../seed.ts';
import { checkCount } from './check-count.ts';

/** Options of {@link xor}. */
export interface XorOptions {
  /** Number of samples N (default 100). */
  n?: number;
  /** Probability of flipping each label (default 0). */
  flip?: number;
  /** Seed (default 0). */
  seed?: Seed;
}

/**
 * The XOR problem: x uniform on [-1, 1]², t = 1 when x1 and x2 have different signs. A linear model
 * in x fails; adding the feature x1·x2 (or a hidden layer) solves it.
 * @param options `n`, `flip` (label noise), `seed`
 * @returns a data set `x [N, 2]`, `t [N]` with classes 0 and 1
 * @throws ValueError when N is not a positive integer or `flip` is not in [0, 1]
 * @example
 * xor({ n: 4, seed: 0 }).t; // 1 where x1·x2 < 0
 */
export function xor(options: XorOptions = {}): Dataset {
  options = requireOptions(options, { pkg: 'data', op: 'xor' }, ['n', 'flip', 'seed']);
  const n = checkCount(options.n ?? 100, 'xor');
  const flip = requireFinite(options.flip ?? 0, { pkg: 'data', op: 'xor', arg: 'options.flip' }, { min: 0, max: 1 });
  const r = toRng(options.seed);
  const x = new Float64Array(2 * n);
  const t = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const a = r.uniform(-1, 1);
    const b = r.uniform(-1, 1);
    x[2 * i] = a;
    x[2 * i + 1] = b;
    const label = a * b < 0 ? 1 : 0;
    t[i] = flip > 0 && r.bernoulli(Math.min(flip, 1)) === 1 ? 1 - label : label;
  }
  return dataset({ data: x, shape: [n, 2] }, t, { featureNames: ['x1', 'x2'], classNames: ['0', '1'], name: 'xor' });
}
