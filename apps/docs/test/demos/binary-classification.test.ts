import { beforeAll, describe, expect, it } from 'vitest';
import { setBackend } from '@gradlab/core-tensor';
import { initWasmBackend } from '@gradlab/backend-wasm';
import { logisticRegression, perceptron } from '@gradlab/models-linear';
import { sgd } from '@gradlab/optim';
import { formatNumber, startingPoints, trainClassifiers, type ClassifierFrame, type ClassifierSetup } from '../../examples/binary-classification-demo.ts';
import { output, screenshot, setRange, useSite, withPage } from '../browser.ts';

const last = async (setup: ClassifierSetup): Promise<ClassifierFrame> => {
  const frame = await trainClassifiers(setup, () => undefined);
  if (frame === undefined) throw new Error('no epoch');
  return frame;
};
const text = (theta: readonly number[]): string => theta.map(formatNumber).join(', ');
/** The page's first run: the starting points in the plane, γ = 0.1, 30 epochs. */
const start: ClassifierSetup = { points: startingPoints(), features: 'plane', lr: 0.1, epochs: 30 };

describe('docs site: the binary-classification demo (chapter 5)', () => {
  const url = useSite();
  beforeAll(async () => {
    // The page's worker computes on the wasm backend (one thread): so does Node here.
    setBackend(await initWasmBackend({ threads: 1, residentBytes: 0 }));
  });

  it("binary-classification demo: both models train in a worker as in Node; a click adds a point; the notes' example gives −0.79, −0.64 and −0.812910, −0.697118", async () => {
    const first = await last(start);
    const slower = await last({ ...start, lr: 0.5 });
    // The notes' example straight from the models' public API, as the package's own docs call it.
    const p: number[] = [];
    const l: number[] = [];
    perceptron({ lr: 0.1, epochs: 1, fitIntercept: false, init: [-1], onStep: (s) => p.push(s.theta[0] as number) }).fit([2.1, -1.5], [1, 0]);
    logisticRegression({ solver: 'gradient', fitIntercept: false, training: { optimizer: sgd({ lr: 0.1 }), epochs: 1, batchSize: 1, shuffle: false, init: [-1], onStep: (s) => l.push(s.theta[0] as number) } }).fit([2.1, -1.5], [1, 0]);
    expect(text(p)).toBe('-0.79, -0.64');
    expect(text(l)).toBe('-0.81291, -0.697118');
    await withPage(async (page, errors) => {
      await page.goto(`${url()}guide/binary-classification.html`, { waitUntil: 'networkidle' });
      const demo = page.locator('[data-demo="binary-classification"]');
      await expect.poll(() => output(demo, 'epoch'), { timeout: 60_000 }).toBe('30');
      await expect(output(demo, 'backend')).resolves.toContain('(wasm backend)');
      await expect(output(demo, 'theta-perceptron')).resolves.toBe(text(first.perceptron.theta));
      await expect(output(demo, 'theta-logistic')).resolves.toBe(text(first.logistic.theta));
      await expect(output(demo, 'accuracy-perceptron')).resolves.toBe('1');
      // The region: one raster and the two boundaries θᵀu(x) = 0; the losses: five curves of @gradlab/losses.
      await expect(demo.locator('[data-output="region"] g[aria-label="raster"] image').count()).resolves.toBe(1);
      await expect(demo.locator('[data-output="region"] g[aria-label="line"]').count()).resolves.toBe(2);
      await expect(demo.locator('[data-output="losses"] g[aria-label="line"] path').count()).resolves.toBe(5);
      await screenshot(demo, 'binary-classification');
      await setRange(demo.locator('[data-control="lr"]'), 0.5);
      await expect.poll(() => output(demo, 'theta-logistic'), { timeout: 60_000 }).toBe(text(slower.logistic.theta));
      // A click adds a point of the chosen class, and training starts again.
      await demo.locator('[data-control="class"]').selectOption('0');
      await demo.locator('[data-output="region"] svg:has(g[aria-label="raster"])').click();
      await expect.poll(() => output(demo, 'count')).toBe('21');
      await demo.locator('[data-control="notes-example"]').click();
      await expect.poll(() => output(demo, 'notes-perceptron'), { timeout: 60_000 }).toBe(text(p));
      await expect(output(demo, 'notes-logistic')).resolves.toBe(text(l));
      expect(errors).toEqual([]);
    });
  }, 180_000);

  it('binary-classification demo: the js fallback (?backend=js) shows the same numbers', async () => {
    const first = await last(start);
    await withPage(async (page, errors) => {
      await page.goto(`${url()}guide/binary-classification.html?backend=js`, { waitUntil: 'networkidle' });
      const demo = page.locator('[data-demo="binary-classification"]');
      await expect.poll(() => output(demo, 'backend')).toContain('(js backend)');
      await expect.poll(() => output(demo, 'epoch'), { timeout: 60_000 }).toBe('30');
      await expect(output(demo, 'theta-perceptron')).resolves.toBe(text(first.perceptron.theta));
      await expect(output(demo, 'theta-logistic')).resolves.toBe(text(first.logistic.theta));
      expect(errors).toEqual([]);
    });
  }, 180_000);
});
