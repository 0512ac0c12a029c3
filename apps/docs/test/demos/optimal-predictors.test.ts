import { describe, expect, it } from 'vitest';
import { jointTable } from '@gradlab/prob';
import { bayesRisk, builtinPointLosses, optimalHardPredictor, optimalSoftPredictor, populationLogLoss } from '@gradlab/inference';
import { output, screenshot, setRange, useSite, withPage } from '../browser.ts';
import { formatNumber } from '../../examples/format.ts';

const fmt = formatNumber;
/** The notes' detection table (the page's first preset), computed here with the package API alone. */
const weather = jointTable({ variables: ['x', 't'], probs: [[0.45, 0.05], [0.1, 0.4]] });

describe('docs site: the optimal-predictors demo (chapter 2)', () => {
  const url = useSite();

  it('optimal-predictors demo: shows the Bayes risk, t̂*(x) and log-loss of @gradlab/inference in Node, and follows the loss and the table', async () => {
    expect(bayesRisk(weather, builtinPointLosses['zero-one']())).toBeCloseTo(0.15, 12);
    const skewed = jointTable(
      { variables: [{ name: 'x', values: [0, 1, 2] }, { name: 't', values: [0, 1, 2, 3] }], probs: [[5, 1, 2, 4], [1, 4, 2, 1], [0, 1, 2, 6]] },
      { normalize: true },
    );
    const tHat = (name: keyof typeof builtinPointLosses, x: number): number => optimalHardPredictor(skewed, builtinPointLosses[name]())({ x }) as number;
    expect([tHat('zero-one', 0), tHat('absolute', 0)]).toEqual([0, 1]);
    expect(tHat('quadratic', 0)).toBeCloseTo(17 / 12, 12);

    await withPage(async (page, errors) => {
      await page.goto(`${url()}guide/inference.html`, { waitUntil: 'networkidle' });
      const demo = page.locator('[data-demo="optimal-predictors"]');
      await expect.poll(() => output(demo, 'bayes-risk')).toBe(fmt(bayesRisk(weather, builtinPointLosses['zero-one']())));
      await expect(output(demo, 'that-0')).resolves.toBe('0');
      await expect(output(demo, 'that-1')).resolves.toBe('1');
      await expect(output(demo, 'log-loss')).resolves.toBe(fmt(populationLogLoss(weather, optimalSoftPredictor(weather))));
      await expect(output(demo, 'rule')).resolves.toBe('posterior mode (MAP)');
      await expect(demo.locator('[data-output="plot"] svg').count()).resolves.toBeGreaterThan(0);
      await expect(output(demo, 'backend')).resolves.toMatch(/\((wasm|js) backend\)/);

      // The quadratic loss: the predictor becomes the posterior mean, and the Bayes risk changes.
      await demo.locator('[data-control="loss"]').selectOption('quadratic');
      await expect.poll(() => output(demo, 'that-0')).toBe(fmt(optimalHardPredictor(weather, builtinPointLosses.quadratic())({ x: 0 }) as number));
      await expect(output(demo, 'that-0')).resolves.toBe('0.1');
      await expect(output(demo, 'bayes-risk')).resolves.toBe(fmt(bayesRisk(weather, builtinPointLosses.quadratic())));
      await expect(output(demo, 'rule')).resolves.toBe('posterior mean');

      // The skewed preset: mode, median and mean of p(t | x = 0) differ.
      await demo.locator('[data-control="preset"]').selectOption('skewed');
      await expect.poll(() => output(demo, 'that-0')).toBe(fmt(tHat('quadratic', 0)));
      await expect(output(demo, 'bayes-risk')).resolves.toBe(fmt(bayesRisk(skewed, builtinPointLosses.quadratic())));
      await demo.locator('[data-control="loss"]').selectOption('absolute');
      await expect.poll(() => output(demo, 'that-0')).toBe('1');
      await expect(output(demo, 'bayes-risk')).resolves.toBe(fmt(bayesRisk(skewed, builtinPointLosses.absolute())));
      await screenshot(demo, 'optimal-predictors');
      await demo.locator('[data-control="loss"]').selectOption('zero-one');
      await expect.poll(() => output(demo, 'that-0')).toBe('0');

      // Editing a weight: w(0, 3) = 9 makes t = 3 the posterior mode at x = 0.
      await setRange(demo.locator('[data-control="w-0-3"]'), 9);
      const edited = jointTable(
        { variables: [{ name: 'x', values: [0, 1, 2] }, { name: 't', values: [0, 1, 2, 3] }], probs: [[5, 1, 2, 9], [1, 4, 2, 1], [0, 1, 2, 6]] },
        { normalize: true },
      );
      await expect.poll(() => output(demo, 'that-0')).toBe('3');
      await expect(output(demo, 'bayes-risk')).resolves.toBe(fmt(bayesRisk(edited, builtinPointLosses['zero-one']())));
      await expect(output(demo, 'log-loss')).resolves.toBe(fmt(populationLogLoss(edited, optimalSoftPredictor(edited))));
      expect(errors).toEqual([]);
    });
  });

  it('optimal-predictors demo: the js fallback (?backend=js) shows the same numbers', async () => {
    await withPage(async (page, errors) => {
      await page.goto(`${url()}guide/inference.html?backend=js`, { waitUntil: 'networkidle' });
      const demo = page.locator('[data-demo="optimal-predictors"]');
      await expect.poll(() => output(demo, 'backend')).toContain('(js backend)');
      await expect.poll(() => output(demo, 'bayes-risk')).toBe(fmt(bayesRisk(weather, builtinPointLosses['zero-one']())));
      await expect(output(demo, 'log-loss')).resolves.toBe(fmt(populationLogLoss(weather, optimalSoftPredictor(weather))));
      expect(errors).toEqual([]);
    });
  });
});
