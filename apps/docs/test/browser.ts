// Shared by the browser tests: a static server over the built site, a headless Chromium page that
// records every console error, page error and failed request, and the controls a reader moves.
import { createServer, type Server } from 'node:http';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';

export const dist = fileURLToPath(new URL('../docs/.vitepress/dist/', import.meta.url));
const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
  '.wasm': 'application/wasm',
  '.safetensors': 'application/octet-stream',
};

/** A tiny static server over the built site, on loopback only. */
export function serve(root: string): Promise<{ server: Server; url: string }> {
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

/**
 * Serves the built site for the tests of one file: call at the top of a `describe`.
 * @returns a getter of the site's base URL, valid inside the tests
 */
export function useSite(): () => string {
  let server: Server | undefined;
  let url = '';
  beforeAll(async () => {
    expect(existsSync(join(dist, 'index.html')), 'run docs:build first').toBe(true);
    expect(existsSync(executablePath), `Chromium not found at ${executablePath}`).toBe(true);
    ({ server, url } = await serve(dist));
  });
  afterAll(() => {
    server?.close();
  });
  return () => url;
}

export const executablePath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
export const chromiumArgs = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** Every `index.html` one level below `dir` and deeper, as paths relative to the site. */
export function htmlIndexes(dir: string, prefix: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (!statSync(full).isDirectory()) continue;
    if (existsSync(join(full, 'index.html'))) out.push(`${prefix}/${name}/index.html`);
    out.push(...htmlIndexes(full, `${prefix}/${name}`).filter((p) => p.split('/').length <= 5));
  }
  return out;
}

/** Sets a range (or number) input the way a user drags it: the value, then an input event for Vue. */
export async function setRange(input: Locator, value: number): Promise<void> {
  await input.evaluate((el, v) => {
    (el as HTMLInputElement).value = String(v);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, value);
}

/** With GRADLAB_SCREENSHOTS=1, writes a PNG of the demo to apps/docs/screenshots/. */
export async function screenshot(demo: Locator, name: string): Promise<void> {
  if (process.env['GRADLAB_SCREENSHOTS'] !== '1') return;
  const dir = fileURLToPath(new URL('../screenshots/', import.meta.url));
  mkdirSync(dir, { recursive: true });
  await demo.screenshot({ path: join(dir, `${name}.png`) });
}

/** The text of a demo's `[data-output=name]`. */
export function output(demo: Locator, name: string): Promise<string> {
  return demo.locator(`[data-output="${name}"]`).first().textContent().then((t) => (t ?? '').trim());
}

/** A fresh headless Chromium page that records console errors, page errors and failed requests. */
export async function withPage(body: (page: Page, errors: string[]) => Promise<void>): Promise<void> {
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
