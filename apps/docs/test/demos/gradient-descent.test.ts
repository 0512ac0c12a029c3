import { describe, expect, it } from 'vitest';
import { tensor, type Tensor } from '@gradlab/core-tensor';
import { gradientDescent } from '@gradlab/optim';
import { output, screenshot, setRange, useSite, withPage } from '../browser.ts';
import { formatNumber } from '../../examples/format.ts';

describe('docs site: the gradient-descent demo (chapter 4)', () => {
  const url = useSite();

  it('gradient-descent demo: the iterates are those of gradientDescent in Node; converges below 2/L, diverges past it', async () => {
    const g = (t: Tensor): Tensor => t.sub(2).square().mul(0.5).add(t.add(1).square().mul(1.5)).sum();
    const thetas: number[] = [];
    gradientDescent(g, tensor([5]), { lr: 0.1, steps: 300, tolerance: 1e-9, onStep: ({ params }) => void thetas.push(params.item()) });
    const shown = thetas.slice(0, 6).map(formatNumber).join(', ');
    expect(shown).toBe('5, 2.9, 1.64, 0.884, 0.4304, 0.15824');
    await withPage(async (page, errors) => {
      await page.goto(`${url()}guide/optimisation.html`, { waitUntil: 'networkidle' });
      const demo = page.locator('[data-demo="gradient-descent"]');
      await expect(demo.locator('[data-output="iterates"]').textContent()).resolves.toBe(shown);
      await expect(output(demo, 'backend')).resolves.toContain('(wasm backend)');
      await expect(demo.locator('[data-output="outcome"]').textContent()).resolves.toMatch(/^converges in 47 steps/);
      await screenshot(demo, 'gradient-descent');
      await setRange(demo.locator('[data-control="lr"]'), 0.45);
      await expect.poll(() => demo.locator('[data-output="outcome"]').textContent()).toMatch(/^converges in \d+ steps, violating/);
      await setRange(demo.locator('[data-control="lr"]'), 0.6);
      await expect.poll(() => demo.locator('[data-output="outcome"]').textContent()).toMatch(/^diverges/);
      expect(errors).toEqual([]);
    });
  });

  it('gradient-descent demo: the js fallback (?backend=js) shows the same iterates', async () => {
    await withPage(async (page, errors) => {
      await page.goto(`${url()}guide/optimisation.html?backend=js`, { waitUntil: 'networkidle' });
      const demo = page.locator('[data-demo="gradient-descent"]');
      await expect.poll(() => output(demo, 'backend')).toContain('(js backend)');
      await expect(output(demo, 'iterates')).resolves.toBe('5, 2.9, 1.64, 0.884, 0.4304, 0.15824');
      expect(errors).toEqual([]);
    });
  });
});
