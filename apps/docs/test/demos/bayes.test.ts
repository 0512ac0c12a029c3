import { describe, expect, it } from 'vitest';
import { jointFromPrior } from '@gradlab/prob';
import { screenshot, setRange, useSite, withPage } from '../browser.ts';

describe('docs site: the joint-table demo (chapter 1)', () => {
  const url = useSite();

  it("Bayes demo: shows the posterior that @gradlab/prob gives in Node (0.0480816), and follows the sliders", async () => {
    const posterior = (prevalence: number, sensitivity: number, falsePositive: number): number =>
      jointFromPrior(
        { name: 'disease', probs: [1 - prevalence, prevalence] },
        { name: 'test', probs: [[1 - falsePositive, falsePositive], [1 - sensitivity, sensitivity]] },
      ).bayes('disease', { test: 1 }).posterior[1] ?? Number.NaN;
    expect(posterior(0.02, 0.99, 0.4)).toBeCloseTo(0.0480816, 7);
    await withPage(async (page, errors) => {
      await page.goto(`${url()}guide/probability.html`, { waitUntil: 'networkidle' });
      const demo = page.locator('[data-demo="bayes"]');
      const out = demo.locator('[data-output="posterior"]');
      await expect(out.textContent()).resolves.toBe(String(Number(posterior(0.02, 0.99, 0.4).toPrecision(6))));
      await expect(out.textContent()).resolves.toBe('0.0480816');
      await screenshot(demo, 'bayes');
      await setRange(demo.locator('[data-control="prevalence"]'), 0.1);
      await expect.poll(() => out.textContent()).toBe(String(Number(posterior(0.1, 0.99, 0.4).toPrecision(6))));
      expect(errors).toEqual([]);
    });
  });
});
