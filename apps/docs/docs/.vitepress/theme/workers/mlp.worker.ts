// The MLP demo's worker: trains with fitAsync off the page's thread and streams one frame per
// epoch (the loss; the decision region and the gradient norms every 5 epochs). A new run cancels
// the old one: fitAsync yields between steps, so the cancel message is seen at the next step.
import { trainMlp, type MlpFrame, type MlpSetup } from '../../../../examples/mlp-demo.ts';
import { expose } from '../lib/worker-rpc.ts';
import { workerReady } from '../lib/worker-backend.ts';

expose({
  async train(args: { setup: MlpSetup; backend: string }, progress: (frame: MlpFrame) => void, signal: AbortSignal): Promise<number[]> {
    await workerReady(args.backend);
    return trainMlp(args.setup, progress, signal);
  },
});
