// The polynomial-fit demo's resampling (chapter 3): the decomposition L_p(θ_D) = min L_p + bias +
// estimation error averaged over many training sets, for every M (or every N), off the page's
// thread. One row per (M, N) is sent back as progress, so the figure fills in as it goes.
import { expose } from './worker-rpc.ts';
import { workerReady } from './worker-backend.ts';
import { decompositionAt, degrees, sizes, type DecompositionPoint } from '../../../../examples/polynomial-fit.ts';

/** What the page asks for: the decomposition against M (at its N) or against N (at its M). */
export interface DecompositionRequest {
  readonly axis: 'M' | 'N';
  readonly degree: number;
  readonly n: number;
  readonly lambda: number;
  readonly seed: number;
  /** How many training sets D are drawn per point. */
  readonly datasets: number;
  /** The page's backend, as `ready()` gave it there: the worker follows it (it cannot see `?backend=js`). */
  readonly backend: string;
}

expose({
  async decomposition(req: DecompositionRequest, progress: (row: DecompositionPoint) => void, signal: AbortSignal): Promise<DecompositionPoint[]> {
    await workerReady(req.backend);
    const points = req.axis === 'M' ? degrees.map((m) => [m, req.n] as const) : sizes.map((n) => [req.degree, n] as const);
    const rows: DecompositionPoint[] = [];
    for (const [m, n] of points) {
      if (signal.aborted) throw new Error('cancelled');
      const row = decompositionAt(m, n, req.lambda, req.seed, req.datasets);
      rows.push(row);
      progress(row);
      // Let a cancel message in between rows.
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    return rows;
  },
});
