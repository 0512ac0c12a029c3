import { describe, expect, it } from 'vitest';
import { sinusoid } from '@gradlab/data';
import { biasEstimationDecomposition, linearRegression, polynomialRegression, sinusoidPopulation } from '@gradlab/models-linear';
import { output, screenshot, setRange, useSite, withPage } from '../browser.ts';
import { formatNumber } from '../../examples/format.ts';

const fmt = formatNumber;

/** L_D(θ_D) of order M, λ, on sinusoid({ n: N, seed }): the package API alone, in Node. */
function trainLoss(degree: number, lambda: number, n: number, seed: number): number {
  const d = sinusoid({ n, noiseStd: 0.3, seed });
  return polynomialRegression({ degree, penalty: lambda > 0 ? 'ridge' : 'none', lambda, onWarning: () => undefined }).fit(d.x, d.t).loss(d.x, d.t);
}

/** The decomposition the page's worker resamples at order M and N points (100 training sets): the package API alone, in Node. */
function decomposition(degree: number, n: number): ReturnType<typeof biasEstimationDecomposition> {
  return biasEstimationDecomposition({ population: sinusoidPopulation({ noiseStd: 0.3 }), model: () => polynomialRegression({ degree, onWarning: () => undefined }), n, seeds: 100, seed: 0, points: 500 });
}

describe('docs site: the polynomial-fit demo (chapter 3)', () => {
  const url = useSite();

  it('polynomial-fit demo: the training loss is that of @gradlab/models-linear in Node for the same (M, λ, N, seed), and follows every slider', async () => {
    expect(fmt(trainLoss(3, 0, 10, 0))).toBe('0.0717669');
    const example = linearRegression().fit([2, 3], [2, 2]);
    expect(Array.from(example.theta)).toEqual([2, 0]);
    await withPage(async (page, errors) => {
      await page.goto(`${url()}guide/supervised-learning.html`, { waitUntil: 'networkidle' });
      const demo = page.locator('[data-demo="polynomial-fit"]');
      const shown = (): Promise<string> => output(demo, 'train-loss');
      await expect.poll(shown).toBe(fmt(trainLoss(3, 0, 10, 0)));
      await expect(output(demo, 'best-degree')).resolves.toMatch(/^M = \d$/);
      for (const name of ['fit-plot', 'loss-plot']) await expect(demo.locator(`[data-output="${name}"] svg`).count()).resolves.toBeGreaterThan(0);
      await expect(output(demo, 'backend')).resolves.toMatch(/\((wasm|js) backend\)/);

      // The notes' worked example panel.
      await expect(output(demo, 'example-theta')).resolves.toBe('2, 0');
      await expect(output(demo, 'example-loss')).resolves.toBe(fmt(example.loss([0, 1, 2, 3], [0, 1, 2, 2])));
      await expect(output(demo, 'example-loss')).resolves.toBe('1.25');

      // The resampled decomposition (a Web Worker, 100 training sets per M) at M = 3, N = 10.
      await expect.poll(() => output(demo, 'decomposition-status'), { timeout: 30_000 }).toBe('10 points, 100 training sets each');
      const r = decomposition(3, 10);
      await expect(output(demo, 'bias')).resolves.toBe(fmt(r.bias));
      await expect(output(demo, 'estimation-error')).resolves.toBe(fmt(r.estimationError));
      await expect(output(demo, 'erm-loss')).resolves.toBe(fmt(r.ermLoss));
      // The site's sticky navigation bar would cover the top of this tall demo in its screenshot.
      await page.addStyleTag({ content: '.VPNav, .VPLocalNav { display: none !important; }' });
      await screenshot(demo, 'polynomial-fit');

      // Moving M, then N, then λ, then the seed: each time the number Node computes.
      await setRange(demo.locator('[data-control="degree"]'), 9);
      // M = 9 interpolates the ten points: L_D is zero up to rounding (whose digits differ between engines).
      expect(trainLoss(9, 0, 10, 0)).toBeLessThan(1e-12);
      await expect.poll(async () => Math.abs(Number(await shown()))).toBeLessThan(1e-12);
      await setRange(demo.locator('[data-control="n"]'), 40);
      await expect.poll(shown).toBe(fmt(trainLoss(9, 0, 40, 0)));
      await setRange(demo.locator('[data-control="lambda"]'), 6); // λ = 1e-3
      await expect(output(demo, 'lambda')).resolves.toBe('1e-3 (ridge)');
      await expect.poll(shown).toBe(fmt(trainLoss(9, 1e-3, 40, 0)));
      await setRange(demo.locator('[data-control="seed"]'), 7);
      await expect.poll(shown).toBe(fmt(trainLoss(9, 1e-3, 40, 7)));

      // The decomposition against N at the current M.
      await demo.locator('[data-control="axis"]').selectOption('N');
      await expect.poll(() => output(demo, 'decomposition-status'), { timeout: 30_000 }).toBe('9 points, 100 training sets each');
      expect(errors).toEqual([]);
    });
  });

  it('polynomial-fit demo: the js fallback (?backend=js) shows the same numbers', async () => {
    const r = decomposition(3, 10);
    await withPage(async (page, errors) => {
      // The worker cannot read ?backend=js (its address is its own): each request must carry the page's backend.
      await page.addInitScript(() => {
        const backends: unknown[] = [];
        Object.assign(window, { workerBackends: backends });
        const post = Reflect.get(Worker.prototype, 'postMessage') as (this: Worker, ...args: unknown[]) => void;
        Worker.prototype.postMessage = function (this: Worker, message: { args?: { backend?: unknown } }, ...rest: unknown[]) {
          if (message.args !== undefined) backends.push(message.args.backend);
          Reflect.apply(post, this, [message, ...rest]);
        };
      });
      await page.goto(`${url()}guide/supervised-learning.html?backend=js`, { waitUntil: 'networkidle' });
      const demo = page.locator('[data-demo="polynomial-fit"]');
      await expect.poll(() => output(demo, 'backend')).toContain('(js backend)');
      await expect.poll(() => output(demo, 'train-loss')).toBe(fmt(trainLoss(3, 0, 10, 0)));
      await expect.poll(() => output(demo, 'decomposition-status'), { timeout: 30_000 }).toBe('10 points, 100 training sets each');
      await expect(output(demo, 'estimation-error')).resolves.toBe(fmt(r.estimationError));
      const backends = await page.evaluate(() => (window as unknown as { workerBackends: unknown[] }).workerBackends);
      expect([...new Set(backends)]).toEqual(['js']);
      expect(errors).toEqual([]);
    });
  });
});
