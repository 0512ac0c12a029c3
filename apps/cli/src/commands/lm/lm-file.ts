import { readFileSync } from 'node:fs';
import { readModel } from '@gradlab/models-nn';
import { LanguageModel, tokenizerFromJSON, transformerLayers } from '@gradlab/transformer';
import type { Tokenizer } from '@gradlab/transformer';
import { RunError } from '../../cli-error.ts';

/** The metadata key of the tokenizer in a language-model file. */
export const TOKENIZER_KEY = 'gradlab.tokenizer';

/** Loads a language model saved by `gradlab train lm --save`, with its tokenizer. */
export function readLanguageModel(path: string): { lm: LanguageModel; tokenizer: Tokenizer; metadata: Record<string, string> } {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch {
    throw new RunError(`cannot read the model file '${path}'`, 'check the path; train one with gradlab train lm --save lm.safetensors');
  }
  const { model, metadata } = readModel(bytes, { layers: transformerLayers });
  if (!(model instanceof LanguageModel)) throw new RunError(`'${path}' holds a ${model.kind}, not a language model`, 'use gradlab predict for MLPs');
  const text = metadata[TOKENIZER_KEY];
  if (text === undefined) throw new RunError(`'${path}' has no tokenizer in its metadata`, 'save language models with gradlab train lm --save');
  return { lm: model, tokenizer: tokenizerFromJSON(text), metadata };
}
