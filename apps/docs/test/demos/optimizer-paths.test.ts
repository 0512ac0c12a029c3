import { beforeAll, describe, expect, it } from 'vitest';
import { setBackend } from '@gradlab/core-tensor';
import { initWasmBackend } from '@gradlab/backend-wasm';
import { SURFACES, formatNumber, optimizerPath, type PathSetup } from '../../examples/optimizer-paths.ts';
import { output, screenshot, setRange, useSite, withPage } from '../browser.ts';

/** The page's first run of GD: the quadratic ½x² + 5y² from (−4.5, 2), γ = 0.16, 100 steps. */
const GD: PathSetup = { surface: 'quadratic', optimizer: 'gd', lr: 0.16, steps: 100, start: [-4.5, 2], batchSize: 1, seed: 0 };
const shownTheta = (setup: PathSetup): string => {
  const p = optimizerPath(setup);
  return `${formatNumber(p.xs.at(-1) ?? Number.NaN)}, ${formatNumber(p.ys.at(-1) ?? Number.NaN)}`;
};

describe('docs site: the optimizer-paths demo (chapter 4)', () => {
  const url = useSite();
  beforeAll(async () => {
    // The page's worker computes on the wasm backend (one thread): so does Node here.
    setBackend(await initWasmBackend({ threads: 1, residentBytes: 0 }));
  });

  it('optimizer-paths demo: GD, SGD, momentum, Adam and the plugin’s Lion run in a worker; the end points are Node’s; the controls rerun it', async () => {
    expect(SURFACES.quadratic.lr.gd).toBe(GD.lr);
    const gd = optimizerPath(GD);
    const theta100 = shownTheta(GD);
    const theta20 = shownTheta({ ...GD, steps: 20 });
    const fromClick = optimizerPath({ ...GD, steps: 20, start: [2, -1] });
    await withPage(async (page, errors) => {
      await page.goto(`${url()}guide/optimisation.html`, { waitUntil: 'networkidle' });
      const demo = page.locator('[data-demo="optimizer-paths"]');
      await expect.poll(() => output(demo, 'status'), { timeout: 60_000 }).toMatch(/^5 paths/);
      await expect(output(demo, 'backend')).resolves.toContain('(wasm backend)');
      // The menu is the registry's: the built-ins, then the plugin's Lion.
      await expect(demo.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-optimizer')))).resolves.toEqual(['gd', 'sgd', 'heavy-ball', 'adam', 'lion']);
      await expect(demo.locator('tr[data-optimizer="lion"] code').textContent()).resolves.toBe('lion (gradlab-plugin-focal-loss-lion)');
      await expect(output(demo, 'theta-gd')).resolves.toBe(theta100);
      await expect(output(demo, 'loss-gd')).resolves.toBe(formatNumber(gd.value));
      await expect(output(demo, 'steps-lion')).resolves.toMatch(/^\d+$/);
      // One line per optimizer over the contours.
      await expect(demo.locator('[data-output="plot"] g[aria-label="line"] path').count()).resolves.toBe(5);
      await screenshot(demo, 'optimizer-paths');
      await setRange(demo.locator('[data-control="steps"]'), 20);
      await expect.poll(() => output(demo, 'theta-gd')).toBe(theta20);
      // A click on the surface moves the start to the point under the cursor.
      await demo.locator('[data-output="plot"] svg:has(g[aria-label="line"])').click();
      await expect.poll(async () => Number(await demo.locator('[data-control="x0"]').inputValue())).not.toBe(-4.5);
      await demo.locator('[data-control="x0"]').fill('2');
      await demo.locator('[data-control="y0"]').fill('-1');
      await expect.poll(() => output(demo, 'theta-gd')).toBe(`${formatNumber(fromClick.xs.at(-1) ?? 0)}, ${formatNumber(fromClick.ys.at(-1) ?? 0)}`);
      // Past 2/L = 0.2 gradient descent diverges (here γ = 10^−0.5 ≈ 0.32), and minimize says so.
      await setRange(demo.locator('[data-control="lr-gd"]'), -0.5);
      await expect.poll(() => output(demo, 'loss-gd')).toBe('diverged');
      expect(errors).toEqual([]);
    });
  }, 180_000);

  it('optimizer-paths demo: the js fallback (?backend=js) shows the same numbers', async () => {
    const gd = optimizerPath(GD);
    await withPage(async (page, errors) => {
      await page.goto(`${url()}guide/optimisation.html?backend=js`, { waitUntil: 'networkidle' });
      const demo = page.locator('[data-demo="optimizer-paths"]');
      await expect.poll(() => output(demo, 'backend')).toContain('(js backend)');
      await expect.poll(() => output(demo, 'status'), { timeout: 60_000 }).toMatch(/^5 paths/);
      await expect(output(demo, 'theta-gd')).resolves.toBe(shownTheta(GD));
      await expect(output(demo, 'loss-gd')).resolves.toBe(formatNumber(gd.value));
      expect(errors).toEqual([]);
    });
  }, 180_000);
});
