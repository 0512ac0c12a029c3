import { describe, expect, it } from 'vitest';
import { transformers } from '../src/tour/transformers.ts';

describe('tour: chapter 7', () => {
  it('shows that attention rows sum to 1 and are not symmetric, and trains a small language model', () => {
    const lines: string[] = [];
    transformers.run((l = '') => lines.push(l));
    const text = lines.join('\n');
    expect(text).toContain('row sums 1.0000, 1.0000, 1.0000, 1.0000');
    const [a01, a10] = [...text.matchAll(/A\[(?:0\]\[1|1\]\[0)\] = ([\d.]+)/g)].map((m) => Number(m[1]));
    expect(a01).not.toBe(a10);
    const m = /validation cross-entropy ([\d.]+) nats\/char \(unigram ([\d.]+), bigram ([\d.]+)\)/.exec(text);
    expect(Number(m?.[1])).toBeLessThan(Number(m?.[2]));
    expect(text).toMatch(/generate \(KV cache, seed 1\): "And God said.{60}"/s);
  }, 120_000);
});
