import { describe, expect, it } from 'vitest';
import { jointFromPrior } from '@gradlab/prob';
import { output, screenshot, setRange, useSite, withPage } from '../browser.ts';
import { formatNumber } from '../../examples/format.ts';

const joint = (prevalence: number, sensitivity: number, falsePositive: number) =>
  jointFromPrior(
    { name: 'disease', probs: [1 - prevalence, prevalence] },
    { name: 'test', probs: [[1 - falsePositive, falsePositive], [1 - sensitivity, sensitivity]] },
  );
const posterior = (prevalence: number, sensitivity: number, falsePositive: number): number =>
  joint(prevalence, sensitivity, falsePositive).bayes('disease', { test: 1 }).posterior[1] ?? Number.NaN;
const fmt = formatNumber;

describe('docs site: the joint-table demo (chapter 1)', () => {
  const url = useSite();

  it("Bayes demo: shows the posterior that @gradlab/prob gives in Node (0.0480816), and follows the sliders", async () => {
    expect(posterior(0.02, 0.99, 0.4)).toBeCloseTo(0.0480816, 7);
    await withPage(async (page, errors) => {
      await page.goto(`${url()}guide/probability.html`, { waitUntil: 'networkidle' });
      const demo = page.locator('[data-demo="bayes"]');
      const out = demo.locator('[data-output="posterior"]');
      await expect(out.textContent()).resolves.toBe(fmt(posterior(0.02, 0.99, 0.4)));
      await expect(out.textContent()).resolves.toBe('0.0480816');
      await expect.poll(() => output(demo, 'backend')).toContain('(wasm backend)');
      // Plot's joint table: four cells, labelled with p(d, r) as Node computes it (rows d, columns r).
      const j = joint(0.02, 0.99, 0.4);
      const cellText = (): Promise<string[]> => demo.locator('[data-output="joint"] g[aria-label="text"] text').allTextContents();
      await expect(demo.locator('[data-output="joint"] g[aria-label="cell"] rect').count()).resolves.toBe(4);
      await expect(cellText()).resolves.toEqual([[0, 0], [0, 1], [1, 0], [1, 1]].map(([d, r]) => `p = ${fmt(j.prob({ disease: d ?? 0, test: r ?? 0 }))}`));
      await expect(demo.locator('[data-output="belief"] g[aria-label="bar"] rect').count()).resolves.toBe(2);
      await expect(demo.locator('[data-output="belief"] g[aria-label="text"] text').allTextContents()).resolves.toEqual(['0.02', '0.0480816']);
      await screenshot(demo, 'bayes');
      await setRange(demo.locator('[data-control="prevalence"]'), 0.1);
      await expect.poll(() => out.textContent()).toBe(fmt(posterior(0.1, 0.99, 0.4)));
      await expect.poll(() => demo.locator('[data-output="belief"] g[aria-label="text"] text').allTextContents()).toEqual(['0.1', fmt(posterior(0.1, 0.99, 0.4))]);
      expect(errors).toEqual([]);
    });
  });

  it('Bayes demo: the js fallback (?backend=js) shows the same numbers', async () => {
    await withPage(async (page, errors) => {
      await page.goto(`${url()}guide/probability.html?backend=js`, { waitUntil: 'networkidle' });
      const demo = page.locator('[data-demo="bayes"]');
      await expect.poll(() => output(demo, 'backend')).toContain('(js backend)');
      await expect(output(demo, 'posterior')).resolves.toBe(fmt(posterior(0.02, 0.99, 0.4)));
      expect(errors).toEqual([]);
    });
  });
});
