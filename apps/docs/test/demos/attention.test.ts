import { describe, expect, it } from 'vitest';
import { demoAttention } from '../../examples/attention-demo.ts';
import { output, screenshot, useSite, withPage } from '../browser.ts';

describe('docs site: the attention demo (chapter 7)', () => {
  const url = useSite();

  it('attention demo: shows the weights scaledDotProductAttention gives in Node; the causal mask zeroes the future', async () => {
    const full = demoAttention({ seed: 0, causal: false });
    const masked = demoAttention({ seed: 0, causal: true });
    expect(full.every((row) => Math.abs(row.reduce((a, b) => a + b, 0) - 1) < 1e-6)).toBe(true);
    expect(masked[1]?.[2]).toBe(0);
    expect(full[1]?.[2]).not.toBeCloseTo(full[2]?.[1] ?? 0, 3); // not symmetric
    await withPage(async (page, errors) => {
      await page.goto(`${url()}guide/transformers.html`, { waitUntil: 'networkidle' });
      const demo = page.locator('[data-demo="attention"]');
      await expect.poll(() => output(demo, 'a12')).toBe((full[1]?.[2] ?? 0).toFixed(2));
      await expect(output(demo, 'a21')).resolves.toBe((full[2]?.[1] ?? 0).toFixed(2));
      await expect(output(demo, 'backend')).resolves.toContain('(wasm backend)');
      // Plot's heatmap: 36 cells, each labelled with its weight as Node computes it.
      const cells = demo.locator('[data-output="weights"] g[aria-label="cell"] rect');
      await expect(cells.count()).resolves.toBe(36);
      const labels = await demo.locator('[data-output="weights"] g[aria-label="text"] text').allTextContents();
      expect(labels).toEqual(full.flat().map((w) => w.toFixed(2)));
      await screenshot(demo, 'attention');
      await demo.locator('[data-control="causal"]').check();
      await expect.poll(() => output(demo, 'a12')).toBe('0.00');
      await expect.poll(() => demo.locator('[data-output="weights"] g[aria-label="text"] text').allTextContents()).toEqual(masked.flat().map((w) => w.toFixed(2)));
      expect(errors).toEqual([]);
    });
  });

  it('attention demo: the js fallback (?backend=js) shows the same numbers', async () => {
    const full = demoAttention({ seed: 0, causal: false });
    await withPage(async (page, errors) => {
      await page.goto(`${url()}guide/transformers.html?backend=js`, { waitUntil: 'networkidle' });
      const demo = page.locator('[data-demo="attention"]');
      await expect.poll(() => output(demo, 'backend')).toContain('(js backend)');
      await expect.poll(() => output(demo, 'a12')).toBe((full[1]?.[2] ?? 0).toFixed(2));
      await expect(output(demo, 'a21')).resolves.toBe((full[2]?.[1] ?? 0).toFixed(2));
      expect(errors).toEqual([]);
    });
  });
});
