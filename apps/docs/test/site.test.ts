import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dist, htmlIndexes, useSite, withPage } from './browser.ts';

describe('docs site in headless Chromium', () => {
  const url = useSite();

  it('renders the home page with no console errors or failed requests', async () => {
    await withPage(async (page, errors) => {
      await page.goto(url(), { waitUntil: 'networkidle' });
      await expect(page.title()).resolves.toContain('gradlab');
      const heading = await page.locator('.VPHero .name').first().textContent();
      expect(heading?.trim()).toBe('gradlab');
      await expect(page.locator('.VPFeature').count()).resolves.toBeGreaterThanOrEqual(3);
      expect(errors).toEqual([]);
    });
  });

  it('renders every guide page and every API module page with a heading, no console errors and no failed requests', async () => {
    const guides = readdirSync(join(dist, 'guide')).filter((f) => f.endsWith('.html')).map((f) => `guide/${f}`);
    expect(guides.length).toBeGreaterThanOrEqual(12);
    // The API reference: its index and each module's index page (one per package and subpath).
    const api = ['api/index.html', ...htmlIndexes(join(dist, 'api'), 'api')];
    expect(api.length, 'an API page per package').toBeGreaterThanOrEqual(13);
    await withPage(async (page, errors) => {
      for (const path of [...guides, ...api]) {
        await page.goto(`${url()}${path}`, { waitUntil: 'load' });
        const h1 = await page.locator('.vp-doc h1').first().textContent();
        expect(h1?.trim().length, `${path} has a heading`).toBeGreaterThan(0);
      }
      expect(errors).toEqual([]);
    });
  }, 600_000);

  it('types the maths: formulas render as MathJax SVG', async () => {
    await withPage(async (page, errors) => {
      await page.goto(`${url()}guide/binary-classification.html`, { waitUntil: 'load' });
      await expect(page.locator('mjx-container svg').count()).resolves.toBeGreaterThan(10);
      await expect(page.locator('.vp-doc').textContent()).resolves.not.toContain('$\\theta');
      expect(errors).toEqual([]);
    });
  });

});

describe('docs site: the API sidebar', () => {
  const url = useSite();

  it('API pages have a sidebar with one entry per package, whose links open the module pages', async () => {
    await withPage(async (page, errors) => {
      await page.goto(`${url()}api/`, { waitUntil: 'networkidle' });
      const sidebar = page.locator('.VPSidebar');
      for (const name of ['@gradlab/core-tensor', '@gradlab/models-nn', '@gradlab/transformer', '@gradlab/plugin', '@gradlab/interop']) {
        await expect(sidebar.getByRole('link', { name, exact: true }).count(), name).resolves.toBe(1);
      }
      await sidebar.getByRole('link', { name: '@gradlab/transformer', exact: true }).click();
      await page.waitForURL(/\/api\/@gradlab\/transformer\//);
      // The URL changes before the client router renders the new page: wait for its heading.
      await expect.poll(() => page.locator('.vp-doc h1').first().textContent(), { timeout: 30_000 }).toContain('@gradlab/transformer');
      expect(errors).toEqual([]);
    });
  });
});

