import { requireFunction, requireInteger, requireOptions, ValueError } from '@gradlab/core-tensor';

/** Options of {@link checkConvexity}: an interval for a 1-D function or a box for a 2-D one. */
export type ConvexityRegion =
  | { readonly interval: readonly [number, number]; readonly points?: number; readonly relativeTolerance?: number }
  | {
      readonly box: readonly [readonly [number, number], readonly [number, number]];
      readonly points?: number;
      readonly relativeTolerance?: number;
    };

/** The answer of {@link checkConvexity}. */
export interface ConvexityReport {
  /** True when the smallest curvature found is non-negative within the rounding tolerance. */
  convex: boolean;
  /** The smallest second derivative (1-D) or smallest Hessian eigenvalue (2-D) on the grid. */
  minCurvature: number;
  /** Where it was found: `[x]` or `[x, y]`. */
  at: number[];
  /**
   * How far below 0 a curvature may be and still count as 0: the rounding error of the differences
   * plus `relativeTolerance` (default 1e-3) times the largest |curvature| on the grid, which covers
   * their O(h²) truncation error where the true curvature is 0 (as along a line of log-sum-exp).
   */
  tolerance: number;
}

const EPS = Number.EPSILON;

function requireRange(op: string, arg: string, r: readonly [number, number]): void {
  const [a, b] = r;
  if (!Number.isFinite(a) || !Number.isFinite(b) || !(a < b)) {
    throw new ValueError('expected a finite range with low < high', { pkg: 'optim', op, arg, expected: '[low, high], low < high', received: [a, b] });
  }
}

/**
 * Checks numerically whether a function of one or two variables is convex on an interval or box:
 * a twice-differentiable g is convex there iff its second derivative (1-D) or its Hessian (2-D) is
 * positive semi-definite everywhere. The check evaluates central second differences on a
 * `points`-point grid (per axis) and reports the smallest curvature; it is a numeric test on a
 * grid, so a dent narrower than the grid spacing can go unseen.
 *
 * @param f the function, `f(x)` or `f(x, y)`
 * @param region `{ interval: [a, b] }` or `{ box: [[a, b], [c, d]] }`, `points` per axis
 *   (default 201 for 1-D, 41 for 2-D), and `relativeTolerance` (default 1e-3)
 * @returns a {@link ConvexityReport}
 * @throws ValueError when the region is empty or not finite, or `f` returns a non-finite value
 * @example
 * ```ts
 * checkConvexity((x) => x ** 4, { interval: [-2, 2] }).convex;             // true
 * checkConvexity((x, y) => x * x - y * y, { box: [[-1, 1], [-1, 1]] }).convex; // false (a saddle)
 * ```
 */
export function checkConvexity(f: (...x: number[]) => number, region: ConvexityRegion): ConvexityReport {
  const op = 'checkConvexity';
  requireFunction(f, { pkg: 'optim', op, arg: 'f' });
  requireOptions(region, { pkg: 'optim', op, arg: 'region' }, ['interval', 'box', 'points', 'relativeTolerance']);
  if (region === undefined) throw new ValueError('a region is required', { pkg: 'optim', op, arg: 'region', expected: '{ interval: [a, b] } or { box: [[a, b], [c, d]] }', received: 'undefined' });
  const evaluate = (...x: number[]): number => {
    const v = f(...x);
    if (!Number.isFinite(v)) {
      throw new ValueError('the function is not finite on the region', { pkg: 'optim', op, arg: 'f', expected: 'finite values', received: `f(${x.join(', ')}) = ${v}` });
    }
    return v;
  };
  if (!('interval' in region) && !('box' in region)) {
    throw new ValueError('the region needs an interval or a box', { pkg: 'optim', op, arg: 'region', expected: '{ interval: [a, b] } or { box: [[a, b], [c, d]] }', received: 'neither' });
  }
  if (region.points !== undefined) requireInteger(region.points, { pkg: 'optim', op, arg: 'region.points' }, { min: 3, max: 'box' in region ? 2000 : 1_000_000 });
  const relative = region.relativeTolerance ?? 1e-3;
  if (!(relative >= 0)) {
    throw new ValueError('expected a non-negative tolerance', { pkg: 'optim', op, arg: 'region.relativeTolerance', expected: '>= 0', received: relative });
  }
  if ('interval' in region) {
    requireRange(op, 'region.interval', region.interval);
    const [a, b] = region.interval;
    const n = Math.max(3, Math.floor(region.points ?? 201));
    const h = (b - a) / (n - 1);
    const values = Array.from({ length: n }, (_, k) => evaluate(a + k * h));
    const scale = Math.max(1, ...values.map(Math.abs));
    let min = Number.POSITIVE_INFINITY;
    let largest = 0;
    let at = a;
    for (let k = 1; k + 1 < n; k++) {
      const d2 = ((values[k - 1] ?? 0) - 2 * (values[k] ?? 0) + (values[k + 1] ?? 0)) / (h * h);
      largest = Math.max(largest, Math.abs(d2));
      if (d2 < min) {
        min = d2;
        at = a + k * h;
      }
    }
    const tolerance = (64 * EPS * scale) / (h * h) + relative * largest;
    return { convex: min >= -tolerance, minCurvature: min, at: [at], tolerance };
  }
  requireRange(op, 'region.box[0]', region.box[0]);
  requireRange(op, 'region.box[1]', region.box[1]);
  const [[a, b], [c, d]] = region.box;
  const n = Math.max(3, Math.floor(region.points ?? 41));
  const hx = (b - a) / (n - 1);
  const hy = (d - c) / (n - 1);
  const grid: number[][] = [];
  for (let i = 0; i < n; i++) {
    const row: number[] = [];
    for (let j = 0; j < n; j++) row.push(evaluate(a + i * hx, c + j * hy));
    grid.push(row);
  }
  const g = (i: number, j: number): number => grid[i]?.[j] ?? 0;
  const scale = Math.max(1, ...grid.flat().map(Math.abs));
  let min = Number.POSITIVE_INFINITY;
  let largest = 0;
  let at: number[] = [a, c];
  for (let i = 1; i + 1 < n; i++) {
    for (let j = 1; j + 1 < n; j++) {
      const fxx = (g(i - 1, j) - 2 * g(i, j) + g(i + 1, j)) / (hx * hx);
      const fyy = (g(i, j - 1) - 2 * g(i, j) + g(i, j + 1)) / (hy * hy);
      const fxy = (g(i + 1, j + 1) - g(i + 1, j - 1) - g(i - 1, j + 1) + g(i - 1, j - 1)) / (4 * hx * hy);
      // The smaller eigenvalue of [[fxx, fxy], [fxy, fyy]].
      const radius = Math.hypot((fxx - fyy) / 2, fxy);
      const lambda = (fxx + fyy) / 2 - radius;
      largest = Math.max(largest, Math.abs(lambda), Math.abs((fxx + fyy) / 2 + radius));
      if (lambda < min) {
        min = lambda;
        at = [a + i * hx, c + j * hy];
      }
    }
  }
  const tolerance = (64 * EPS * scale) / Math.min(hx * hx, hy * hy) + relative * largest;
  return { convex: min >= -tolerance, minCurvature: min, at, tolerance };
}
