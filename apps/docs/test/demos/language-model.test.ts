import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { setBackend } from '@gradlab/core-tensor';
import { initWasmBackend } from '@gradlab/backend-wasm';
import { continueText, formatWeight, loadCharLm, promptAttention, type CharLm, type PromptAttention } from '../../examples/char-lm.ts';
import { output, screenshot, useSite, withPage } from '../browser.ts';

const file = fileURLToPath(new URL('../../docs/public/models/char-lm.safetensors', import.meta.url));
const PROMPT = 'In the beginning';
/** What the page prints: the largest weight of the last character's row, a_{N,m*}. */
const shownWeight = (att: PromptAttention, layer: number, head: number): string =>
  formatWeight(Math.max(...(att.weights[layer]?.[head]?.[att.tokens.length - 1] ?? [])));

describe('docs site: the language-model demo (chapter 7)', () => {
  const url = useSite();
  let model: CharLm;
  beforeAll(async () => {
    // The page computes on the wasm backend (one thread): so does Node here, for the same floats.
    setBackend(await initWasmBackend({ threads: 1, residentBytes: 0 }));
    model = loadCharLm(readFileSync(file));
  });

  it('the committed weights are under 2 MB and rebuild a 2-block character model with its tokenizer', () => {
    expect(statSync(file).size).toBeLessThan(2_000_000);
    expect(model.lm.layers).toBe(2);
    expect(model.lm.heads).toBe(4);
    expect(model.metadata['gradlab.corpus']).toBe('genesis');
    expect(model.tokenizer.decode(model.tokenizer.encode(PROMPT))).toBe(PROMPT);
  });

  it('language-model demo: the greedy continuation and an attention weight are those of Node; the head and block selectors redraw the heatmap', async () => {
    const greedy = continueText(model, PROMPT, { tokens: 120, temperature: 0.8, seed: 1, greedy: true });
    expect(greedy).toHaveLength(120);
    const att = promptAttention(model, PROMPT);
    const T = att.tokens.length;
    expect(T).toBe(PROMPT.length);
    const weight = (layer: number, head: number): string => shownWeight(att, layer, head);
    expect(weight(0, 0)).not.toBe(weight(0, 1));
    await withPage(async (page, errors) => {
      await page.goto(`${url()}guide/transformers.html`, { waitUntil: 'networkidle' });
      const demo = page.locator('[data-demo="language-model"]');
      await expect.poll(() => output(demo, 'model'), { timeout: 60_000 }).toContain('144,640 parameters');
      await expect(output(demo, 'backend')).resolves.toContain('(wasm backend)');
      // The attention heatmap: one cell per pair m ≤ n of the prompt's characters.
      await expect.poll(() => output(demo, 'weight'), { timeout: 30_000 }).toBe(weight(0, 0));
      const cells = demo.locator('[data-output="attention"] g[aria-label="cell"] rect');
      await expect(cells.count()).resolves.toBe((T * (T + 1)) / 2);
      const fills = (): Promise<string> => cells.evaluateAll((rs) => rs.map((r) => r.getAttribute('fill')).join());
      const before = await fills();
      // Sampling (τ = 0.8, seed 1) streams a continuation; then greedy gives Node's text.
      await expect.poll(() => demo.locator('[data-state]').getAttribute('data-state'), { timeout: 60_000 }).toBe('done');
      expect((await output(demo, 'continuation')).length).toBeGreaterThan(0);
      await demo.locator('[data-control="greedy"]').check();
      await expect.poll(() => output(demo, 'continuation'), { timeout: 60_000 }).toBe(greedy.trim());
      await screenshot(demo, 'language-model');
      await demo.locator('[data-control="head"]').selectOption({ label: '2' }); // head 2 (index 1)
      await expect.poll(() => output(demo, 'weight')).toBe(weight(0, 1));
      expect(await fills()).not.toBe(before);
      await demo.locator('[data-control="layer"]').selectOption({ label: '2' }); // block 2
      await expect.poll(() => output(demo, 'weight')).toBe(weight(1, 1));
      expect(errors).toEqual([]);
    });
  }, 240_000);

  it('language-model demo: the js fallback (?backend=js) shows the same numbers', async () => {
    const att = promptAttention(model, PROMPT);
    await withPage(async (page, errors) => {
      await page.goto(`${url()}guide/transformers.html?backend=js`, { waitUntil: 'networkidle' });
      const demo = page.locator('[data-demo="language-model"]');
      await expect.poll(() => output(demo, 'backend')).toContain('(js backend)');
      await expect.poll(() => output(demo, 'weight'), { timeout: 60_000 }).toBe(shownWeight(att, 0, 0));
      expect(errors).toEqual([]);
    });
  }, 240_000);
});
