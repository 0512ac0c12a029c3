import { describe, expect, it } from 'vitest';
import { screenshot, setRange, useSite, withPage } from '../browser.ts';

describe('docs site: the MLP demo (chapter 6)', () => {
  const url = useSite();

  it('MLP demo: trains in the page (loss curve, decision region, one gradient norm per layer) and restarts on a new depth', async () => {
    await withPage(async (page, errors) => {
      await page.goto(`${url()}guide/neural-networks.html`, { waitUntil: 'networkidle' });
      const demo = page.locator('[data-demo="mlp"]');
      await expect.poll(() => demo.locator('[data-output="epoch"]').textContent(), { timeout: 60_000 }).not.toBe('0');
      await expect(demo.locator('[data-output="region"] rect').count()).resolves.toBe(900);
      const norms = (): Promise<number> => demo.locator('[data-output="grad-norms"]').textContent().then((t) => (t ?? '').split(' · ').filter(Boolean).length);
      await expect.poll(norms).toBe(3); // 2 hidden layers + the output layer
      await expect.poll(() => demo.locator('[data-output="epoch"]').textContent(), { timeout: 120_000 }).toBe('60');
      const loss = Number(await demo.locator('[data-output="loss"]').textContent());
      expect(loss).toBeGreaterThan(0);
      expect(loss).toBeLessThan(0.69); // below chance, ln 2
      await screenshot(demo, 'mlp');
      await setRange(demo.locator('[data-control="depth"]'), 4);
      await demo.locator('[data-control="train"]').click();
      await expect.poll(norms).toBe(5);
      expect(errors).toEqual([]);
    });
  }, 240_000);
});
