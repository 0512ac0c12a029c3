// Byte-level BPE trained on the whole of Genesis (about 200 KB): exact round trip and compression.
import { describe, expect, it } from 'vitest';
import { loadTextCorpus } from '@gradlab/data';
import { tokenizerFromJSON, trainBpe } from '../src/index.ts';

describe('trainBpe on Genesis', () => {
  const { text } = loadTextCorpus();

  it('learns 256 merges, round-trips the corpus and compresses it', () => {
    const start = performance.now();
    const tok = trainBpe(text, { vocabSize: 512 });
    const ms = performance.now() - start;
    expect(tok.vocabSize).toBe(512);
    const ids = tok.encode(text);
    expect(tok.decode(ids)).toBe(text);
    const bytes = new TextEncoder().encode(text).length;
    console.log(`Genesis BPE 512: trained in ${ms.toFixed(0)} ms; ${bytes} bytes -> ${ids.length} ids (${(bytes / ids.length).toFixed(2)} bytes/id)`);
    expect(ids.length).toBeLessThan(bytes / 2.4);
    // the most frequent pairs of English come first: ' t' + 'h' ... 'the' must be a single id
    expect(tok.encode(' the')).toHaveLength(1);
    const back = tokenizerFromJSON(JSON.parse(JSON.stringify(tok)));
    expect(back.encode(text)).toEqual(ids);
  });
});
