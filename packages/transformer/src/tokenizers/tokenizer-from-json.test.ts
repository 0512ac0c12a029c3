import { describe, expect, it } from 'vitest';
import { ValueError } from '@gradlab/core-tensor';
import { tokenizerFromJSON } from './tokenizer-from-json.ts';
import { charTokenizer } from './char-tokenizer.ts';

describe('tokenizerFromJSON', () => {
  it('restores a char tokenizer from an object or a string', () => {
    const tok = charTokenizer('hello');
    expect(tokenizerFromJSON(tok.toJSON()).encode('hello')).toEqual(tok.encode('hello'));
    expect(tokenizerFromJSON(JSON.stringify(tok)).decode([1, 2])).toBe('hl');
  });

  it('validates the JSON with typed errors', () => {
    const cases: [unknown, RegExp][] = [
      ['{not json', /not JSON/],
      [null, /saved tokenizer object/],
      [[1, 2], /saved tokenizer object/],
      [{ kind: 'wordpiece', version: 1 }, /unknown tokenizer kind/],
      [{ kind: 'bpe', version: 2, merges: [] }, /unsupported version/],
      [{ kind: 'bpe', version: 1 }, /json.merges/],
      [{ kind: 'bpe', version: 1, merges: [[1]] }, /merges\[0\]/],
      [{ kind: 'bpe', version: 1, merges: [[1, 300]] }, /merges\[0\]/],
      [{ kind: 'char', version: 1, chars: 'abc' }, /json.chars/],
      [{ kind: 'char', version: 1, chars: ['a', 7] }, /chars\[1\]/],
    ];
    for (const [json, re] of cases) {
      expect(() => tokenizerFromJSON(json)).toThrow(ValueError);
      expect(() => tokenizerFromJSON(json)).toThrow(re);
    }
  });
});
