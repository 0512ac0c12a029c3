import { createServer, type Server } from 'node:http';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const dist = fileURLToPath(new URL('../docs/.vitepress/dist/', import.meta.url));
const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
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

  it('renders every guide page with a heading and no console errors', async () => {
    const guides = readdirSync(join(dist, 'guide')).filter((f) => f.endsWith('.html'));
    expect(guides.length).toBeGreaterThanOrEqual(2);
    const profile = mkdtempSync(join(tmpdir(), 'gradlab-chromium-'));
    const context = await chromium.launchPersistentContext(profile, { executablePath, headless: true, args: chromiumArgs });
    try {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('console', (msg) => {
        if (msg.type() === 'error') errors.push(`${page.url()}: ${msg.text()}`);
      });
      page.on('pageerror', (err) => errors.push(`${page.url()}: ${err.message}`));
      for (const file of guides) {
        await page.goto(`${url}guide/${file}`, { waitUntil: 'load' });
        const h1 = await page.locator('.vp-doc h1').first().textContent();
        expect(h1?.trim().length, `${file} has a heading`).toBeGreaterThan(0);
      }
      expect(errors).toEqual([]);
    } finally {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
  });
});
