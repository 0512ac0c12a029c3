// The binary-classification demo's worker: trains the perceptron and logistic regression epoch by
// epoch off the page's thread and streams each epoch's frame, pausing briefly between epochs so the
// reader sees the boundary move. A new request (a point added, a slider moved) cancels the old one.
import { trainClassifiers, type ClassifierFrame, type ClassifierSetup } from '../../../../examples/binary-classification-demo.ts';
import { expose } from '../lib/worker-rpc.ts';
import { workerReady } from '../lib/worker-backend.ts';

expose({
  async train(args: { setup: ClassifierSetup; backend: string }, progress: (frame: ClassifierFrame) => void, signal: AbortSignal): Promise<ClassifierFrame | undefined> {
    await workerReady(args.backend);
    return trainClassifiers(args.setup, progress, signal, 40);
  },
});
