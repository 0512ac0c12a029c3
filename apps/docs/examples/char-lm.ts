// The language-model demo of the transformers page: a small character-level model trained by
// `gradlab train lm` (see docs/public/models/README.md for the command), loaded from its
// safetensors file, continuing a prompt and showing its attention. The page's worker and the test
// call these same functions, so the text and the weights the page shows are the ones Node computes.
import { readModel } from '@gradlab/models-nn';
import { LanguageModel, tokenizerFromJSON, transformerLayers, type Tokenizer } from '@gradlab/transformer';

/** The weights file, relative to the site's base (and to docs/public/ in the repository). */
export const CHAR_LM_PATH = '/models/char-lm.safetensors';

/** The metadata key under which `gradlab train lm --save` stores the tokenizer. */
export const TOKENIZER_KEY = 'gradlab.tokenizer';

/** A language model with the tokenizer it was trained with. */
export interface CharLm {
  readonly lm: LanguageModel;
  readonly tokenizer: Tokenizer;
  readonly metadata: Readonly<Record<string, string>>;
}

/**
 * Rebuilds the model saved by `gradlab train lm --save`: the architecture and the tokenizer are in
 * the file's metadata, the weights in its tensors (the same calls as `gradlab generate`).
 * @param bytes the safetensors file
 */
export function loadCharLm(bytes: Uint8Array): CharLm {
  const { model, metadata } = readModel(bytes, { layers: transformerLayers });
  if (!(model instanceof LanguageModel)) throw new Error(`the file holds a ${model.kind}, not a language model`);
  const json = metadata[TOKENIZER_KEY];
  if (json === undefined) throw new Error('the file has no tokenizer in its metadata');
  model.eval();
  return { lm: model, tokenizer: tokenizerFromJSON(json), metadata };
}

/** What {@link continueText} takes. */
export interface ContinueOptions {
  /** New characters (tokens) to generate. */
  readonly tokens: number;
  /** The softmax temperature τ (ignored when greedy). */
  readonly temperature: number;
  /** The sampler's seed. */
  readonly seed: number;
  /** Take the most probable token at each step (τ → 0). */
  readonly greedy: boolean;
}

/**
 * Continues `prompt` one token at a time with `lm.generate` (KV cache on).
 * @param onText receives the continuation so far after each token
 * @returns the continuation (without the prompt)
 */
export function continueText(model: CharLm, prompt: string, options: ContinueOptions, onText?: (text: string) => void): string {
  const ids = model.tokenizer.encode(prompt);
  if (ids.length === 0) throw new Error('the prompt is empty');
  const made: number[] = [];
  model.lm.generate(ids, {
    tokens: options.tokens,
    temperature: options.greedy ? 0 : options.temperature,
    seed: options.seed,
    onToken: (id) => {
      made.push(id);
      onText?.(model.tokenizer.decode(made));
    },
  });
  return model.tokenizer.decode(made);
}

/** Every head's attention on a prompt. */
export interface PromptAttention {
  /** One label per token (the prompt's last contextLength tokens). */
  readonly tokens: string[];
  readonly layers: number;
  readonly heads: number;
  /** `weights[layer][head][query][key]`; zero above the diagonal (the causal mask). */
  readonly weights: number[][][][];
}

/**
 * The attention weights $a_{nm}$ of every block and head of the model on `prompt`
 * (`lm.attentionWeights`), over its last `contextLength` tokens.
 */
export function promptAttention(model: CharLm, prompt: string): PromptAttention {
  const { lm, tokenizer } = model;
  const ids = tokenizer.encode(prompt).slice(-lm.contextLength);
  if (ids.length === 0) throw new Error('the prompt is empty');
  const weights: number[][][][] = [];
  for (let layer = 0; layer < lm.layers; layer++) {
    const perHead: number[][][] = [];
    for (let head = 0; head < lm.heads; head++) perHead.push(lm.attentionWeights(ids, { layer, head }).toArray() as number[][]);
    weights.push(perHead);
  }
  return { tokens: ids.map((id) => tokenizer.decode([id])), layers: lm.layers, heads: lm.heads, weights };
}

/** How the page prints an attention weight. */
export const formatWeight = (w: number): string => w.toFixed(4);
