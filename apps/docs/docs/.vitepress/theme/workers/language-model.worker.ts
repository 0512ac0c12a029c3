// The language-model demo's worker: fetches the weights once, then continues prompts (streaming
// the text as it grows) and returns every head's attention, off the page's thread.
import { continueText, loadCharLm, promptAttention, type CharLm, type ContinueOptions, type PromptAttention } from '../../../../examples/char-lm.ts';
import { expose } from '../lib/worker-rpc.ts';
import { workerReady } from '../lib/worker-backend.ts';

/** What `load` answers. */
export interface LoadedLm {
  readonly backend: string;
  readonly parameters: number;
  readonly layers: number;
  readonly heads: number;
  readonly dModel: number;
  readonly contextLength: number;
  readonly vocabSize: number;
  readonly corpus: string;
  readonly bytes: number;
}

let model: CharLm | undefined;

function loaded(): CharLm {
  if (model === undefined) throw new Error('load the model first');
  return model;
}

expose({
  async load(args: { url: string; backend: string }): Promise<LoadedLm> {
    const backend = await workerReady(args.backend);
    const res = await fetch(args.url);
    if (!res.ok) throw new Error(`cannot fetch ${args.url}: HTTP ${res.status}`);
    const bytes = new Uint8Array(await res.arrayBuffer());
    model = loadCharLm(bytes);
    const { lm } = model;
    return {
      backend, parameters: lm.numParameters(), layers: lm.layers, heads: lm.heads, dModel: lm.dModel,
      contextLength: lm.contextLength, vocabSize: lm.vocabSize, corpus: model.metadata['gradlab.corpus'] ?? '?', bytes: bytes.length,
    };
  },
  generate(args: { prompt: string } & ContinueOptions, progress: (text: string) => void): string {
    return continueText(loaded(), args.prompt, args, progress);
  },
  attention(args: { prompt: string }): PromptAttention {
    return promptAttention(loaded(), args.prompt);
  },
});
