import { createServer, type Server } from 'node:http';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { tensor, type Tensor } from '@gradlab/core-tensor';
import { gradientDescent } from '@gradlab/optim';
import { jointFromPrior } from '@gradlab/prob';
import { demoAttention } from '../examples/attention-demo.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const dist = fileURLToPath(new URL('../docs/.vitepress/dist/', import.meta.url));
const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
};

/** A tiny static server over the built site, on loopback only. */
function serve(root: string): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    let file = normalize(join(root, path));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file) && existsSync(file + '.html')) file += '.html';
    if (!existsSync(file)) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const addr = server.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      resolve({ server, url: `http://127.0.0.1:${port}/` });
    });
  });
}

const executablePath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const chromiumArgs = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

describe('docs site in headless Chromium', () => {
  let server: Server;
  let url: string;
  beforeAll(async () => {
    expect(existsSync(join(dist, 'index.html')), 'run docs:build first').toBe(true);
    ({ server, url } = await serve(dist));
  });
  afterAll(() => {
    server.close();
  });

  it('renders the home page with no console errors or failed requests', async () => {
    expect(existsSync(executablePath), `Chromium not found at ${executablePath}`).toBe(true);
    const profile = mkdtempSync(join(tmpdir(), 'gradlab-chromium-'));
    const context = await chromium.launchPersistentContext(profile, { executablePath, headless: true, args: chromiumArgs });
    try {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('console', (msg) => {
        if (msg.type() === 'error') errors.push(msg.text());
      });
      page.on('pageerror', (err) => errors.push(err.message));
      page.on('requestfailed', (req) => errors.push(`request failed: ${req.url()}`));
      page.on('response', (res) => {
        if (res.status() >= 400) errors.push(`HTTP ${res.status()}: ${res.url()}`);
      });
      await page.goto(url, { waitUntil: 'networkidle' });
      await expect(page.title()).resolves.toContain('gradlab');
      const heading = await page.locator('.VPHero .name').first().textContent();
      expect(heading?.trim()).toBe('gradlab');
      await expect(page.locator('.VPFeature').count()).resolves.toBeGreaterThanOrEqual(3);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
  });

  it('renders every guide page and every API module page with a heading, no console errors and no failed requests', async () => {
    const guides = readdirSync(join(dist, 'guide')).filter((f) => f.endsWith('.html')).map((f) => `guide/${f}`);
    expect(guides.length).toBeGreaterThanOrEqual(12);
    // The API reference: its index and each module's index page (one per package and subpath).
    const api = ['api/index.html', ...htmlIndexes(join(dist, 'api'), 'api')];
    expect(api.length, 'an API page per package').toBeGreaterThanOrEqual(13);
    await withPage(async (page, errors) => {
      for (const path of [...guides, ...api]) {
        await page.goto(`${url}${path}`, { waitUntil: 'load' });
        const h1 = await page.locator('.vp-doc h1').first().textContent();
        expect(h1?.trim().length, `${path} has a heading`).toBeGreaterThan(0);
      }
      expect(errors).toEqual([]);
    });
  }, 600_000);

  it('types the maths: formulas render as MathJax SVG', async () => {
    await withPage(async (page, errors) => {
      await page.goto(`${url}guide/binary-classification.html`, { waitUntil: 'load' });
      await expect(page.locator('mjx-container svg').count()).resolves.toBeGreaterThan(10);
      await expect(page.locator('.vp-doc').textContent()).resolves.not.toContain('$\\theta');
      expect(errors).toEqual([]);
    });
  });

  it("Bayes demo: shows the posterior that @gradlab/prob gives in Node (0.0480816), and follows the sliders", async () => {
    const posterior = (prevalence: number, sensitivity: number, falsePositive: number): number =>
      jointFromPrior(
        { name: 'disease', probs: [1 - prevalence, prevalence] },
        { name: 'test', probs: [[1 - falsePositive, falsePositive], [1 - sensitivity, sensitivity]] },
      ).bayes('disease', { test: 1 }).posterior[1] ?? Number.NaN;
    expect(posterior(0.02, 0.99, 0.4)).toBeCloseTo(0.0480816, 7);
    await withPage(async (page, errors) => {
      await page.goto(`${url}guide/probability.html`, { waitUntil: 'networkidle' });
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

  it('gradient-descent demo: the iterates are those of gradientDescent in Node; converges below 2/L, diverges past it', async () => {
    const g = (t: Tensor): Tensor => t.sub(2).square().mul(0.5).add(t.add(1).square().mul(1.5)).sum();
    const thetas: number[] = [];
    gradientDescent(g, tensor([5]), { lr: 0.1, steps: 300, tolerance: 1e-9, onStep: ({ params }) => void thetas.push(params.item()) });
    const shown = thetas.slice(0, 6).map((v) => String(Number(v.toPrecision(6)))).join(', ');
    expect(shown).toBe('5, 2.9, 1.64, 0.884, 0.4304, 0.15824');
    await withPage(async (page, errors) => {
      await page.goto(`${url}guide/optimisation.html`, { waitUntil: 'networkidle' });
      const demo = page.locator('[data-demo="gradient-descent"]');
      await expect(demo.locator('[data-output="iterates"]').textContent()).resolves.toBe(shown);
      await expect(demo.locator('[data-output="outcome"]').textContent()).resolves.toMatch(/^converges in 47 steps/);
      await screenshot(demo, 'gradient-descent');
      await setRange(demo.locator('[data-control="lr"]'), 0.45);
      await expect.poll(() => demo.locator('[data-output="outcome"]').textContent()).toMatch(/^converges in \d+ steps, violating/);
      await setRange(demo.locator('[data-control="lr"]'), 0.6);
      await expect.poll(() => demo.locator('[data-output="outcome"]').textContent()).toMatch(/^diverges/);
      expect(errors).toEqual([]);
    });
  });

  it('MLP demo: trains in the page (loss curve, decision region, one gradient norm per layer) and restarts on a new depth', async () => {
    await withPage(async (page, errors) => {
      await page.goto(`${url}guide/neural-networks.html`, { waitUntil: 'networkidle' });
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

describe('docs site: the attention demo and the API sidebar', () => {
  let server: Server;
  let url: string;
  beforeAll(async () => {
    ({ server, url } = await serve(dist));
  });
  afterAll(() => {
    server.close();
  });

  it('attention demo: shows the weights scaledDotProductAttention gives in Node; the causal mask zeroes the future', async () => {
    const full = demoAttention({ seed: 0, causal: false });
    const masked = demoAttention({ seed: 0, causal: true });
    expect(full.every((row) => Math.abs(row.reduce((a, b) => a + b, 0) - 1) < 1e-6)).toBe(true);
    expect(masked[1]?.[2]).toBe(0);
    expect(full[1]?.[2]).not.toBeCloseTo(full[2]?.[1] ?? 0, 3); // not symmetric
    await withPage(async (page, errors) => {
      await page.goto(`${url}guide/transformers.html`, { waitUntil: 'networkidle' });
      const demo = page.locator('[data-demo="attention"]');
      await expect(demo.locator('[data-output="a12"]').textContent()).resolves.toBe((full[1]?.[2] ?? 0).toFixed(2));
      await expect(demo.locator('[data-output="a21"]').textContent()).resolves.toBe((full[2]?.[1] ?? 0).toFixed(2));
      await expect(demo.locator('[data-output="weights"] rect').count()).resolves.toBe(36);
      await screenshot(demo, 'attention');
      await demo.locator('[data-control="causal"]').check();
      await expect.poll(() => demo.locator('[data-output="a12"]').textContent()).toBe('0.00');
      expect(errors).toEqual([]);
    });
  });

  it('API pages have a sidebar with one entry per package, whose links open the module pages', async () => {
    await withPage(async (page, errors) => {
      await page.goto(`${url}api/`, { waitUntil: 'networkidle' });
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

/** Every `index.html` one level below `dir` and deeper, as paths relative to the site. */
function htmlIndexes(dir: string, prefix: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (!statSync(full).isDirectory()) continue;
    if (existsSync(join(full, 'index.html'))) out.push(`${prefix}/${name}/index.html`);
    out.push(...htmlIndexes(full, `${prefix}/${name}`).filter((p) => p.split('/').length <= 5));
  }
  return out;
}

/** Sets a range input the way a user drags it: the value, then an input event for Vue. */
async function setRange(input: ReturnType<Page['locator']>, value: number): Promise<void> {
  // Runs in the page: `el` is the <input>; typed structurally since this package has no DOM lib.
  await input.evaluate((el: { value: string; dispatchEvent(e: unknown): boolean }, v) => {
    el.value = String(v);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, value);
}

/** With GRADLAB_SCREENSHOTS=1, writes a PNG of the demo to apps/docs/screenshots/. */
async function screenshot(demo: ReturnType<Page['locator']>, name: string): Promise<void> {
  if (process.env['GRADLAB_SCREENSHOTS'] !== '1') return;
  const dir = fileURLToPath(new URL('../screenshots/', import.meta.url));
  mkdirSync(dir, { recursive: true });
  await demo.screenshot({ path: join(dir, `${name}.png`) });
}

/** A fresh headless Chromium page that records console errors, page errors and failed requests. */
async function withPage(body: (page: Page, errors: string[]) => Promise<void>): Promise<void> {
  const profile = mkdtempSync(join(tmpdir(), 'gradlab-chromium-'));
  const context: BrowserContext = await chromium.launchPersistentContext(profile, { executablePath, headless: true, args: chromiumArgs, viewport: { width: 1000, height: 1400 } });
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(`${page.url()}: ${msg.text()}`);
    });
    page.on('pageerror', (err) => errors.push(`${page.url()}: ${err.message}`));
    page.on('requestfailed', (req) => {
      // Leaving a page aborts VitePress's link prefetches still in flight: not a failure of the site.
      const reason = req.failure()?.errorText ?? '';
      if (reason !== 'net::ERR_ABORTED') errors.push(`request failed (${reason}): ${req.url()}`);
    });
    page.on('response', (res) => {
      if (res.status() >= 400) errors.push(`HTTP ${res.status()}: ${res.url()}`);
    });
    await body(page, errors);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
