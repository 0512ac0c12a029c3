import { beforeAll, describe, expect, it } from 'vitest';
import { setBackend } from '@gradlab/core-tensor';
import { initWasmBackend } from '@gradlab/backend-wasm';
import { formatNumber, suggestedLr, trainMlp, type MlpFrame, type MlpSetup } from '../../examples/mlp-demo.ts';
import { menu } from '../../docs/.vitepress/theme/lib/registry.ts';
import { output, screenshot, setRange, useSite, withPage } from '../browser.ts';

/** The page's first run: two moons, 2 × 16 tanh, cross-entropy, Adam with γ = 0.03, 60 epochs. */
const DEFAULT: MlpSetup = { data: 'moons', depth: 2, width: 16, activation: 'tanh', loss: 'cross-entropy', optimizer: 'adam', lr: 0.03, epochs: 60 };
/** What the page shows after its first epoch, from the same run in Node: the first layer's gradient norm at θ0, and the loss of epoch 1. */
async function firstEpoch(): Promise<{ initNorm: string; epoch1: string }> {
  const frames: MlpFrame[] = [];
  await trainMlp({ ...DEFAULT, epochs: 1 }, (f) => frames.push(f));
  return { initNorm: formatNumber(frames[0]?.norms?.[0]?.norm ?? Number.NaN), epoch1: formatNumber(frames[1]?.loss ?? Number.NaN) };
}

describe('docs site: the MLP demo (chapter 6)', () => {
  const url = useSite();
  beforeAll(async () => {
    // The page's worker computes on the wasm backend (one thread): so does Node here.
    setBackend(await initWasmBackend({ threads: 1, residentBytes: 0 }));
  });

  it('the menus come from the site registry: the example plugin’s Lion and focal loss are offered', () => {
    expect(menu('optimizer', ['sgd', 'heavy-ball', 'adam']).map((m) => m.id)).toEqual(['sgd', 'heavy-ball', 'adam', 'lion']);
    expect(menu('loss', ['cross-entropy']).map((m) => m.id)).toEqual(['cross-entropy', 'focal']);
  });

  it('MLP demo: trains in a worker (loss curve, decision region, gradient norms per layer); the numbers are Node’s; restarts on a new depth', async () => {
    const { initNorm, epoch1 } = await firstEpoch();
    await withPage(async (page, errors) => {
      await page.goto(`${url()}guide/neural-networks.html`, { waitUntil: 'networkidle' });
      const demo = page.locator('[data-demo="mlp"]');
      await expect.poll(() => output(demo, 'epoch'), { timeout: 60_000 }).not.toBe('0');
      await expect(output(demo, 'backend')).resolves.toContain('(wasm backend)');
      await expect(output(demo, 'grad-norm-init')).resolves.toBe(initNorm);
      await expect.poll(() => output(demo, 'loss-epoch1')).toBe(epoch1);
      // Plot's marks: the region is one raster image under the points, the norms one bar per layer.
      await expect(demo.locator('[data-output="region"] g[aria-label="raster"] image').count()).resolves.toBe(1);
      await expect(demo.locator('[data-output="region"] g[aria-label="dot"] circle').count()).resolves.toBe(200);
      const norms = (): Promise<number> => output(demo, 'grad-norms').then((t) => t.split(' · ').filter(Boolean).length);
      await expect.poll(norms).toBe(3); // 2 hidden layers + the output layer
      await expect(demo.locator('[data-output="grad-norm-chart"] g[aria-label="bar"] rect').count()).resolves.toBe(3);
      await expect.poll(() => output(demo, 'epoch'), { timeout: 120_000 }).toBe('60');
      await expect(demo.locator('[data-output="loss-curve"] g[aria-label="line"] path').count()).resolves.toBe(1);
      const loss = Number(await output(demo, 'loss'));
      expect(loss).toBeGreaterThan(0);
      expect(loss).toBeLessThan(0.69); // below chance, ln 2
      await screenshot(demo, 'mlp');
      await setRange(demo.locator('[data-control="depth"]'), 4);
      await demo.locator('[data-control="train"]').click();
      await expect.poll(norms).toBe(5);
      await expect.poll(() => demo.locator('[data-output="grad-norm-chart"] g[aria-label="bar"] rect').count()).toBe(5);
      expect(errors).toEqual([]);
    });
  }, 240_000);

  it('MLP demo: Lion from the plugin, picked in the optimizer menu, trains (#20): the loss falls, as in Node', async () => {
    const lion = { ...DEFAULT, optimizer: 'lion', lr: suggestedLr('lion'), epochs: 20 };
    const losses = await trainMlp(lion, () => undefined);
    expect(losses[19]).toBeLessThan((losses[0] ?? 0) * 0.8);
    const focal = await trainMlp({ ...lion, loss: 'focal', epochs: 1 }, () => undefined);
    const focal1 = formatNumber(focal[0] ?? Number.NaN);
    await withPage(async (page, errors) => {
      await page.goto(`${url()}guide/neural-networks.html`, { waitUntil: 'networkidle' });
      const demo = page.locator('[data-demo="mlp"]');
      const options = await demo.locator('[data-control="optimizer"] option').allTextContents();
      expect(options).toContain('lion (gradlab-plugin-focal-loss-lion)');
      await expect(demo.locator('[data-control="loss"] option').allTextContents()).resolves.toContain('focal (gradlab-plugin-focal-loss-lion)');
      await expect.poll(() => output(demo, 'epoch'), { timeout: 60_000 }).not.toBe('0');
      await demo.locator('[data-control="optimizer"]').selectOption('lion');
      await expect.poll(() => output(demo, 'loss-epoch1'), { timeout: 60_000 }).toBe(formatNumber(losses[0] ?? Number.NaN));
      await expect.poll(() => output(demo, 'epoch'), { timeout: 120_000 }).toBe('60');
      const last = Number(await output(demo, 'loss'));
      expect(last).toBeLessThan((losses[0] ?? 0) * 0.8);
      // The plugin's focal loss trains too (one score per point, p = σ(s)), with Node's first epoch.
      await demo.locator('[data-control="loss"]').selectOption('focal');
      await expect.poll(() => output(demo, 'loss-epoch1'), { timeout: 60_000 }).toBe(focal1);
      await expect.poll(() => output(demo, 'epoch'), { timeout: 120_000 }).toBe('60');
      await expect(demo.locator('[data-output="error"]').count()).resolves.toBe(0);
      expect(errors).toEqual([]);
    });
  }, 300_000);

  it('MLP demo: the js fallback (?backend=js) shows the same numbers', async () => {
    const { initNorm, epoch1 } = await firstEpoch();
    await withPage(async (page, errors) => {
      await page.goto(`${url()}guide/neural-networks.html?backend=js`, { waitUntil: 'networkidle' });
      const demo = page.locator('[data-demo="mlp"]');
      await expect.poll(() => output(demo, 'backend')).toContain('(js backend)');
      await expect.poll(() => output(demo, 'epoch'), { timeout: 60_000 }).not.toBe('0');
      await expect(output(demo, 'grad-norm-init')).resolves.toBe(initNorm);
      await expect.poll(() => output(demo, 'loss-epoch1')).toBe(epoch1);
      expect(errors).toEqual([]);
    });
  }, 240_000);
});
