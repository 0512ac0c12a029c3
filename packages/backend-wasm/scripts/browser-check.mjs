#!/usr/bin/env node
// Loads the built package in headless Chromium (playwright-core; CHROMIUM_PATH or /usr/bin/chromium)
// through an import map, runs `await initWasmBackend()`, checkBackend and a matmul on the page, and
// exits 1 unless all pass. Needs `pnpm run build` here and in packages/core-tensor first.
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const packages = fileURLToPath(new URL('../..', import.meta.url));
const page = `<!doctype html><meta charset="utf-8">
<script type="importmap">{ "imports": {
  "@gradlab/core-tensor": "/core-tensor/dist/index.js",
  "@gradlab/core-tensor/testing": "/core-tensor/dist/testing/index.js",
  "@gradlab/backend-wasm": "/backend-wasm/dist/index.js"
} }</script>
<script type="module">
  import { setBackend, tensor, matmul, transpose } from '@gradlab/core-tensor';
  import { checkBackend } from '@gradlab/core-tensor/testing';
  import { createWasmBackend, initWasmBackend } from '@gradlab/backend-wasm';
  try {
    const backend = await initWasmBackend({ minElements: 0 });
    const report = checkBackend(backend);
    setBackend(backend);
    const a = tensor([[1, 2, 3], [4, 5, 6]], { dtype: 'float32' });
    const product = matmul(a, transpose(a)).toArray();
    // After the awaited init the compiled module is cached, so the synchronous factory works too.
    const again = createWasmBackend().name;
    window.result = { name: backend.name, passed: report.passed, failures: report.failures, product, again };
  } catch (e) {
    window.result = { error: String(e) };
  }
</script>`;

const types = { '.js': 'text/javascript', '.wasm': 'application/wasm', '.map': 'application/json' };
const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://x');
  if (url.pathname === '/') {
    res.writeHead(200, { 'content-type': 'text/html' }).end(page);
    return;
  }
  const file = normalize(join(packages, url.pathname));
  if (!file.startsWith(packages)) {
    res.writeHead(403).end();
    return;
  }
  let body;
  try {
    body = readFileSync(file);
  } catch {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(body);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const { port } = server.address();
const profile = mkdtempSync(join(tmpdir(), 'gradlab-chromium-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const tab = await context.newPage();
  await tab.goto(`http://127.0.0.1:${port}/`);
  await tab.waitForFunction(() => globalThis.result !== undefined, undefined, { timeout: 30_000 });
  const result = await tab.evaluate(() => globalThis.result);
  console.log(JSON.stringify(result));
  const ok = result.passed === true && result.name === 'wasm' && result.again === 'wasm' && JSON.stringify(result.product) === '[[14,32],[32,77]]';
  console.log(ok ? 'browser check passed: initWasmBackend + checkBackend in headless Chromium' : 'browser check FAILED');
  process.exitCode = ok ? 0 : 1;
} finally {
  await context.close();
  server.close();
  rmSync(profile, { recursive: true, force: true });
}
