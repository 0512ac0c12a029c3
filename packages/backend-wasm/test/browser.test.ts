// The built package in headless Chromium (Debian's /usr/bin/chromium, or CHROMIUM_PATH): initWasmBackend,
// checkBackend, a matmul and a fused chain inside tidy, on a plain page (no shared memory: the single
// build, copies, no resident storage) and on a cross-origin-isolated one (shared memory, resident).
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkInBrowser } from '../scripts/browser-check.mjs';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const built = existsSync(new URL('../dist/index.js', import.meta.url)) && existsSync(new URL('../../core-tensor/dist/index.js', import.meta.url));

describe('in a browser', () => {
  it('loads, passes checkBackend and fuses, with and without shared memory', { timeout: 90_000 }, async () => {
    expect(existsSync(chromium), `chromium not found at ${chromium} (.ci/run installs it)`).toBe(true);
    expect(built, 'build this package and core-tensor first (pnpm run build)').toBe(true);
    const pages = await checkInBrowser();
    expect(pages.map((p) => [p.isolated, p.result])).toEqual([
      [false, expect.objectContaining({ passed: true, failures: [], fusedSame: true, isolated: false, residentEnabled: false })],
      [true, expect.objectContaining({ passed: true, failures: [], fusedSame: true, isolated: true, residentEnabled: true })],
    ]);
    expect(pages.every((p) => p.ok)).toBe(true);
  });
});
