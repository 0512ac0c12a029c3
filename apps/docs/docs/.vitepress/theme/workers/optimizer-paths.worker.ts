// The optimizer-paths demo's worker: runs each optimizer's `minimize` off the page's thread and
// sends every finished path back as progress, so the figure fills in optimizer by optimizer. A new
// request cancels the old one between runs (and between steps, through onStep).
import { optimizerPath, type Path, type PathSetup } from '../../../../examples/optimizer-paths.ts';
import { expose } from '../lib/worker-rpc.ts';
import { workerReady } from '../lib/worker-backend.ts';

expose({
  async paths(args: { setups: PathSetup[]; backend: string }, progress: (path: Path) => void, signal: AbortSignal): Promise<Path[]> {
    await workerReady(args.backend);
    const out: Path[] = [];
    for (const setup of args.setups) {
      // Let a cancel message in before each run.
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (signal.aborted) throw new Error('cancelled');
      const path = optimizerPath(setup, signal);
      out.push(path);
      progress(path);
    }
    return out;
  },
});
