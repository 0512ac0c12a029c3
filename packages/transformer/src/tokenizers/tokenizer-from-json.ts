import { ValueError } from '@gradlab/core-tensor';
import type { CharTokenizer } from './char-tokenizer.ts';
import { charTokenizer } from './char-tokenizer.ts';
import type { BpeTokenizer } from './bpe-tokenizer.ts';
import { bpeTokenizer } from './bpe-tokenizer.ts';

function fail(summary: string, arg: string, expected: unknown, received: unknown, hint?: string): never {
  throw new ValueError(summary, { pkg: 'transformer', op: 'tokenizerFromJSON', arg, expected, received, ...(hint === undefined ? {} : { hint }) });
}

/**
 * Rebuilds a tokenizer from what its `toJSON()` returned (or that object after
 * `JSON.stringify`/`JSON.parse`); a string is parsed first. The JSON is validated: kind, version
 * and every entry of the vocabulary or the merges.
 * @param json the saved tokenizer: an object `{ kind: 'char' | 'bpe', version: 1, ... }` or its JSON text
 * @returns a tokenizer of the saved kind that encodes and decodes exactly as the saved one
 * @throws ValueError for text that is not JSON, an unknown kind or version, or a malformed vocabulary or merge list
 * @example
 * const tok = trainBpe('abababab', { vocabSize: 258 });
 * const back = tokenizerFromJSON(JSON.stringify(tok));
 * back.encode('abab'); // the same ids as tok.encode('abab')
 */
export function tokenizerFromJSON(json: unknown): CharTokenizer | BpeTokenizer {
  let obj = json;
  if (typeof json === 'string') {
    try {
      obj = JSON.parse(json) as unknown;
    } catch (e) {
      fail('the text is not JSON', 'json', 'JSON text of a saved tokenizer', e instanceof Error ? e.message : String(e));
    }
  }
  if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) fail('expects a saved tokenizer object', 'json', 'an object { kind, version, ... }', obj === null ? 'null' : Array.isArray(obj) ? 'an array' : typeof obj);
  const o = obj as Record<string, unknown>;
  if (o.kind !== 'char' && o.kind !== 'bpe') fail('unknown tokenizer kind', 'json.kind', "'char' or 'bpe'", o.kind);
  if (o.version !== 1) fail('unsupported version', 'json.version', 1, o.version, 'saved by a newer @gradlab/transformer?');
  if (o.kind === 'char') {
    if (!Array.isArray(o.chars)) fail('a char tokenizer needs its vocabulary', 'json.chars', 'an array of one-code-point strings', o.chars);
    return charTokenizer({ chars: o.chars as string[] });
  }
  if (!Array.isArray(o.merges)) fail('a BPE tokenizer needs its merges', 'json.merges', 'an array of [a, b] pairs', o.merges);
  return bpeTokenizer(o.merges as [number, number][]);
}
