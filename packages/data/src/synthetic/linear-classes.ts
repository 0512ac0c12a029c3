import { requireOptions, ValueError } from '@gradlab/core-tensor';
import { dataset } from '../dataset.ts';
import type { Dataset } from '../dataset.ts';
import type { Seed } from '../seed.ts';
import { toRng } from '../seed.ts';
import { checkCount, checkNonNegative } from './check-count.ts';

/** Options of {@link linearClasses}. */
export interface LinearClassesOptions {
  /** Number of samples N (default 100). */
  n?: number;
  /** `true` (default): the classes are separated by a margin; `false`: they overlap. */
  separable?: boolean;
  /** Half-width of the empty band around the boundary when separable (default 0.1). */
  margin?: number;
  /** When not separable: standard deviation of the Gaussian noise added to θᵀu before labelling (default 0.5). */
  overlap?: number;
  /** The boundary θ0 + θ1 x1 + θ2 x2 = 0 as `[θ0, θ1, θ2]` (default `[0, 1, -1]`, the diagonal). */
  theta?: readonly [number, number, number];
  /** Seed (default 0). */
  seed?: Seed;
}

/**
 * Two classes in the plane divided by a line: x uniform on [-1, 1]², t = 1 where θᵀu(x) > 0 with
 * u(x) = [1, x1, x2]. Separable: points closer to the line than `margin` are redrawn, so a
 * perceptron converges. Not separable: Gaussian noise is added to θᵀu(x) before labelling, so
 * labels near the line are mixed and no line classifies every point.
 * @param options `n`, `separable`, `margin`, `overlap`, `theta`, `seed`
 * @returns a data set `x [N, 2]`, `t [N]` with classes 0 and 1
 * @throws ValueError when N is not a positive integer, `margin`/`overlap` are negative, or θ1 = θ2 = 0
 * @example
 * linearClasses({ n: 50, separable: true, margin: 0.2, seed: 3 });
 */
export function linearClasses(options: LinearClassesOptions = {}): Dataset {
  options = requireOptions(options, { pkg: 'data', op: 'linearClasses' }, ['n', 'separable', 'margin', 'overlap', 'theta', 'seed']);
  const op = 'linearClasses';
  const n = checkCount(options.n ?? 100, op);
  const margin = checkNonNegative(options.margin ?? 0.1, op, 'options.margin');
  const overlap = checkNonNegative(options.overlap ?? 0.5, op, 'options.overlap');
  const [b, w1, w2] = options.theta ?? [0, 1, -1];
  const norm = Math.hypot(w1, w2);
  if (norm === 0) {
    throw new ValueError('the boundary needs a direction', { pkg: 'data', op, arg: 'options.theta', expected: 'θ1 or θ2 non-zero', received: [b, w1, w2] });
  }
  const separable = options.separable !== false;
  const r = toRng(options.seed);
  const x = new Float64Array(2 * n);
  const t = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let a: number;
    let c: number;
    let s: number;
    let tries = 0;
    do {
      a = r.uniform(-1, 1);
      c = r.uniform(-1, 1);
      s = (b + w1 * a + w2 * c) / norm;
      tries++;
      if (tries > 10000) {
        throw new ValueError('the margin leaves no room in [-1, 1]²', { pkg: 'data', op, arg: 'options.margin', expected: 'a smaller margin', received: margin });
      }
    } while (separable && Math.abs(s) < margin);
    x[2 * i] = a;
    x[2 * i + 1] = c;
    t[i] = (separable ? s : s + r.normal(0, overlap)) > 0 ? 1 : 0;
  }
  return dataset({ data: x, shape: [n, 2] }, t, { featureNames: ['x1', 'x2'], classNames: ['0', '1'], name: separable ? 'linear-separable' : 'linear-overlapping' });
}
