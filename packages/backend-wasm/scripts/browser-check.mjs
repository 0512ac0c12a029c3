#!/usr/bin/env node
// Loads the built package in headless Chromium (playwright-core; CHROMIUM_PATH or /usr/bin/chromium)
// through an import map, runs `await initWasmBackend()`, checkBackend, a matmul and a fused chain
// inside tidy on the page, twice: on a plain page (no shared memory: copies, no resident storage)
// and on a cross-origin-isolated one (COOP/COEP: shared memory, resident storage). Exits 1 unless
// all pass. Needs `pnpm run build` here and in packages/core-tensor first.
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
  import { setBackend, tensor, matmul, transpose, tidy, relu, add, mul } from '@gradlab/core-tensor';
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
    // A chain inside tidy runs fused (and, with shared memory, in resident storage): same values.
    const x = tensor(Array.from({ length: 4096 }, (_, i) => Math.sin(i)), { dtype: 'float32' });
    const eager = Array.from(relu(add(mul(x, 2), -0.5)).data);
    const scoped = tidy(() => relu(add(mul(x, 2), -0.5)));
    const fusedSame = JSON.stringify(Array.from(scoped.data)) === JSON.stringify(eager);
    scoped.dispose();
    window.result = { name: backend.name, passed: report.passed, failures: report.failures, product, again, fusedSame,
      isolated: globalThis.crossOriginIsolated === true, residentEnabled: backend.residentEnabled, fusedPrograms: backend.fusedPrograms };
  } catch (e) {
    window.result = { error: String(e) };
  }
</script>`;

const types = { '.js': 'text/javascript', '.wasm': 'application/wasm', '.map': 'application/json' };

/**
 * Runs the page twice in headless Chromium (plain, then cross-origin-isolated) and returns what each
 * page reported plus whether it is as expected.
 * @returns {Promise<{ isolated: boolean, result: Record<string, unknown>, ok: boolean }[]>}
 */
export async function checkInBrowser() {
const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://x');
  if (url.pathname === '/') {
    const isolation = url.searchParams.has('isolated') ? { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' } : {};
    res.writeHead(200, { 'content-type': 'text/html', ...isolation }).end(page);
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
const pages = [];
try {
  for (const isolated of [false, true]) {
    const tab = await context.newPage();
    await tab.goto(`http://127.0.0.1:${port}/${isolated ? '?isolated' : ''}`);
    await tab.waitForFunction(() => globalThis.result !== undefined, undefined, { timeout: 30_000 });
    const result = await tab.evaluate(() => globalThis.result);
    const ok =
      result.passed === true &&
      result.name === 'wasm' &&
      result.again === 'wasm' &&
      JSON.stringify(result.product) === '[[14,32],[32,77]]' &&
      result.fusedSame === true &&
      result.fusedPrograms > 0 &&
      result.isolated === isolated &&
      result.residentEnabled === isolated;
    pages.push({ isolated, result, ok });
    await tab.close();
  }
} finally {
  await context.close();
  server.close();
  rmSync(profile, { recursive: true, force: true });
}
return pages;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const pages = await checkInBrowser();
  for (const p of pages) console.log(`${p.isolated ? 'cross-origin-isolated' : 'plain'} page: ${p.ok ? 'passed' : 'FAILED'} ${JSON.stringify(p.result)}`);
  const ok = pages.every((p) => p.ok);
  console.log(ok ? 'browser check passed: initWasmBackend, checkBackend, matmul and a fused tidy chain in headless Chromium' : 'browser check FAILED');
  process.exitCode = ok ? 0 : 1;
}
