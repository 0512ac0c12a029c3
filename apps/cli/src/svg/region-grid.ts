import type { Dataset } from '@gradlab/data';

/** An n × n grid over a two-input data set (10% margin), for decision-region plots. */
export interface RegionGrid {
  /** Cell centres along x0 and x1. */
  readonly gx: Float64Array;
  readonly gy: Float64Array;
  /** The n² cell centres as rows `[x0, x1]`, row j·n + i at (gx[i], gy[j]). */
  readonly cells: Float64Array;
  /** The plot's ranges: the grid's outer cell edges. */
  readonly xRange: readonly [number, number];
  readonly yRange: readonly [number, number];
}

/** Lays an n × n grid over the two columns of `data`. */
export function regionGrid(data: Dataset, n: number): RegionGrid {
  const range = (j: number): Float64Array => {
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = 0; i < data.t.length; i++) {
      lo = Math.min(lo, data.x.data[i * 2 + j] as number);
      hi = Math.max(hi, data.x.data[i * 2 + j] as number);
    }
    const m = 0.1 * (hi - lo || 1);
    return Float64Array.from({ length: n }, (_, i) => lo - m + ((hi - lo + 2 * m) * (i + 0.5)) / n);
  };
  const gx = range(0);
  const gy = range(1);
  const cells = new Float64Array(n * n * 2);
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      cells[(j * n + i) * 2] = gx[i] as number;
      cells[(j * n + i) * 2 + 1] = gy[j] as number;
    }
  }
  const half = (a: Float64Array): number => ((a[1] as number) - (a[0] as number)) / 2;
  return { gx, gy, cells, xRange: [(gx[0] as number) - half(gx), (gx[n - 1] as number) + half(gx)], yRange: [(gy[0] as number) - half(gy), (gy[n - 1] as number) + half(gy)] };
}

/** The two columns of a two-input data set, for a scatter plot. */
export function columns(data: Dataset): [Float64Array, Float64Array] {
  const n = data.t.length;
  return [Float64Array.from({ length: n }, (_, i) => data.x.data[i * 2] as number), Float64Array.from({ length: n }, (_, i) => data.x.data[i * 2 + 1] as number)];
}
